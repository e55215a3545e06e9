package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The desk refused the online submission (NOT_RECEIVED); no clock ever ran.
 */
@Revision("1")
public record DossierRefusedEvent(String dossierId, String reason, Instant refusedAt) implements DossierEvent {
}
