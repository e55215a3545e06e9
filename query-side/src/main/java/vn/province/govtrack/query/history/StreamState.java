package vn.province.govtrack.query.history;

import java.time.OffsetDateTime;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An aggregate's state rebuilt from the events selected by the two time axes, folded in sequence order.
 *
 * @param asOf            business time: the events that had happened by then (a day, or an instant); now
 *                        when the request named none
 * @param knownAt         recorded time, as the request named it (in the business zone): only the events the
 *                        store had recorded by then; null when the request named none (every event recorded)
 * @param knownAtPosition the last global position the store had recorded at {@code knownAt}; null without it
 * @param eventCount      how many events were folded in
 * @param lastApplied     the last event folded in, by sequence
 * @param fold            how {@code state} was built: {@code dossier} (the dossier projection's own fold,
 *                        so it reads like {@code GET /dossiers/{id}}) or {@code generic} (payload fields
 *                        merged in order, later events overriding earlier ones)
 */
@Schema(example = """
        {"aggregateId": "HS42-0000035", "aggregateType": "Dossier",
        "asOf": "2026-12-03T21:38:38.005933226+07:00", "eventCount": 3,
        "lastApplied": {"position": 13017, "sequence": 2, "type": "DossierResolvedEvent",
        "occurredAt": "2025-07-11T10:41:52+07:00", "timestamp": "2026-12-03T21:37:00.259675471+07:00"},
        "fold": "dossier", "state": {"dossierId": "HS42-0000035", "status": "RESOLVED", "statusCode": 9,
        "procedureCode": "1.000163", "field": "HOME_AFFAIRS", "unitCode": "SO-02",
        "channel": "IN_PERSON", "applicant": {"idNumber": "068051448799",
        "fullName": "Nguyễn Minh Khoa", "phone": "0381398571"},
        "receivedAt": "2025-07-03T08:48:47+07:00", "clockStartsAt": "2025-07-03T08:48:47+07:00",
        "processingHours": 40, "dueAt": "2025-07-10T08:48:47+07:00", "clockRunning": false,
        "assignedStaffId": "CB-SO-02-2", "supplementRequests": 0, "extensions": 0, "transfers": 0,
        "amountRequested": 0, "amountPaid": 0, "amountPaidOnline": 0,
        "resolvedAt": "2025-07-11T10:41:52+07:00",
        "outcome": "APPROVED", "timeliness": "LATE", "processingDays": 6.235416666666667,
        "lastPosition": 13017}}""")
record StreamState(String aggregateId, String aggregateType, AsOf asOf, OffsetDateTime knownAt, Long knownAtPosition,
                   int eventCount, LastApplied lastApplied, String fold, Object state) {

    /**
     * The last event folded into a state.
     *
     * @param position   its global position
     * @param sequence   its number within the stream, from 0: the state's version
     * @param occurredAt when it happened (business time, {@link HistoryEvent#occurredAt()})
     * @param timestamp  its message's timestamp ({@link HistoryEvent#timestamp()})
     */
    record LastApplied(Long position, long sequence, String type, OffsetDateTime occurredAt, OffsetDateTime timestamp) {
    }
}
