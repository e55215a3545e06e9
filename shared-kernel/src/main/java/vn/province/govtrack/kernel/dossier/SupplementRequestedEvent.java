package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * The applicant must add documents (SUPPLEMENT_REQUESTED); the clock is paused from {@code requestedAt}.
 *
 * @param requestNumber 1 for the first request; a dossier with more than one is judged LATE
 */
@Revision("1")
public record SupplementRequestedEvent(String dossierId, String reason, Instant requestedAt, int requestNumber)
        implements TimelinessEvent {

    /** {@code requestedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(requestedAt);
    }
}
