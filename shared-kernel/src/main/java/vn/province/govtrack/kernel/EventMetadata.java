package vn.province.govtrack.kernel;

/**
 * The metadata keys every event carries, for auditors: who caused it (and in which role and for
 * which unit), which request it belongs to, and which message directly caused it.
 */
public final class EventMetadata {

    /**
     * Who issued the command: the subject ({@code sub}) of the request's bearer token, or
     * {@code "system:<job>"} for a command the service issued itself (e.g. {@code system:secondment-expiry}).
     */
    public static final String ACTOR = "actor";
    /** The role the actor acted in (CLERK, UNIT_HEAD, HOME_AFFAIRS, ADMIN, ...); absent for system jobs. */
    public static final String ACTOR_ROLE = "actorRole";
    /** The unit a unit-bound actor (CLERK, UNIT_HEAD) acted for; absent for the other roles. */
    public static final String ACTOR_UNIT = "actorUnit";
    /** The request the event belongs to: the caller's {@code X-Correlation-Id}, or one generated per request. */
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the message (the command) whose handling produced the event. */
    public static final String CAUSATION_ID = "causationId";
    /**
     * Present on the events of a command sent with an {@code Idempotency-Key}: an opaque digest of the
     * caller's key within the caller's scope. The event store records it as the commit's key, unique
     * across the store, so a key takes effect once whatever happens to the process that used it.
     */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /**
     * Present with {@link #IDEMPOTENCY_KEY}: an opaque digest of the request (method, path, body) that
     * used the key, so that a later request with the same key can be told the same request or another.
     */
    public static final String REQUEST_FINGERPRINT = "requestFingerprint";

    /**
     * Present on the events a bulk import of dossier history recorded: the id of the record of the
     * imported file that gave the command. A record whose id a dossier's stream already holds is not
     * imported again, which makes importing a file twice change nothing.
     */
    public static final String IMPORT_RECORD = "importRecord";

    private EventMetadata() {
    }
}
