package vn.province.govtrack.query.dossier;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.PaymentChannel;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.query.applicant.ApplicantView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A dossier as the public API shows it, times in the business time zone. The fields mean what
 * {@link DossierView}'s do, and are filled from them by name ({@link DossierResponses}): a view
 * field is shown by a component of the same name here.
 *
 * @param statusCode       the national status code, 1 to 10
 * @param applicant        the applicant, opened at read time, for readers allowed to see personal data
 *                         ({@code PersonalDataReader}); absent from the JSON for everyone else
 * @param clockRunning     the deadline clock runs: received, not ended, no supplement outstanding
 * @param amountPaidOnline of {@code amountPaid}, what was paid online (the national portal's payment platform)
 * @param paymentChannel   how the last payment was made; null before any
 * @param parts            the parts the dossier has, by its last digitisation record; this and the other
 *                         digitisation fields are null before any record
 * @param ratingScore      the applicant's rating, 1 (very dissatisfied) to 5 (very satisfied); null if not rated
 * @param lastPosition     global position of the last event reflected here
 */
@Schema(example = """
        {"dossierId": "HS42-0000035", "status": "RETURNED", "statusCode": 10, "procedureCode": "1.000163",
        "field": "HOME_AFFAIRS", "unitCode": "SO-02", "channel": "IN_PERSON",
        "applicant": {"idNumber": "068051448799", "fullName": "Nguyễn Minh Khoa",
        "phone": "0381398571"}, "receivedAt": "2025-07-03T08:48:47+07:00",
        "clockStartsAt": "2025-07-03T08:48:47+07:00", "processingHours": 40,
        "dueAt": "2025-07-10T08:48:47+07:00", "clockRunning": false, "assignedStaffId": "CB-SO-02-2",
        "supplementRequests": 0, "extensions": 0, "transfers": 0, "amountRequested": 50000, "amountPaid": 50000,
        "amountPaidOnline": 50000, "paymentChannel": "ONLINE",
        "resolvedAt": "2025-07-11T10:41:52+07:00", "outcome": "APPROVED", "timeliness": "LATE",
        "processingDays": 6.235416666666667, "returnedAt": "2025-07-11T15:02:10+07:00",
        "parts": 3, "digitisedParts": 3, "reusedParts": 1, "populationDataUsed": true,
        "digitisedAt": "2025-07-03T09:05:12+07:00", "electronicResultIssuedAt": "2025-07-11T10:45:00+07:00",
        "ratingScore": 5, "ratedAt": "2025-07-11T15:03:40+07:00", "lastPosition": 13017}""")
public record DossierResponse(String dossierId, DossierStatus status, Integer statusCode, String procedureCode,
                              String field, String unitCode, Channel channel,
                              @JsonInclude(JsonInclude.Include.NON_NULL) ApplicantView applicant,
                              OffsetDateTime submittedAt,
                              OffsetDateTime refusedAt, OffsetDateTime receivedAt, OffsetDateTime clockStartsAt,
                              int processingHours, OffsetDateTime dueAt, boolean clockRunning,
                              String assignedStaffId, int supplementRequests, OffsetDateTime pausedSince,
                              int extensions, int transfers, long amountRequested, long amountPaid,
                              long amountPaidOnline, PaymentChannel paymentChannel,
                              OffsetDateTime withdrawalRequestedAt, OffsetDateTime resolvedAt, Outcome outcome,
                              Timeliness timeliness, Double processingDays, OffsetDateTime returnedAt,
                              OffsetDateTime stoppedAt, Integer parts, Integer digitisedParts, Integer reusedParts,
                              Boolean populationDataUsed, OffsetDateTime digitisedAt,
                              OffsetDateTime electronicResultIssuedAt, Integer ratingScore, OffsetDateTime ratedAt,
                              long lastPosition) {
}
