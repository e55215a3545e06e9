package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The applicant supplied the requested documents; the clock runs again. A null time means now. */
public record ProvideSupplementCommand(@TargetAggregateIdentifier String dossierId, String note, Instant providedAt) {
}
