package vn.province.govtrack.query.dossier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.query.applicant.ApplicantView;

/**
 * A dossier as the public API shows it, times in the business time zone. The fields mean what
 * {@link DossierView}'s do.
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

    /** @param applicant null to leave the applicant out */
    static DossierResponse of(DossierView view, ZoneId zone, ApplicantView applicant) {
        return new DossierResponse(view.dossierId(), view.status(),
                view.status() == null ? null : view.status().code(), view.procedureCode(), view.field(),
                view.unitCode(), view.channel(), applicant, at(view.submittedAt(), zone), at(view.refusedAt(), zone),
                at(view.receivedAt(), zone), at(view.clockStartsAt(), zone), view.processingHours(),
                at(view.dueAt(), zone), view.clockRunning(), view.assignedStaffId(), view.supplementRequests(),
                at(view.pausedSince(), zone), view.extensions(), view.transfers(), view.amountRequested(),
                view.amountPaid(), at(view.withdrawalRequestedAt(), zone), at(view.resolvedAt(), zone),
                view.outcome(), view.timeliness(), view.processingDays(), at(view.returnedAt(), zone),
                at(view.stoppedAt(), zone), view.lastPosition());
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
