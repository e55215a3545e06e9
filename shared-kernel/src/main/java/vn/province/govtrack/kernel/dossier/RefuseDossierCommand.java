package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The desk refuses an online submission (NEW to NOT_RECEIVED): incomplete, or not competent. A null time means now. */
public record RefuseDossierCommand(@TargetAggregateIdentifier String dossierId, String reason, Instant refusedAt) {
}
