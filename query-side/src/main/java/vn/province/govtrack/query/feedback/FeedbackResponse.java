package vn.province.govtrack.query.feedback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import io.swagger.v3.oas.annotations.media.Schema;

import vn.province.govtrack.kernel.feedback.FeedbackKind;
import vn.province.govtrack.kernel.feedback.FeedbackStatus;

/**
 * A piece of feedback as the API shows it, times in the business time zone.
 *
 * @param answeredAt null while it is open
 * @param onTime     answered by {@code dueAt}; null while it is open
 * @param overdue    open and past {@code dueAt} at the time of asking
 */
@Schema(example = """
        {"feedbackId": "GY-2025-0042", "kind": "COMPLAINT", "unitCode": "XA-TAN-LAP",
        "dossierId": "HS-2025-000123", "subject": "Hẹn trả kết quả nhiều lần",
        "receivedAt": "2025-07-04T10:00:00+07:00", "dueAt": "2025-07-18T10:00:00+07:00", "status": "ANSWERED",
        "answeredAt": "2025-07-10T15:00:00+07:00", "onTime": true, "overdue": false}""")
record FeedbackResponse(String feedbackId, FeedbackKind kind, String unitCode, String dossierId, String subject,
                        OffsetDateTime receivedAt, OffsetDateTime dueAt, FeedbackStatus status,
                        OffsetDateTime answeredAt, Boolean onTime, boolean overdue) {

    /** The view as known at {@code now}, which decides {@code overdue}. */
    static FeedbackResponse of(FeedbackView view, Instant now, ZoneId zone) {
        return new FeedbackResponse(view.feedbackId(), view.kind(), view.unitCode(), view.dossierId(), view.subject(),
                                    local(view.receivedAt(), zone), local(view.dueAt(), zone), view.status(),
                                    local(view.answeredAt(), zone), view.onTime(), view.overdueAt(now));
    }

    private static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
