package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assign a received dossier to an officer (to IN_PROCESSING). A null time means now. */
public record AssignDossierCommand(@TargetAggregateIdentifier String dossierId, String staffId, Instant assignedAt) {
}
