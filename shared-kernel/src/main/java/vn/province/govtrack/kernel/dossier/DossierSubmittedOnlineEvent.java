package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.applicant.SealedApplicant;

/**
 * An applicant registered a dossier on the national portal (status NEW). No clock runs yet:
 * it starts when the desk receives the dossier ({@link DossierReceivedEvent}).
 *
 * <p>Revision 2: the applicant is sealed ({@link SealedApplicant}); revision 1 carried it in clear and
 * never left development (docs/adr/0004-personal-data.md).
 */
@Revision("2")
public record DossierSubmittedOnlineEvent(String dossierId, String procedureCode, String field, String unitCode,
                                          SealedApplicant applicant, Instant submittedAt) implements DossierEvent {

    /** {@code submittedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(submittedAt);
    }
}
