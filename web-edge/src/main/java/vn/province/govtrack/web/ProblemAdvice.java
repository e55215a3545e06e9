package vn.province.govtrack.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every failure inside Spring MVC, of either service, as a problem of the {@link ProblemType}
 * vocabulary: a {@link ProblemException} as it says; another exception as the first
 * {@link ProblemMapping} bean that knows it says; Spring MVC's own exceptions by their status, bodies
 * that cannot be read as {@code malformed-request}, and invalid values as {@code invalid-input} with
 * {@code errors} per field. Input never causes a 5xx: exceptions that only input can provoke are 400s,
 * and the last resort answers 500 without internals only for genuine faults.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** Request attribute: the {@code Retry-After} the answered {@link ProblemException} asked for. */
    private static final String RETRY_AFTER = ProblemAdvice.class.getName() + ".retryAfter";

    private final List<ProblemMapping> mappings;

    ProblemAdvice(List<ProblemMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e, WebRequest request) {
        return answer(e, e, request);
    }

    /** Only input provokes these on the way to a decision (dates out of range, unparsable values). */
    @ExceptionHandler({IllegalArgumentException.class, DateTimeException.class, ArithmeticException.class})
    ResponseEntity<Object> unprocessableInput(Exception e, WebRequest request) {
        Optional<ProblemException> mapped = mapped(e);
        if (mapped.isPresent()) {
            return answer(e, mapped.get(), request);
        }
        log.warn("Request rejected as invalid input: {}", e.toString());
        return answer(e, ProblemType.INVALID_INPUT.exception("the request could not be processed as given"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> mappedOrFault(Exception e, WebRequest request) {
        Optional<ProblemException> mapped = mapped(e);
        if (mapped.isPresent()) {
            if (mapped.get().type().status() >= 500) {
                log.warn("Request failed: {} answering {}", e.toString(), request.getDescription(false));
            }
            return answer(e, mapped.get(), request);
        }
        log.error("Request failed on the server", e);
        return answer(e, ProblemType.INTERNAL_ERROR.exception(
                "the request failed on the server; quote its correlation id when reporting it"), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemBodies.of(ProblemType.MALFORMED_REQUEST, unreadable(e));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return handleExceptionInternal(e, invalidFields(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors body) {
                // a @Valid body checked together with constrained path variables: name the body's own fields
                body.getFieldErrors()
                        .forEach(error -> errors.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
                if (!body.getFieldErrors().isEmpty()) {
                    return;
                }
            }
            String name = result.getMethodParameter().getParameterName();
            String field = result.getContainerIndex() != null ? name + "[" + result.getContainerIndex() + "]" : name;
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new FieldProblem(field, error.getDefaultMessage()));
            }
        });
        return handleExceptionInternal(e, invalidFields(errors), headers, status, request);
    }

    /** A path variable or query parameter that does not convert to its type. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        List<FieldProblem> errors = List.of(
                new FieldProblem(name, "must be of type " + expected + "; got '" + e.getValue() + "'"));
        return handleExceptionInternal(e, invalidFields(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        List<FieldProblem> errors = List.of(new FieldProblem(e.getParameterName(), "is required"));
        return handleExceptionInternal(e, invalidFields(errors), headers, status, request);
    }

    /**
     * No handler for the path, whether the service serves static resources (its fallback then fails) or
     * not: said alike, without the framework's wording.
     */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, nothingAnswers(), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException e, HttpHeaders headers,
                                                                   HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, nothingAnswers(), headers, status, request);
    }

    private static ProblemDetail nothingAnswers() {
        return ProblemBodies.of(ProblemType.NOT_FOUND, "nothing answers at this path");
    }

    /**
     * The funnel of every answer above and of Spring MVC's own exceptions: the vocabulary's form, and a
     * {@code Retry-After} on every 503.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            NativeWebRequest exchange = (NativeWebRequest) request;
            ProblemBodies.complete(problem, exchange.getNativeRequest(HttpServletRequest.class));
            ProblemBodies.retryAfter(problem, (Duration) exchange.getAttribute(RETRY_AFTER, WebRequest.SCOPE_REQUEST),
                                     exchange.getNativeResponse(HttpServletResponse.class));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private Optional<ProblemException> mapped(Throwable failure) {
        return mapped(mappings, failure);
    }

    /** What the first of {@code mappings} that knows {@code failure} answers it with. */
    static Optional<ProblemException> mapped(List<ProblemMapping> mappings, Throwable failure) {
        for (ProblemMapping mapping : mappings) {
            Optional<ProblemException> problem = mapping.problemOf(failure);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private ResponseEntity<Object> answer(Exception e, ProblemException problem, WebRequest request) {
        if (problem.retryAfter() != null) {
            request.setAttribute(RETRY_AFTER, problem.retryAfter(), WebRequest.SCOPE_REQUEST);
        }
        ProblemDetail body = ProblemBodies.of(problem.type(), problem.detail());
        problem.properties().forEach(body::setProperty);
        body.setInstance(problem.instance());
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatusCode.valueOf(body.getStatus()), request);
    }

    private static ProblemDetail invalidFields(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemBodies.of(ProblemType.INVALID_INPUT,
                                                 errors.stream().map(error -> error.field() + " " + error.message())
                                                         .sorted().collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors.stream().sorted(Comparator.comparing(FieldProblem::field)).toList());
        return problem;
    }

    /** Says what was wrong with an unreadable body without echoing parser internals. */
    private static String unreadable(HttpMessageNotReadableException e) {
        return e.getCause() instanceof JsonProcessingException cause
                ? JsonProblems.describe(cause, "the request body", "this request")
                : "the request body is missing or unreadable";
    }

    /** One invalid field of a request and what is wrong with it: an element of a problem's {@code errors}. */
    record FieldProblem(String field, String message) {
    }
}
