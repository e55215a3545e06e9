package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submit a dossier at a unit's one-stop desk. In person it is received at once and its due
 * date decided; {@code submittedAt} lets an importer replay dated history (null = now).
 */
public record SubmitDossierCommand(@TargetAggregateIdentifier String dossierId, String procedureCode,
                                   String unitCode, Channel channel, Applicant applicant,
                                   Instant submittedAt) {
}
