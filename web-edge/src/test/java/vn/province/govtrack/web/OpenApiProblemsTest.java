package vn.province.govtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.PathParameter;
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

    @Test
    void anOperationWithInputAndAPathVariableUnderTheApiAnswers400And404And503AsProblemsWithExamples() {
        Operation operation = new Operation().addParametersItem(new PathParameter().name("dossierId"))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
        OpenAPI openApi = new OpenAPI().paths(new Paths().addPathItem("/api/v1/dossiers/{dossierId}",
                                                                      new PathItem().get(operation)));

        new OpenApiProblems().customise(openApi);

        ApiResponses responses = openApi.getPaths().get("/api/v1/dossiers/{dossierId}").getGet().getResponses();
        assertThat(responses).containsKeys("400", "404", "503");
        for (String status : new String[] {"400", "404", "503"}) {
            MediaType problem = responses.get(status).getContent().get("application/problem+json");
            assertThat(problem.getSchema().get$ref()).isEqualTo("#/components/schemas/Problem");
            assertThat(((java.util.Map<?, ?>) problem.getExample()).get("status")).isEqualTo(Integer.parseInt(status));
        }
        assertThat(responses.get("503").getHeaders()).containsKey("Retry-After");
    }

    @Test
    void anOperationWithoutInputOutsideTheApiAnswersNoneOfThem() {
        Operation operation = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
        OpenAPI openApi = new OpenAPI().paths(new Paths().addPathItem("/dev/status", new PathItem().get(operation)));

        new OpenApiProblems().customise(openApi);

        assertThat(openApi.getPaths().get("/dev/status").getGet().getResponses()).containsOnlyKeys("200", "default");
    }

    @Test
    void anErrorAnswerAHandlerDeclaresWithoutContentBecomesAProblem() {
        Operation operation = new Operation().responses(new ApiResponses()
                .addApiResponse("409", new ApiResponse().description("A rebuild is under way.")));
        OpenAPI openApi = new OpenAPI().paths(new Paths().addPathItem("/dev/rebuild", new PathItem().post(operation)));

        new OpenApiProblems().customise(openApi);

        ApiResponse conflict = openApi.getPaths().get("/dev/rebuild").getPost().getResponses().get("409");
        assertThat(conflict.getDescription()).isEqualTo("A rebuild is under way.");
        assertThat(conflict.getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
    }
}
