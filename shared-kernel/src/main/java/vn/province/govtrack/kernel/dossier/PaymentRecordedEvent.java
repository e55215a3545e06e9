package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The requested payment was made; processing continues.
 */
@Revision("1")
public record PaymentRecordedEvent(String dossierId, long amount, Instant paidAt) implements DossierEvent {
}
