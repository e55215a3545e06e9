package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask the applicant for more documents; the clock pauses until they arrive. A null time means now. */
public record RequestSupplementCommand(@TargetAggregateIdentifier String dossierId, String reason, Instant requestedAt) {
}
