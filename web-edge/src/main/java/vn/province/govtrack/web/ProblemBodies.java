package vn.province.govtrack.web;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one form of every problem body, whoever writes it (the advice, the filters, the error page, the
 * security layer): the type and title of the {@link ProblemType} vocabulary, the request path as
 * {@code instance}, the request's {@code correlationId} and the extension members the request asked for.
 */
final class ProblemBodies {

    /** Request attribute: a {@code Map<String, Object>} of extension members for whatever problem the request ends with. */
    static final String PROPERTIES = ProblemBodies.class.getName() + ".properties";

    /** The {@code Retry-After} of a 503 that names none of its own: every 503 says when to try again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private ProblemBodies() {
    }

    /**
     * Gives a 503 answer its {@code Retry-After}: {@code delay} when not null, else {@link #RETRY_AFTER},
     * unless the answer already has one (set by whoever knows better, e.g. read-your-writes).
     */
    static void retryAfter(ProblemDetail problem, Duration delay, HttpServletResponse response) {
        if (response == null || response.containsHeader(HttpHeaders.RETRY_AFTER)
            || (delay == null && problem.getStatus() != HttpStatus.SERVICE_UNAVAILABLE.value())) {
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, seconds(delay != null ? delay : RETRY_AFTER));
    }

    /** {@code delay} in whole seconds, rounded up, as {@code Retry-After} says it. */
    static String seconds(Duration delay) {
        return Long.toString(Math.max(1, (delay.toMillis() + 999) / 1000));
    }

    static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    /**
     * A problem of the status alone; {@code refusedByServer} when the container or firewall refused the
     * request before the application read it.
     */
    static ProblemDetail ofStatus(int status, boolean refusedByServer, String detail) {
        ProblemType type = refusedByServer ? ProblemType.ofServerRefusal(status) : ProblemType.ofStatus(status);
        if (type != null) {
            return of(type, detail);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(ProblemType.BASE + "http-" + status));
        problem.setTitle(reasonPhrase(status));
        return problem;
    }

    static String reasonPhrase(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    /**
     * Gives {@code problem} the vocabulary's type and title (a problem of the framework's carries only
     * its status), and the request's instance, correlation id and extension members.
     */
    @SuppressWarnings("unchecked")
    static void complete(ProblemDetail problem, HttpServletRequest request) {
        ProblemType type = ProblemType.of(problem.getType());
        if (type == null && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            ProblemDetail byStatus = ofStatus(problem.getStatus(), false, problem.getDetail());
            problem.setType(byStatus.getType());
            problem.setTitle(byStatus.getTitle());
        } else if (type != null) {
            problem.setTitle(type.title());
            if (type.retryMaySucceed() && request != null) {
                request.setAttribute(FilterProblems.RETRY_MAY_SUCCEED, true);
            }
        }
        if (request == null) {
            return;
        }
        if (problem.getInstance() == null) {
            problem.setInstance(pathOf(request));
        }
        String correlationId = CorrelationIdFilter.correlationIdOf(request);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        if (request.getAttribute(PROPERTIES) instanceof Map<?, ?> properties) {
            ((Map<String, Object>) properties).forEach(problem::setProperty);
        }
    }

    /**
     * The request's path as received (on the error page, the failed request's); null for one that is no
     * URI (the firewall refuses those).
     */
    private static URI pathOf(HttpServletRequest request) {
        try {
            return URI.create(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                    ? failed : request.getRequestURI());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
