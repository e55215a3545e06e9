package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * How the dossier's parts are held electronically, as the desk recorded it; a later record (after a
 * supplement brought more parts, say) replaces it.
 *
 * @param parts              the parts the dossier has, at least 1
 * @param digitisedParts     how many are held electronically (0 to {@code parts})
 * @param reusedParts        how many of those were taken from data digitised before (0 to {@code digitisedParts})
 * @param populationDataUsed whether the applicant's data came from the national population database
 */
@Revision("1")
public record DossierDigitisedEvent(String dossierId, int parts, int digitisedParts, int reusedParts,
                                    boolean populationDataUsed, Instant digitisedAt) implements DossierEvent {

    /** Every part is held electronically. */
    public boolean fullyDigitised() {
        return digitisedParts == parts;
    }

    /** {@code digitisedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(digitisedAt);
    }
}
