package vn.province.govtrack.simulator.dossier;

import java.time.Instant;

/**
 * A citizen's feedback about a dossier's handling ({@code POST /feedback}), received by the unit holding
 * the dossier then and answered by its head ({@code POST /feedback/{id}/answer}), or left unanswered.
 *
 * @param kind       {@code COMPLAINT} or {@code SUGGESTION}
 * @param answeredAt when the unit head answers, or null when it is left open
 * @param answer     the answer, null when left open
 */
public record FeedbackPlan(String feedbackId, String kind, String unitCode, String dossierId, String subject,
                           Instant receivedAt, Instant answeredAt, String answer) {

    public static final String COMPLAINT = "COMPLAINT";
    public static final String SUGGESTION = "SUGGESTION";

    public boolean complaint() {
        return COMPLAINT.equals(kind);
    }
}
