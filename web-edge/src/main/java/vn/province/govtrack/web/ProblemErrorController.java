package vn.province.govtrack.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: failures that never reached a controller (an exception in
 * a filter, an error the container itself sent) are answered as problem+json too, in place of
 * Spring Boot's default error body. An exception a {@link ProblemMapping} knows (the database out of
 * reach while a filter used it) is answered as the mapping says, as inside Spring MVC; any other is a
 * fault. Nothing internal is shown. Not an operation of the API, so not in its documentation ({@code @Hidden}
 * is ignored where springdoc is absent).
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final List<ProblemMapping> mappings;

    ProblemErrorController(List<ProblemMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        Optional<ProblemException> mapped = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e
                ? ProblemAdvice.mapped(mappings, e) : Optional.empty();
        ProblemDetail problem;
        if (mapped.isPresent()) {
            log.warn("Request failed: {} answering {}", request.getAttribute(RequestDispatcher.ERROR_EXCEPTION),
                     request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
            problem = ProblemBodies.of(mapped.get().type(), mapped.get().detail());
            mapped.get().properties().forEach(problem::setProperty);
            problem.setInstance(mapped.get().instance());
        } else {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer value && value >= 400 && value <= 599 ? value : 500;
            problem = ProblemBodies.ofStatus(status, true, status >= 500
                    ? "the request failed on the server; quote its correlation id when reporting it"
                    : "the request was refused: " + ProblemBodies.reasonPhrase(status));
        }
        ProblemBodies.complete(problem, request);
        ProblemBodies.retryAfter(problem, mapped.map(ProblemException::retryAfter).orElse(null), response);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
