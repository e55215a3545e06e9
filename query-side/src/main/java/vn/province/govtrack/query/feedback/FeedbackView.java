package vn.province.govtrack.query.feedback;

import java.time.Instant;

import vn.province.govtrack.kernel.feedback.FeedbackAnsweredEvent;
import vn.province.govtrack.kernel.feedback.FeedbackKind;
import vn.province.govtrack.kernel.feedback.FeedbackReceivedEvent;
import vn.province.govtrack.kernel.feedback.FeedbackStatus;

/**
 * A piece of feedback as the feedback projection keeps it, folded from its events; the due time and the
 * on-time verdict are the command side's, as recorded. Whether it is overdue depends on when one asks, so it
 * is not stored ({@link FeedbackResponse}).
 *
 * @param dossierId  the dossier it is about, or null
 * @param answeredAt null while it is open
 * @param onTime     whether the answer came by the due time; null while it is open
 */
record FeedbackView(String feedbackId, FeedbackKind kind, String unitCode, String dossierId, String subject,
                    Instant receivedAt, Instant dueAt, FeedbackStatus status, Instant answeredAt, Boolean onTime) {

    static FeedbackView received(FeedbackReceivedEvent event) {
        return new FeedbackView(event.feedbackId(), event.kind(), event.unitCode(), event.dossierId(), event.subject(),
                                event.receivedAt(), event.dueAt(), FeedbackStatus.OPEN, null, null);
    }

    FeedbackView answered(FeedbackAnsweredEvent event) {
        return new FeedbackView(feedbackId, kind, unitCode, dossierId, subject, receivedAt, event.dueAt(),
                                FeedbackStatus.ANSWERED, event.answeredAt(), event.onTime());
    }

    /** Open and past its due time at {@code now}. */
    boolean overdueAt(Instant now) {
        return status == FeedbackStatus.OPEN && now.isAfter(dueAt);
    }
}
