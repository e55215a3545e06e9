package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * The dossier moved to another unit, which handles it from now on.
 */
@Revision("1")
public record DossierTransferredEvent(String dossierId, String fromUnitCode, String toUnitCode, String reason, Instant transferredAt)
        implements TimelinessEvent {

    /** {@code transferredAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(transferredAt);
    }
}
