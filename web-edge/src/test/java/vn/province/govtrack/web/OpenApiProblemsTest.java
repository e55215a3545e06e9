package vn.province.govtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

/** The problem vocabulary as a service's OpenAPI document states it. */
class OpenApiProblemsTest {

    private static OpenAPI documentWithOneOperation() {
        Operation operation = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
        return new OpenAPI().paths(new Paths().addPathItem("/api/v1/units", new PathItem().get(operation)));
    }

    @Test
    void theProblemSchemaListsEveryTypeOfTheVocabulary() {
        OpenAPI openApi = documentWithOneOperation();

        new OpenApiProblems().customise(openApi);

        Schema<?> problem = openApi.getComponents().getSchemas().get("Problem");
        Schema<?> type = (Schema<?>) problem.getProperties().get("type");
        assertThat(type.getEnum().stream().map(String::valueOf).toList())
                .hasSize(ProblemType.values().length)
                .contains("https://govtrack.example/problems/invalid-input",
                          "https://govtrack.example/problems/unavailable");
        assertThat(problem.getProperties()).containsKeys("title", "status", "detail", "instance", "correlationId",
                                                         "errors");
        assertThat(openApi.getComponents().getSchemas().get("FieldError").getProperties())
                .containsOnlyKeys("field", "message");
    }

    @Test
    void everyOperationAnswersProblemsByDefault() {
        OpenAPI openApi = documentWithOneOperation();

        new OpenApiProblems().customise(openApi);

        ApiResponse fallback = openApi.getPaths().get("/api/v1/units").getGet().getResponses().getDefault();
        assertThat(fallback.getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
    }
}
