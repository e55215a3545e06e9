package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The result was handed back to the applicant (RETURNED).
 */
@Revision("1")
public record DossierReturnedEvent(String dossierId, Instant returnedAt) implements TimelinessEvent {
}
