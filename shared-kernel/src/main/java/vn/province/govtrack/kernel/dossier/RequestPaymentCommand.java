package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask for fees or financial obligations. A null time means now. */
public record RequestPaymentCommand(@TargetAggregateIdentifier String dossierId, long amount, String reason, Instant requestedAt) {
}
