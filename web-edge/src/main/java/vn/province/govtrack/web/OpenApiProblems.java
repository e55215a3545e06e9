package vn.province.govtrack.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The problem vocabulary in a service's OpenAPI document: the schemas {@value #PROBLEM} (its
 * {@code type} an enumeration of every {@link ProblemType}, described slug by slug) and
 * {@value #FIELD_ERROR}, and on every operation a {@code default} response of that schema as
 * {@code application/problem+json}. Both services publish the same, from this one place.
 */
final class OpenApiProblems implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final String REF = "#/components/schemas/";

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
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(OpenApiProblems::answersProblems));
    }

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
