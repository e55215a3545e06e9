package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * The result was handed back to the applicant (RETURNED).
 */
@Revision("1")
public record DossierReturnedEvent(String dossierId, Instant returnedAt) implements TimelinessEvent {

    /** {@code returnedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(returnedAt);
    }
}
