package vn.province.govtrack.kernel.applicant;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * An applicant's personal data was erased on request: the key with id {@code keyId} is destroyed,
 * so every {@link SealedApplicant} sealed under it is unreadable from now on. Carries no personal
 * data; it tells auditors that, and when, an erasure happened.
 */
@Revision("1")
public record ApplicantDataErasedEvent(String keyId, Instant erasedAt) implements BusinessEvent {

    /** {@code erasedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(erasedAt);
    }
}
