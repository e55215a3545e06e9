package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requested payment was made, through {@code channel}. A null time means now. */
public record RecordPaymentCommand(@TargetAggregateIdentifier String dossierId, long amount, Instant paidAt,
                                   PaymentChannel channel) {
}
