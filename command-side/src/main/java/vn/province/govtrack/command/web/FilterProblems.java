package vn.province.govtrack.command.web;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes problem+json answers from servlet filters, which run outside Spring MVC and its
 * {@link ProblemDetailsAdvice}, in the same form: a stable {@code type} and the request's
 * {@code correlationId}.
 */
@Component
public class FilterProblems {

    /**
     * Request attribute set when the answer is a failure that the same request may overcome if
     * retried (a lost concurrency race): such an answer is not kept as the request's final one.
     */
    public static final String RETRY_MAY_SUCCEED = FilterProblems.class.getName() + ".retryMaySucceed";

    private final ObjectMapper json;

    FilterProblems(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String slug,
                      String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(ProblemDetailsAdvice.TYPE_BASE + slug));
        problem.setTitle(title);
        String correlationId = CorrelationIdFilter.correlationIdOf(request);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
