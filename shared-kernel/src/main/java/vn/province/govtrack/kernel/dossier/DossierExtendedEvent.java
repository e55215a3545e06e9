package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * The office apologised and set a new appointment date (Circular 03/2025 form 04).
 */
@Revision("1")
public record DossierExtendedEvent(String dossierId, Instant previousDueAt, Instant newDueAt, String apology, Instant extendedAt)
        implements TimelinessEvent {

    /** {@code extendedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(extendedAt);
    }
}
