package vn.province.govtrack.query.dossier;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.query.applicant.ApplicantView;

/**
 * A dossier as the public API shows it, times in the business time zone. The fields mean what
 * {@link DossierView}'s do, and are filled from them by name ({@link DossierResponses}): a view
 * field is shown by a component of the same name here.
 *
 * @param statusCode   the national status code, 1 to 10
 * @param applicant    the applicant, opened at read time, for readers allowed to see personal data
 *                     ({@code PersonalDataReader}); absent from the JSON for everyone else
 * @param clockRunning the deadline clock runs: received, not ended, no supplement outstanding
 * @param lastPosition global position of the last event reflected here
 */
public record DossierResponse(String dossierId, DossierStatus status, Integer statusCode, String procedureCode,
                              String field, String unitCode, Channel channel,
                              @JsonInclude(JsonInclude.Include.NON_NULL) ApplicantView applicant,
                              OffsetDateTime submittedAt,
                              OffsetDateTime refusedAt, OffsetDateTime receivedAt, OffsetDateTime clockStartsAt,
                              int processingHours, OffsetDateTime dueAt, boolean clockRunning,
                              String assignedStaffId, int supplementRequests, OffsetDateTime pausedSince,
                              int extensions, int transfers, long amountRequested, long amountPaid,
                              OffsetDateTime withdrawalRequestedAt, OffsetDateTime resolvedAt, Outcome outcome,
                              Timeliness timeliness, Double processingDays, OffsetDateTime returnedAt,
                              OffsetDateTime stoppedAt, long lastPosition) {
}
