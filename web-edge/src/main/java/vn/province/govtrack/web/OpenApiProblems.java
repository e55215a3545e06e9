package vn.province.govtrack.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;

/**
 * The problem vocabulary in a service's OpenAPI document: the schemas {@value #PROBLEM} (its
 * {@code type} an enumeration of every {@link ProblemType}, described slug by slug) and
 * {@value #FIELD_ERROR}, and on every operation a {@code default} response of that schema as
 * {@code application/problem+json}. Both services publish the same, from this one place.
 *
 * <p>Each operation also names the problem answers that apply to it, from what its shape says: 400
 * where it takes parameters or a body (malformed or invalid), 404 where its path names a resource,
 * 503 on every {@code /api/} operation (they all read or write the database, which may be out). The
 * security rules add 401 and 403 ({@code OpenApiSecurityAutoConfiguration}), the command side its
 * 409 and 422; an error answer a handler declares itself ({@code @ApiResponse}) gets the schema, and
 * an example where it has none, here. Every problem answer carries an example of its most general type.
 */
public final class OpenApiProblems implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final String REF = "#/components/schemas/";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(FIELD_ERROR, new ObjectSchema()
                .description("One wrong field, path variable or query parameter of the request.")
                .addProperty("field", new StringSchema().description("its name; nested fields dotted"))
                .addProperty("message", new StringSchema().description("what is wrong with it")));
        openApi.getComponents().addSchemas(PROBLEM, problem());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            answersProblems(operation);
            if (operation.getResponses() == null) {
                return;
            }
            boolean takesInput = operation.getRequestBody() != null
                                 || (operation.getParameters() != null && !operation.getParameters().isEmpty());
            if (takesInput) {
                answers(operation, ProblemType.MALFORMED_REQUEST,
                        "The request is malformed (malformed-request) or a value is wrong (invalid-input); "
                        + "nothing was done.");
            }
            if (path.contains("{")) {
                answers(operation, ProblemType.NOT_FOUND, "What the path names does not exist.");
            }
            if (path.startsWith("/api/")) {
                answers(operation, ProblemType.UNAVAILABLE, "The database cannot be reached in time; try again "
                        + "after Retry-After seconds (a command: with the same Idempotency-Key).");
            }
            operation.getResponses().forEach((status, response) -> {
                ProblemType type = status.matches("[45]\\d\\d") ? ProblemType.ofStatus(Integer.parseInt(status)) : null;
                if (type == null) {
                    return;
                }
                if (!isProblem(response)) {
                    response.content(problemContent(type));
                } else if (problemOf(response).getExample() == null && problemOf(response).getExamples() == null) {
                    problemOf(response).example(problemContent(type).get(PROBLEM_JSON).getExample());
                }
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.description(type.title() + ".");
                }
            });
        }));
    }

    /**
     * Adds the answer {@code type.status()} to {@code operation} as a problem of the schema {@value #PROBLEM},
     * with an example of {@code type}, unless the operation states that status already.
     */
    public static void answers(Operation operation, ProblemType type, String description) {
        String status = String.valueOf(type.status());
        if (operation.getResponses() == null || operation.getResponses().containsKey(status)) {
            return;
        }
        ApiResponse response = new ApiResponse().description(description).content(problemContent(type));
        if (type == ProblemType.UNAVAILABLE || type == ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS) {
            response.addHeaderObject(HttpHeaders.RETRY_AFTER, new Header()
                    .description("seconds to wait before trying again").schema(new IntegerSchema()));
        }
        operation.getResponses().addApiResponse(status, response);
    }

    private static boolean isProblem(ApiResponse response) {
        return response.getContent() != null && response.getContent().containsKey(PROBLEM_JSON);
    }

    private static MediaType problemOf(ApiResponse response) {
        return response.getContent().get(PROBLEM_JSON);
    }

    private static Content problemContent(ProblemType type) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type.uri().toString());
        example.put("title", type.title());
        example.put("status", type.status());
        example.put("detail", EXAMPLE_DETAILS.getOrDefault(type, type.title()));
        example.put("correlationId", "6f1c2e9a-4b7d-4c1e-9a53-2d8f0b7e4c11");
        if (type == ProblemType.INVALID_INPUT) {
            example.put("errors", List.of(Map.of("field", "outcome", "message", "must be APPROVED or REFUSED")));
        }
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref(REF + PROBLEM)).example(example));
    }

    /** What a client reads in {@code detail} for the types the examples show. */
    private static final Map<ProblemType, String> EXAMPLE_DETAILS = Map.of(
            ProblemType.MALFORMED_REQUEST, "a value could not be read as its type, or the body is not well-formed JSON",
            ProblemType.INVALID_INPUT, "outcome: must be APPROVED or REFUSED",
            ProblemType.UNAUTHENTICATED, "a bearer token is required",
            ProblemType.FORBIDDEN, "role CLIENT may not call this endpoint",
            ProblemType.NOT_FOUND, "nothing is known by that identifier",
            ProblemType.CONFLICT, "the current state forbids this",
            ProblemType.UNPROCESSABLE, "the request cannot be carried out as it stands",
            ProblemType.RULE_VIOLATION, "the current state forbids this command",
            ProblemType.IDEMPOTENCY_KEY_REUSED, "this Idempotency-Key was used for another request",
            ProblemType.UNAVAILABLE, "the database did not answer in time; retry after Retry-After seconds");

    private static Schema<?> problem() {
        StringSchema type = new StringSchema();
        type.format("uri").description("What went wrong; clients switch on it. "
                + Arrays.stream(ProblemType.values())
                        .map(problem -> problem.slug() + " (" + problem.status() + ", " + problem.title() + ")")
                        .collect(Collectors.joining("; "))
                + "; or " + ProblemType.BASE + "http-NNN for another status NNN the server answers itself.");
        Arrays.stream(ProblemType.values()).forEach(problem -> type.addEnumItem(problem.uri().toString()));
        return new ObjectSchema()
                .description("An error answer (RFC 9457), the same for the same case on either service.")
                .addProperty("type", type)
                .addProperty("title", new StringSchema().description("the type's title"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what was wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("the request path"))
                .addProperty("correlationId", new StringSchema()
                        .description("the request's X-Correlation-Id, given or made; quote it when reporting a fault"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(REF + FIELD_ERROR))
                        .description("the wrong fields, where known (invalid-input)"))
                .required(List.of("type", "title", "status"));
    }

    private static void answersProblems(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getDefault() != null) {
            return;
        }
        operation.getResponses().setDefault(new ApiResponse()
                .description("A problem; its type says which (see the " + PROBLEM + " schema).")
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref(REF + PROBLEM)))));
    }
}
