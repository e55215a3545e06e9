package vn.province.govtrack.kernel;

/**
 * The metadata keys every event carries, for auditors: who caused it, which request it belongs
 * to, and which message directly caused it.
 */
public final class EventMetadata {

    /** Who issued the command: the authenticated principal's name, or {@code "anonymous"}. */
    public static final String ACTOR = "actor";
    /** The request the event belongs to: the caller's {@code X-Correlation-Id}, or one generated per request. */
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the message (the command) whose handling produced the event. */
    public static final String CAUSATION_ID = "causationId";

    private EventMetadata() {
    }
}
