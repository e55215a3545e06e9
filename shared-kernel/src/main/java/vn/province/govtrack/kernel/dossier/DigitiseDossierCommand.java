package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record how the dossier's parts are held electronically. A null time means now.
 *
 * @param parts              the parts (components) the dossier has
 * @param digitisedParts     how many of them are held electronically: scanned, submitted online or reused
 * @param reusedParts        how many of those were taken from data digitised before, not asked for again
 * @param populationDataUsed whether the applicant's data was taken from the national population database
 */
public record DigitiseDossierCommand(@TargetAggregateIdentifier String dossierId, int parts, int digitisedParts,
                                     int reusedParts, boolean populationDataUsed, Instant digitisedAt) {
}
