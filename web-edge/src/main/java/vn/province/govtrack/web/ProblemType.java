package vn.province.govtrack.web;

import java.net.URI;

/**
 * The problem vocabulary of both services: every {@code type} an error answer
 * ({@code application/problem+json}, RFC 9457) may carry, with its status and title. A type is
 * {@value #BASE}{@code <slug>}; clients switch on it, so a slug never changes meaning. The same case
 * gets the same type, title and status on either service; the body also holds {@code detail} (what
 * was wrong, never internals), {@code instance} (the request path), {@code correlationId} (the
 * request's {@code X-Correlation-Id}) and, where named fields or parameters were wrong,
 * {@code errors}: a list of {@code {"field", "message"}}.
 *
 * <table>
 *   <caption>The types</caption>
 *   <tr><th>slug</th><th>status</th><th>when</th><th>answered by</th></tr>
 *   <tr><td>malformed-request</td><td>400</td><td>the request cannot be read: a body that is not
 *       well-formed UTF-8 JSON of the expected form (unknown or duplicate fields, wrong JSON types, too
 *       deep); a path, method, header or query that the server's firewall refuses (encoded slash,
 *       {@code ..}, control characters); a malformed {@code Accept}</td><td>both</td></tr>
 *   <tr><td>invalid-input</td><td>400</td><td>a readable request with a wrong value: a body field, path
 *       variable, query parameter or header out of form or range, or a command the rules refuse as
 *       given; {@code errors} names the fields where known</td><td>both</td></tr>
 *   <tr><td>unauthenticated</td><td>401</td><td>no valid bearer token (missing, expired, forged, no
 *       usable role)</td><td>both</td></tr>
 *   <tr><td>forbidden</td><td>403</td><td>the caller's role may not call the endpoint, or acts for
 *       another unit than the resource's</td><td>both</td></tr>
 *   <tr><td>not-found</td><td>404</td><td>nothing answers at this path, or a command names a dossier,
 *       unit or staff member nothing is recorded for</td><td>both</td></tr>
 *   <tr><td>method-not-allowed</td><td>405</td><td>the path has no such method</td><td>both</td></tr>
 *   <tr><td>not-acceptable</td><td>406</td><td>the {@code Accept} header excludes JSON (and any other type the endpoint answers, see {@link AlsoAnswered})</td><td>both</td></tr>
 *   <tr><td>conflict</td><td>409</td><td>a conflict no more specific type names</td><td>both</td></tr>
 *   <tr><td>payload-too-large</td><td>413</td><td>the body exceeds {@code govtrack.web.max-request-body}</td>
 *       <td>both</td></tr>
 *   <tr><td>unsupported-media-type</td><td>415</td><td>a body that is not JSON</td><td>both</td></tr>
 *   <tr><td>unprocessable</td><td>422</td><td>a 422 no more specific type names</td><td>both</td></tr>
 *   <tr><td>internal-error</td><td>500</td><td>a fault of the service; quote the correlation id when
 *       reporting it</td><td>both</td></tr>
 *   <tr><td>unavailable</td><td>503</td><td>the database is unreachable or did not answer in time (for a
 *       command: whether it was recorded is unknown, retry with the same {@code Idempotency-Key}), or a
 *       wait the request asked for ran out, or the instance keeps as many projection streams open as it
 *       may; always with {@code Retry-After}; retry later</td><td>both</td></tr>
 *   <tr><td>http-NNN</td><td>NNN</td><td>any other status the server answers before the application
 *       runs, titled with its reason phrase</td><td>both</td></tr>
 *   <tr><td>unknown-reference</td><td>404</td><td>a command's body names a unit, procedure or staff
 *       member that does not exist</td><td>command side</td></tr>
 *   <tr><td>rule-violation</td><td>409</td><td>the current state forbids the command (e.g. resolving a
 *       dossier twice); nothing was recorded</td><td>command side</td></tr>
 *   <tr><td>concurrent-change</td><td>409</td><td>another command changed the same resource at the same
 *       time; nothing was recorded, a retry may succeed</td><td>command side</td></tr>
 *   <tr><td>invalid-idempotency-key</td><td>400</td><td>an {@code Idempotency-Key} that is not 1-255
 *       visible ASCII characters</td><td>command side</td></tr>
 *   <tr><td>idempotency-key-in-progress</td><td>409</td><td>the first request with the key is still
 *       running</td><td>command side</td></tr>
 *   <tr><td>idempotency-key-reused</td><td>422</td><td>the key was used with another request</td>
 *       <td>command side</td></tr>
 *   <tr><td>applicant-not-found</td><td>404</td><td>no readable personal data is held for the ID
 *       number</td><td>command side</td></tr>
 *   <tr><td>dossier-not-found, staff-not-found, unit-not-found, procedure-not-found</td><td>404</td>
 *       <td>no such resource in the read model (yet: see {@code minPosition})</td><td>query side</td></tr>
 *   <tr><td>stream-not-found</td><td>404</td><td>no event is recorded for the aggregate</td>
 *       <td>query side</td></tr>
 *   <tr><td>stream-not-started</td><td>404</td><td>the aggregate's first event is later than
 *       {@code asOf}</td><td>query side</td></tr>
 *   <tr><td>projection-not-found</td><td>404</td><td>no projection of that name</td><td>query side</td></tr>
 *   <tr><td>projection-not-rebuildable</td><td>409</td><td>the projection cannot be replayed</td>
 *       <td>query side</td></tr>
 *   <tr><td>rebuild-in-progress</td><td>409</td><td>a rebuild of the projection is already asked for
 *       or running</td><td>query side</td></tr>
 *   <tr><td>dead-letter-not-found</td><td>404</td><td>no parked event has that id (it may have been
 *       retried, or cleared by a rebuild)</td><td>query side</td></tr>
 * </table>
 *
 * A service answers its own failures by throwing a {@link ProblemException} of one of these types, or
 * by contributing a {@link ProblemMapping} bean for exceptions it does not define.
 */
public enum ProblemType {

    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    INVALID_INPUT(400, "invalid-input", "Invalid input"),
    UNAUTHENTICATED(401, "unauthenticated", "Unauthenticated"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    UNPROCESSABLE(422, "unprocessable", "Unprocessable request"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    UNAVAILABLE(503, "unavailable", "Service unavailable"),

    UNKNOWN_REFERENCE(404, "unknown-reference", "Unknown reference"),
    RULE_VIOLATION(409, "rule-violation", "Forbidden by the current state"),
    CONCURRENT_CHANGE(409, "concurrent-change", "Concurrent change"),
    INVALID_IDEMPOTENCY_KEY(400, "invalid-idempotency-key", "Invalid idempotency key"),
    IDEMPOTENCY_KEY_IN_PROGRESS(409, "idempotency-key-in-progress", "Request in progress"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency key reused"),
    APPLICANT_NOT_FOUND(404, "applicant-not-found", "Applicant not found"),

    DOSSIER_NOT_FOUND(404, "dossier-not-found", "Dossier not found"),
    STAFF_NOT_FOUND(404, "staff-not-found", "Staff member not found"),
    UNIT_NOT_FOUND(404, "unit-not-found", "Unit not found"),
    PROCEDURE_NOT_FOUND(404, "procedure-not-found", "Procedure not found"),
    STREAM_NOT_FOUND(404, "stream-not-found", "Stream not found"),
    STREAM_NOT_STARTED(404, "stream-not-started", "Stream not started yet"),
    PROJECTION_NOT_FOUND(404, "projection-not-found", "Projection not found"),
    PROJECTION_NOT_REBUILDABLE(409, "projection-not-rebuildable", "Projection cannot be rebuilt"),
    REBUILD_IN_PROGRESS(409, "rebuild-in-progress", "Rebuild already under way"),
    DEAD_LETTER_NOT_FOUND(404, "dead-letter-not-found", "Dead letter not found");

    /** Where every type lives; the only place the address is written. */
    public static final String BASE = "https://govtrack.example/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /**
     * Whether the same request may succeed when simply sent again (it lost a race): an answer of this
     * type is not kept as the request's final answer (idempotency).
     */
    public boolean retryMaySucceed() {
        return this == CONCURRENT_CHANGE;
    }

    /** The problem of this type, saying {@code detail}. */
    public ProblemException exception(String detail) {
        return new ProblemException(this, detail);
    }

    /**
     * The type of an answer Spring MVC gives by its status alone (a 400 there is a value it could not
     * bind); null for statuses no type covers.
     */
    static ProblemType ofStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type.ordinal() <= UNAVAILABLE.ordinal() && type != MALFORMED_REQUEST) {
                return type;
            }
        }
        return null;
    }

    /**
     * The type of a refusal by the servlet container or the firewall, before the application read the
     * request (a 400 there is a request it could not take apart); null for statuses no type covers.
     */
    static ProblemType ofServerRefusal(int status) {
        return status == 400 ? MALFORMED_REQUEST : ofStatus(status);
    }

    /** The type whose URI is {@code uri}, or null when it is none of these. */
    static ProblemType of(URI uri) {
        if (uri == null) {
            return null;
        }
        for (ProblemType type : values()) {
            if (type.uri().equals(uri)) {
                return type;
            }
        }
        return null;
    }
}
