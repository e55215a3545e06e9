package vn.province.govtrack.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes problems from servlet filters, which run outside Spring MVC and its problem advice, in the
 * same form (see {@link ProblemType}).
 */
public final class FilterProblems {

    /**
     * Request attribute set when the answer is a failure that the same request may overcome if
     * retried (a lost concurrency race): such an answer is not kept as the request's final one.
     */
    public static final String RETRY_MAY_SUCCEED = FilterProblems.class.getName() + ".retryMaySucceed";

    private final ObjectMapper json;

    FilterProblems(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Adds extension members to whatever problem {@code request} ends with (e.g. how far a projection
     * got when a query gave up waiting for it); none when it succeeds.
     */
    @SuppressWarnings("unchecked")
    public static void addToAnyProblem(HttpServletRequest request, Map<String, ?> properties) {
        Map<String, Object> all = request.getAttribute(ProblemBodies.PROPERTIES) instanceof Map<?, ?> earlier
                ? (Map<String, Object>) earlier : new LinkedHashMap<>();
        all.putAll(properties);
        request.setAttribute(ProblemBodies.PROPERTIES, all);
    }

    /** Answers the request with a problem of {@code type} saying {@code detail}, in place of anything buffered. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        write(request, response, ProblemBodies.of(type, detail));
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        ProblemBodies.complete(problem, request);
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        ProblemBodies.retryAfter(problem, null, response);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
