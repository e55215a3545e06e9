package vn.province.govtrack.kernel.feedback;

/** Event-stream identifiers of feedback; see {@code UnitIds} for why they are prefixed. */
public final class FeedbackIds {
    private static final String PREFIX = "feedback:";

    private FeedbackIds() {
    }

    public static String streamOf(String feedbackId) {
        return PREFIX + feedbackId;
    }
}
