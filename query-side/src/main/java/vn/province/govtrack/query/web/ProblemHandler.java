package vn.province.govtrack.query.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Every error leaves as {@code application/problem+json} with a stable {@code type}. Spring MVC's
 * own exceptions (unknown path, wrong method, bad parameter type, ...) get a type by status; the
 * problems this service raises carry their own (see {@link Problems}). Bad input is always a 4xx;
 * a 5xx means the store is unreachable or a defect, and its detail reveals nothing internal.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        return problem(ex, headers, request, Problems.invalidParameter(
                name + " must be of type " + expected + "; got '" + ex.getValue() + "'").getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return problem(ex, headers, request, Problems.invalidParameter(
                "Parameter " + ex.getParameterName() + " is required").getBody());
    }

    @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class})
    ResponseEntity<Object> storeUnavailable(Exception ex, WebRequest request) {
        log.warn("MongoDB unreachable while answering {}", request.getDescription(false), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database is unreachable; retry later");
        return problem(ex, new HttpHeaders(), request, problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> defect(Exception ex, WebRequest request) {
        log.error("Unexpected failure answering {}", request.getDescription(false), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged");
        return problem(ex, new HttpHeaders(), request, problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            complete(problem, request);
        }
        return response;
    }

    private ResponseEntity<Object> problem(Exception ex, HttpHeaders headers, WebRequest request, ProblemDetail body) {
        return handleExceptionInternal(ex, body, headers, HttpStatusCode.valueOf(body.getStatus()), request);
    }

    @SuppressWarnings("unchecked")
    private static void complete(ProblemDetail problem, WebRequest request) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            String slug = Problems.slugOf(problem.getStatus());
            problem.setType(Problems.type(slug));
        }
        Object extra = request.getAttribute(Problems.EXTRA_PROPERTIES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (extra instanceof Map<?, ?> properties) {
            ((Map<String, Object>) properties).forEach(problem::setProperty);
        }
    }
}
