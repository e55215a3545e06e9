package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The result of a resolved dossier is issued as an electronic document as well. A null time means now. */
public record IssueElectronicResultCommand(@TargetAggregateIdentifier String dossierId, Instant issuedAt) {
}
