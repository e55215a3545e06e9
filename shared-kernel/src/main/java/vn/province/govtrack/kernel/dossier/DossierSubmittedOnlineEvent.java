package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * An applicant registered a dossier on the national portal (status NEW). No clock runs yet:
 * it starts when the desk receives the dossier ({@link DossierReceivedEvent}).
 */
@Revision("1")
public record DossierSubmittedOnlineEvent(String dossierId, String procedureCode, String field, String unitCode,
                                          Applicant applicant, Instant submittedAt) {
}
