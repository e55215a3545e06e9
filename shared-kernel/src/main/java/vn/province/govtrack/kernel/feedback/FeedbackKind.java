package vn.province.govtrack.kernel.feedback;

/**
 * What a citizen's feedback about a unit's service is: a suggestion ("kiến nghị") or a complaint
 * ("phản ánh") about how a procedure was handled.
 */
public enum FeedbackKind {
    SUGGESTION, COMPLAINT
}
