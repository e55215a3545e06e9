package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import vn.province.govtrack.kernel.applicant.SealedApplicant;

/**
 * Submit a dossier at a unit's one-stop desk. In person it is received at once and its due
 * date decided; {@code submittedAt} lets an importer replay dated history (null = now). The
 * applicant arrives sealed: the edge that accepted the clear data sealed it before sending.
 */
public record SubmitDossierCommand(@TargetAggregateIdentifier String dossierId, String procedureCode,
                                   String unitCode, Channel channel, SealedApplicant applicant,
                                   Instant submittedAt) {
}
