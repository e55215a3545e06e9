package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a dossier to another unit; receipt is not bound by administrative boundary. A null time means now. */
public record TransferDossierCommand(@TargetAggregateIdentifier String dossierId, String toUnitCode, String reason, Instant transferredAt) {
}
