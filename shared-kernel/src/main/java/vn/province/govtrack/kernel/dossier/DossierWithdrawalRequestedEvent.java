package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The applicant asked to withdraw (WITHDRAWAL_REQUESTED).
 */
@Revision("1")
public record DossierWithdrawalRequestedEvent(String dossierId, String reason, Instant requestedAt)
        implements DossierEvent {
}
