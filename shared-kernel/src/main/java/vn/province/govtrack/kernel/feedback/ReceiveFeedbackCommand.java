package vn.province.govtrack.kernel.feedback;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a citizen's feedback about unit {@code unitCode}'s service, optionally about one dossier. A null
 * time means now.
 *
 * @param subject what it is about, in a few words; no personal data
 */
public record ReceiveFeedbackCommand(String feedbackId, FeedbackKind kind, String unitCode, String dossierId,
                                     String subject, Instant receivedAt) {

    @TargetAggregateIdentifier
    public String streamId() {
        return FeedbackIds.streamOf(feedbackId);
    }
}
