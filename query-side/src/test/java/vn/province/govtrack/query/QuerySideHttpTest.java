package vn.province.govtrack.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.embeddedmongo.FreshTestDatabase;
import vn.province.govtrack.security.TokenMinter;

/**
 * The one configuration of the query side's full-boot tests, so that Spring starts the application once
 * for every test class that can share it: a random port and a database of the context's own on the
 * JVM's shared MongoDB ({@link FreshTestDatabase}). The store is shared, so these tests use ids no other test
 * uses and never expect a total over the whole store.
 *
 * <p>A test class that needs another configuration (its own clock, processors or waits) says why and
 * gets a context, and so a store, of its own; one that reads totals over the whole store names a
 * database of its own ({@code spring.data.mongodb.database}), which makes its configuration differ.
 */
// Meters exported as in production, so that /actuator/prometheus answers: Spring Boot's tests leave exporters off.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.data.mongodb.database=query-side",
                              // the timeliness meters follow the index within a second, not 15 s
                              "govtrack.query.metrics.timeliness-refresh=1s"})
@ContextConfiguration(initializers = FreshTestDatabase.class)
public abstract class QuerySideHttpTest {

    /** The base URL of every problem type. */
    public static final String PROBLEMS = "https://govtrack.example/problems/";

    @Autowired
    protected TokenMinter minter;
    /**
     * A client of this test's own that asks as the responsible officials ({@link ActingOfficials}), ready
     * once the context is, before any {@code @BeforeAll} of a per-class test instance.
     */
    protected TestRestTemplate rest;

    @Autowired
    void actAsTheResponsibleOfficials(RestTemplateBuilder builder, TestRestTemplate server) {
        rest = ActingOfficials.client(builder.rootUri(server.getRootUri()), minter);
    }

    /** A problem+json answer with this status and type. */
    protected static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String slug) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as(String.valueOf(response.getBody())).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", response.getHeaders().getContentType()).isTrue();
        assertThat(response.getBody().get("type").asText()).isEqualTo(PROBLEMS + slug);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
    }
}
