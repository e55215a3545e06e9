package vn.province.govtrack.query.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems this service answers with (RFC 9457). Each kind has a stable {@code type} URI under
 * {@link #TYPE_BASE}; clients may switch on it, so a slug never changes meaning.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://govtrack.example/problems/";

    /**
     * Request attribute: a {@code Map<String, Object>} of extension members to add to whatever
     * problem this request ends with (e.g. how far the projection got when a query gave up waiting).
     */
    public static final String EXTRA_PROPERTIES_ATTRIBUTE = Problems.class.getName() + ".extraProperties";

    private Problems() {
    }

    /** A query parameter or header that is missing, malformed or out of range. */
    public static ErrorResponseException invalidParameter(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
    }

    /** The caller may not read this; the same type as the security layer's 403s. */
    public static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ErrorResponseException notFound(String slug, String title, String detail) {
        return problem(HttpStatus.NOT_FOUND, slug, title, detail);
    }

    public static ErrorResponseException conflict(String slug, String title, String detail) {
        return problem(HttpStatus.CONFLICT, slug, title, detail);
    }

    private static final Map<Integer, String> SLUG_BY_STATUS = Map.of(
            400, "invalid-request",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            409, "conflict",
            413, "payload-too-large",
            415, "unsupported-media-type",
            500, "internal-error",
            503, "store-unavailable");

    /** The slug of a problem known only by its status (Spring MVC's own exceptions, the container's refusals). */
    static String slugOf(int status) {
        return SLUG_BY_STATUS.getOrDefault(status, "http-" + status);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
