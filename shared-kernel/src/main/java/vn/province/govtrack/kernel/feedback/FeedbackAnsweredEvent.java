package vn.province.govtrack.kernel.feedback;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * Unit {@code unitCode} answered the feedback at {@code answeredAt}: on time when that is no later than
 * {@code dueAt}, judged here and recorded.
 */
@Revision("1")
public record FeedbackAnsweredEvent(String feedbackId, String unitCode, String answer, Instant answeredAt,
                                    Instant dueAt, boolean onTime) implements BusinessEvent {

    /** {@code answeredAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(answeredAt);
    }
}
