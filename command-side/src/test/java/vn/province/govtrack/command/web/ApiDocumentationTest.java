package vn.province.govtrack.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import vn.province.govtrack.command.CommandSideHttpTest;

/**
 * The command side's OpenAPI document as Swagger UI and client generators read it, in the local profile
 * that {@code ./run} uses (so {@code POST /dev/tokens} is in it): every operation summarised, its problem
 * answers and examples stated, and Swagger UI served without a token. Writes the document to
 * {@code target/openapi/command-side.json}, which {@code .ci/lint-openapi} lints.
 *
 * <p>The same configuration as {@link DevTokenControllerTest}, so both share one context.
 */
@ActiveProfiles("local")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentationTest extends CommandSideHttpTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** The context's client, which adds no token. */
    @Autowired
    private TestRestTemplate plain;
    private JsonNode document;

    @BeforeAll
    void writeTheDocument() throws IOException {
        ResponseEntity<String> answer = plain.getForEntity("/v3/api-docs", String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        Path file = Path.of("target", "openapi", "command-side.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, answer.getBody());
        document = new ObjectMapper().readTree(answer.getBody());
    }

    /** Every operation of the document, by method and path. */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                method -> operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                         method.getValue())));
        assertThat(operations).isNotEmpty();
        return operations;
    }

    @Test
    void everyOperationHasASummaryOfItsOwn() {
        List<String> summaries = new ArrayList<>();
        operations().forEach((name, operation) -> {
            assertThat(operation.path("summary").asText()).as(name).isNotBlank();
            summaries.add(operation.path("summary").asText());
        });
        assertThat(summaries).doesNotHaveDuplicates();
    }

    @Test
    void everySecuredOperationDocumentsItsUnauthenticatedAndForbiddenAnswers() {
        List<String> open = new ArrayList<>();
        operations().forEach((name, operation) -> {
            if (operation.has("security") && operation.path("security").isEmpty()) {
                open.add(name);
                return;
            }
            assertThat(operation.path("responses").has("401")).as(name + " 401").isTrue();
            boolean everyRole = operation.path("description").asText()
                    .contains("Roles: CLERK, UNIT_HEAD, HOME_AFFAIRS, ADMIN, AUDITOR, CLIENT.");
            assertThat(operation.path("responses").has("403")).as(name + " 403").isNotEqualTo(everyRole);
        });
        assertThat(open).as("the operations that need no token").containsExactly("POST /dev/tokens");
    }

    @Test
    void everyProblemAnswerHasTheProblemSchemaAndAnExampleOfItsStatus() {
        operations().forEach((name, operation) -> operation.path("responses").fields().forEachRemaining(answer -> {
            if (!answer.getKey().matches("[45]\\d\\d")) {
                return;
            }
            JsonNode problem = answer.getValue().path("content").path(PROBLEM_JSON);
            assertThat(problem.at("/schema/$ref").asText()).as(name + " " + answer.getKey())
                    .isEqualTo("#/components/schemas/Problem");
            assertThat(problem.at("/example/status").asInt()).as(name + " " + answer.getKey())
                    .isEqualTo(Integer.parseInt(answer.getKey()));
        }));
    }

    @Test
    void everyRequestBodyAndJsonAnswerCarriesAnExample() {
        operations().forEach((name, operation) -> {
            operation.at("/requestBody/content").forEach(body -> assertThat(hasExample(body)).as(name).isTrue());
            operation.path("responses").fields().forEachRemaining(answer -> {
                JsonNode json = answer.getValue().at("/content/application~1json");
                if (answer.getKey().startsWith("2") && !json.isMissingNode()) {
                    assertThat(hasExample(json)).as(name + " " + answer.getKey()).isTrue();
                }
            });
        });
    }

    /** Whether a body of this media type has an example of its own or in its schema. */
    private boolean hasExample(JsonNode media) {
        JsonNode schema = media.path("schema");
        if (schema.has("$ref")) {
            schema = document.at(schema.path("$ref").asText().substring(1));
        }
        return media.has("example") || media.has("examples") || schema.has("example");
    }

    @Test
    void theCommandsStateTheirConflictsAndTheIdempotencyKeysReuse() {
        JsonNode resolution = document.at("/paths/~1api~1v1~1dossiers~1{dossierId}~1resolution/post/responses");
        assertThat(resolution.has("409")).isTrue();
        assertThat(resolution.has("422")).isTrue();
        assertThat(resolution.has("404")).isTrue();
        assertThat(resolution.has("503")).isTrue();
    }

    @Test
    void theDossiersInputsOfTheNationalIndexStateTheirFields() {
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.at("/DigitisationRequest/required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("parts", "digitisedParts", "reusedParts", "populationDataUsed");
        assertThat(schemas.at("/DigitisationRequest/properties/parts/maximum").asInt()).isEqualTo(1000);
        assertThat(schemas.at("/RatingRequest/required")).extracting(JsonNode::asText).containsExactly("score");
        assertThat(schemas.at("/RatingRequest/properties/score/minimum").asInt()).isEqualTo(1);
        assertThat(schemas.at("/RatingRequest/properties/score/maximum").asInt()).isEqualTo(5);
        assertThat(schemas.at("/RecordPaymentRequest/properties/channel/enum")).extracting(JsonNode::asText)
                .containsExactly("ONLINE", "AT_DESK");
        JsonNode electronicResult = document.at("/paths/~1api~1v1~1dossiers~1{dossierId}~1electronic-result/post");
        assertThat(electronicResult.at("/requestBody/required").asBoolean()).isFalse();
        for (String step : List.of("digitisation", "electronic-result", "rating")) {
            JsonNode answers = document.at("/paths/~1api~1v1~1dossiers~1{dossierId}~1" + step + "/post/responses");
            assertThat(answers.at("/200/content/application~1json/schema/$ref").asText()).as(step)
                    .isEqualTo("#/components/schemas/DossierAnswer");
            assertThat(answers.has("409")).as(step).isTrue();
        }
    }

    @Test
    void theTokenOperationIsOpenAndOffersAReadyExample() {
        JsonNode tokens = document.at("/paths/~1dev~1tokens/post");
        assertThat(tokens.path("security").isArray()).isTrue();
        assertThat(tokens.path("security")).isEmpty();
        assertThat(tokens.at("/requestBody/content/application~1json/examples")).isNotEmpty();
        assertThat(document.at("/info/description").asText()).contains("/dev/tokens");
    }

    @Test
    void swaggerUiAndItsConfigurationAnswerWithoutAToken() {
        ResponseEntity<String> page = plain.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        ResponseEntity<JsonNode> config = plain.getForEntity("/v3/api-docs/swagger-config", JsonNode.class);
        assertThat(config.getStatusCode().value()).isEqualTo(200);
        assertThat(config.getBody().path("url").asText()).isEqualTo("/v3/api-docs");
        assertThat(config.getBody().path("persistAuthorization").asBoolean()).isTrue();
        ResponseEntity<String> script = plain.getForEntity("/swagger-ui/swagger-initializer.js", String.class);
        assertThat(script.getStatusCode().value()).isEqualTo(200);
        assertThat(script.getBody()).contains("/dev/tokens").contains("authorizeWithPersistOption");
        ResponseEntity<String> redirected = plain.getForEntity("/swagger-ui.html", String.class);
        assertThat(redirected.getStatusCode().value()).isEqualTo(200);
        assertThat(redirected.getBody()).isEqualTo(page.getBody());
    }
}
