package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The desk accepts an online submission (NEW to RECEIVED); {@code receivedAt} null means now. */
public record ReceiveDossierCommand(@TargetAggregateIdentifier String dossierId, Instant receivedAt) {
}
