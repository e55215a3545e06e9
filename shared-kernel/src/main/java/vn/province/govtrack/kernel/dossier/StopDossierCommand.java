package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop processing: a withdrawal granted, or a legal stop. A null time means now. */
public record StopDossierCommand(@TargetAggregateIdentifier String dossierId, String reason, Instant stoppedAt) {
}
