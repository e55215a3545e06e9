package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hand the result back to the applicant, in person or by post. A null time means now. */
public record ReturnDossierCommand(@TargetAggregateIdentifier String dossierId, Instant returnedAt) {
}
