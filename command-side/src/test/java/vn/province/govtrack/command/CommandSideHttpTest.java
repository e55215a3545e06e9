package vn.province.govtrack.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.command.web.ActingOfficials;
import vn.province.govtrack.embeddedmongo.FreshTestDatabase;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.security.TokenMinter;

/**
 * The one configuration of the command side's full-boot tests, so that Spring starts the application
 * once and hands every test class the same context: a random port, secondments that never expire by
 * themselves (so that no command but the tests' own appends to the store), and a database of the
 * context's own on the JVM's shared MongoDB ({@link FreshTestDatabase}). A test class that needs another
 * configuration says why, and gets a context, and so a store, of its own.
 *
 * <p>The store is shared, so no test may expect it empty: each works with codes from {@link #unique},
 * which no other test class in the JVM receives, and compares the head before and after, never with zero.
 */
// Meters exported as in production, so that /actuator/prometheus answers: Spring Boot's tests leave exporters off.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.data.mongodb.database=command-side", "govtrack.staff.secondment-expiry.enabled=false"})
@ContextConfiguration(initializers = FreshTestDatabase.class)
public abstract class CommandSideHttpTest {

    /** The base URL of every problem type. */
    protected static final String PROBLEMS = "https://govtrack.example/problems/";
    private static final AtomicInteger NEXT = new AtomicInteger();

    /** A client of this test's own that acts as the responsible officials ({@link ActingOfficials}). */
    protected TestRestTemplate http;
    @Autowired
    protected MongoEventStorageEngine engine;
    @Autowired
    protected TokenMinter minter;

    /** Called once the context is ready, before any {@code @BeforeAll} of a per-class test instance. */
    @Autowired
    void actAsTheResponsibleOfficials(RestTemplateBuilder builder, TestRestTemplate server, TokenMinter minter) {
        http = ActingOfficials.client(builder.rootUri(server.getRootUri()), minter);
    }

    /** A code no other call in this JVM returns, so that tests sharing the store never meet. */
    protected static String unique(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet();
    }

    protected ResponseEntity<JsonNode> send(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }

    protected ResponseEntity<JsonNode> post(String path, String json) {
        return send(HttpMethod.POST, path, json);
    }

    /** A newly registered commune. */
    protected String registeredUnit() {
        return registeredUnit("COMMUNE");
    }

    /** A newly registered unit of {@code kind}: SO-n for a department, XA-n otherwise. */
    protected String registeredUnit(String kind) {
        String code = unique(kind.equals("DEPARTMENT") ? "SO" : "XA");
        ResponseEntity<JsonNode> response = post("/api/v1/units", """
                {"code": "%s", "name": "Unit %s", "kind": "%s"}""".formatted(code, code, kind));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return code;
    }

    /** A newly published commune-level procedure: one working day, cut-off 15:00, offered online. */
    protected String publishedProcedure() {
        String code = unique("KHAI-SINH");
        ResponseEntity<JsonNode> response = post("/api/v1/procedures", """
                {"code": "%s", "name": "Đăng ký khai sinh", "field": "JUSTICE_CIVIL_STATUS", "level": "COMMUNE",
                 "processingHours": 8, "cutoff": "15:00", "online": true}""".formatted(code));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return code;
    }

    /** A person newly recruited into {@code unit} as one of its IT officers. */
    protected String recruitedInto(String unit) {
        String staffId = unique("CB");
        ResponseEntity<JsonNode> response = post("/api/v1/staff", """
                {"staffId": "%s", "fullName": "Trần Thị Bình", "unitCode": "%s", "field": "INFORMATION_TECHNOLOGY",
                 "position": "IT officer", "effectiveDate": "2024-03-01", "decisionNo": "12/QĐ-SNV"}"""
                .formatted(staffId, unit));
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
        return staffId;
    }

    /** A problem+json answer with this status and type, which says what was wrong. */
    protected static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String slug) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as(String.valueOf(response.getBody())).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody().path("type").asText()).isEqualTo(PROBLEMS + slug);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().path("detail").asText()).isNotBlank();
    }
}
