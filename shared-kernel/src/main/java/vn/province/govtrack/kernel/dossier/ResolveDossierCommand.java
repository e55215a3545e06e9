package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Decide a dossier; {@code resolvedAt} null means now. */
public record ResolveDossierCommand(@TargetAggregateIdentifier String dossierId, Outcome outcome,
                                    String note, Instant resolvedAt) {
}
