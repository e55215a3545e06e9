package vn.province.govtrack.kernel.feedback;

/** Where a piece of feedback stands: received and awaiting the unit's answer, or answered (which closes it). */
public enum FeedbackStatus {
    OPEN, ANSWERED
}
