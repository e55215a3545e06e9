package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * An officer handles the dossier now (IN_PROCESSING).
 */
@Revision("1")
public record DossierAssignedEvent(String dossierId, String staffId, Instant assignedAt) implements DossierEvent {

    /** {@code assignedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(assignedAt);
    }
}
