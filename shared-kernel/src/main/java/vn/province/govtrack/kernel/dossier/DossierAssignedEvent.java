package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * An officer handles the dossier now (IN_PROCESSING).
 */
@Revision("1")
public record DossierAssignedEvent(String dossierId, String staffId, Instant assignedAt) implements DossierEvent {
}
