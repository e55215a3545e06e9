package vn.province.govtrack.command.web;

import java.net.URI;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;

import vn.province.govtrack.command.rejection.ForbiddenCommandException;
import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.command.rejection.UnknownReferenceException;

/**
 * Answers every failure as {@code application/problem+json} (RFC 9457) with a stable {@code type}
 * ({@value #TYPE_BASE}{@code <slug>}) and the request's {@code correlationId}: 400 for malformed or
 * invalid input (with {@code errors} per field where known), 404 for unknown paths and references,
 * 403 for a command the caller may not give (another unit's dossier), 405, 415, 409 for commands
 * the current state forbids and for concurrent changes. Input never
 * causes a 5xx: exceptions that only input can provoke are 400s, and the last resort answers 500
 * without internals only for genuine faults.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://govtrack.example/problems/";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidCommandException.class)
    ResponseEntity<Object> invalidCommand(InvalidCommandException e, WebRequest request) {
        return answer(e, problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage()), request);
    }

    @ExceptionHandler(UnknownReferenceException.class)
    ResponseEntity<Object> unknownReference(UnknownReferenceException e, WebRequest request) {
        return answer(e, problem(HttpStatus.NOT_FOUND, "unknown-reference", "Unknown reference", e.getMessage()), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> unknownResource(AggregateNotFoundException e, WebRequest request) {
        String detail = "nothing is recorded under '" + e.getAggregateIdentifier() + "'";
        return answer(e, problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail), request);
    }

    /** Same type as the security layer's 403s: the caller may not do this. */
    @ExceptionHandler(ForbiddenCommandException.class)
    ResponseEntity<Object> forbidden(ForbiddenCommandException e, WebRequest request) {
        return answer(e, problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()), request);
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> ruleViolation(RuleViolationException e, WebRequest request) {
        return answer(e, problem(HttpStatus.CONFLICT, "rule-violation", "Forbidden by the current state", e.getMessage()),
                      request);
    }

    /** Another command changed the same aggregate first; nothing of this one was appended. */
    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class,
                       AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrentChange(Exception e, WebRequest request) {
        request.setAttribute(FilterProblems.RETRY_MAY_SUCCEED, true, WebRequest.SCOPE_REQUEST);
        String detail = "another command changed the same resource at the same time; nothing was recorded, retry";
        return answer(e, problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change", detail), request);
    }

    /** Only input provokes these on the way to a decision (dates out of range, unparsable values). */
    @ExceptionHandler({IllegalArgumentException.class, DateTimeException.class, ArithmeticException.class})
    ResponseEntity<Object> unprocessableInput(Exception e, WebRequest request) {
        log.warn("Request rejected as invalid input: {}", e.toString());
        return answer(e, problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                                 "the request could not be processed as given"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> lastResort(Exception e, WebRequest request) {
        log.error("Request failed on the server", e);
        return answer(e, problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                                 "the request failed on the server; quote its correlation id when reporting it"),
                      request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(status, "malformed-request", "Malformed request", unreadable(e));
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
        return handleExceptionInternal(e, invalidFields(status, errors), headers, status, request);
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
        return handleExceptionInternal(e, invalidFields(status, errors), headers, status, request);
    }

    /** The funnel of every answer above and of Spring MVC's own exceptions: stamps type and correlation id. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
                problem.setType(URI.create(TYPE_BASE + slugOf(status)));
            }
            HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
            if (servletRequest != null && CorrelationIdFilter.correlationIdOf(servletRequest) != null) {
                problem.setProperty("correlationId", CorrelationIdFilter.correlationIdOf(servletRequest));
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ResponseEntity<Object> answer(Exception e, ProblemDetail problem, WebRequest request) {
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
                                       request);
    }

    private static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    private static ProblemDetail invalidFields(HttpStatusCode status, List<FieldProblem> errors) {
        ProblemDetail problem = problem(status, "invalid-input", "Invalid input",
                                        errors.stream().map(error -> error.field() + " " + error.message())
                                                .sorted().collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors.stream().sorted(Comparator.comparing(FieldProblem::field)).toList());
        return problem;
    }

    static String slugOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "invalid-input";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 422 -> "unprocessable";
            case 415 -> "unsupported-media-type";
            case 500 -> "internal-error";
            case 503 -> "unavailable";
            default -> "http-" + status.value();
        };
    }

    /** Says what was wrong with an unreadable body without echoing parser internals. */
    private static String unreadable(HttpMessageNotReadableException e) {
        return e.getCause() instanceof JsonProcessingException cause ? JsonProblems.describe(cause, "the request body", "this request")
                : "the request body is missing or unreadable";
    }

    /** One invalid field of a request and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }
}
