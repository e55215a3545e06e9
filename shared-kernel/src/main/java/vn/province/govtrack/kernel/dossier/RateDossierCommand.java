package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The applicant's rating of the service, once the result was returned: {@code score} from 1 (very
 * dissatisfied) to 5 (very satisfied). A null time means now.
 */
public record RateDossierCommand(@TargetAggregateIdentifier String dossierId, int score, Instant ratedAt) {
}
