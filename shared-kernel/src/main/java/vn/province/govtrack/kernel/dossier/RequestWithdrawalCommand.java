package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The applicant asks to withdraw the dossier. A null time means now. */
public record RequestWithdrawalCommand(@TargetAggregateIdentifier String dossierId, String reason, Instant requestedAt) {
}
