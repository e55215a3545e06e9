package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Apologise and set a new appointment date (Circular 03/2025, form 04). A null time means now. */
public record ExtendDossierCommand(@TargetAggregateIdentifier String dossierId, Instant newDueAt, String apology, Instant extendedAt) {
}
