package vn.province.govtrack.kernel.feedback;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The unit answers the feedback, which closes it. A null time means now. */
public record AnswerFeedbackCommand(String feedbackId, String answer, Instant answeredAt) {

    @TargetAggregateIdentifier
    public String streamId() {
        return FeedbackIds.streamOf(feedbackId);
    }
}
