package vn.province.govtrack.simulator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.province.govtrack.simulator.benchmark.Product;
import vn.province.govtrack.simulator.http.Official;

/**
 * The problem contract of both services, held to each other: the same hostile requests, sent to the
 * real command side and the real query side (started once, from their jars), get the same answer
 * from each — status, and a problem+json body equal member for member but for the values of
 * {@code correlationId} and {@code instance} — and that answer is the vocabulary's type for the case.
 * Each request is one the shared web edge decides whatever the service behind it: unreadable or
 * oversized bodies, content types and {@code Accept}, unknown paths and methods, missing, invalid and
 * insufficient tokens, and URLs the container or the firewall refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://govtrack.example/problems/";
    /** Replaces values that are the request's own (its correlation id, its path). */
    private static final String ANY = "(any)";

    private Product product;
    private RestClient client;
    private final Map<Official, String> tokens = new LinkedHashMap<>();

    /**
     * A hostile request, with the {@code status} and type {@code slug} it must be answered with. Its
     * {@code Authorization} header is an administrator's token unless {@code headers} names one: a role's
     * name for that role's token, the empty string for none, or else the header as given.
     */
    record Hostile(String name, String method, String pathAndQuery, Map<String, String> headers, byte[] body,
                   int status, String slug) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** An answer as received. */
    record Answer(int status, String contentType, JsonNode body) {
    }

    @BeforeAll
    void startBothServices() {
        product = BothServices.start("problem_contract", "problem-contract-logs");
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                   .connectTimeout(Duration.ofSeconds(5)).build();
        client = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory(jdk)).build();
        for (Official official : List.of(Official.ADMIN, Official.AUDITOR, new Official("CLIENT", null))) {
            tokens.put(official, "Bearer " + product.tokens().of(official));
        }
    }

    @AfterAll
    void stopBothServices() {
        if (product != null) {
            product.close();
        }
    }

    static Stream<Hostile> hostileRequests() {
        List<Hostile> cases = new ArrayList<>();
        Map<String, String> json = Map.of("Content-Type", "application/json");
        // bodies: read by the edge before routing and authentication
        cases.add(post("malformed JSON", json, "{\"code\": \"XA-1\", ", 400, "malformed-request"));
        cases.add(post("trailing garbage", json, "{\"code\": \"XA-1\"} x", 400, "malformed-request"));
        cases.add(post("duplicate key", json, "{\"code\": \"A\", \"code\": \"B\"}", 400, "malformed-request"));
        cases.add(post("nested too deep", json, "[".repeat(40) + "]".repeat(40), 400, "malformed-request"));
        cases.add(new Hostile("JSON not UTF-8", "POST", "/api/v1/units", json,
                              new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAE, '"', '}'},
                              400, "malformed-request"));
        cases.add(post("wrong content type", Map.of("Content-Type", "text/plain"), "code=XA", 415,
                       "unsupported-media-type"));
        cases.add(post("binary body", Map.of("Content-Type", "application/octet-stream"), "{}", 415,
                       "unsupported-media-type"));
        cases.add(post("oversize body", json, "{\"a\": \"" + "x".repeat(70_000) + "\"}", 413, "payload-too-large"));
        // what the client accepts
        cases.add(get("unacceptable Accept", "/api/v1/units", Map.of("Accept", "text/html"), 406, "not-acceptable"));
        cases.add(get("unacceptable Accept (XML)", "/api/v1/units", Map.of("Accept", "application/xml"), 406,
                      "not-acceptable"));
        cases.add(get("malformed Accept", "/api/v1/units", Map.of("Accept", "application/json;q=oops"), 400,
                      "malformed-request"));
        // paths and methods
        cases.add(get("unknown path", "/api/v1/nothing-here", Map.of(), 404, "not-found"));
        cases.add(get("unknown path outside the API", "/nothing-here", Map.of(), 404, "not-found"));
        cases.add(new Hostile("wrong method", "DELETE", "/api/v1/units", Map.of(), null, 405, "method-not-allowed"));
        cases.add(new Hostile("wrong method with a body", "PATCH", "/api/v1/units", json,
                              "{}".getBytes(StandardCharsets.UTF_8), 405, "method-not-allowed"));
        cases.add(new Hostile("TRACE", "TRACE", "/api/v1/units", Map.of(), null, 405, "method-not-allowed"));
        cases.add(new Hostile("unknown method", "FOO", "/api/v1/units", Map.of(), null, 400, "malformed-request"));
        // URLs the container or the firewall refuses
        for (String path : List.of("/api/v1/units/a%2Fb", "/api/v1/../v1/units", "/api/v1/%2e%2e/units",
                                   "/api/v1//units", "/api/v1/units;jsessionid=x", "/api/v1/units/%25",
                                   "/api/v1/units/%5C", "/api/v1/units/%00", "/api/v1/units/%C0%AE",
                                   "/api/v1/units/%0D%0AX-Injected:%201")) {
            cases.add(get("refused URL " + path, path, Map.of(), 400, "malformed-request"));
        }
        // query parameters: control characters are refused whatever the parameter
        for (String query : List.of("?code=%00", "?code=a%0D%0AX-Injected:%201", "?unitCode=%1B%5B31m")) {
            cases.add(get("bad query parameter " + query, "/api/v1/units" + query, Map.of(), 400,
                          "malformed-request"));
        }
        // tokens
        cases.add(get("no token", "/api/v1/units", Map.of("Authorization", ""), 401, "unauthenticated"));
        cases.add(post("no token, with a body", Map.of("Content-Type", "application/json", "Authorization", ""),
                       "{}", 401, "unauthenticated"));
        String unsigned = Base64.getUrlEncoder().withoutPadding()
                                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                          + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                                  "{\"sub\":\"x\",\"role\":\"ADMIN\",\"exp\":4102444800}".getBytes(StandardCharsets.UTF_8))
                          + ".";
        for (String token : List.of("Bearer garbage", "Bearer", "Basic dXNlcjpwYXNzd29yZA==", "Bearer " + unsigned,
                                    "Bearer " + "x".repeat(8000))) {
            cases.add(get("bad token " + token.substring(0, Math.min(token.length(), 20)), "/api/v1/units",
                          Map.of("Authorization", token), 401, "unauthenticated"));
        }
        // roles: the actuator is the administrator's on both services
        cases.add(get("wrong role (CLIENT)", "/actuator/metrics", Map.of("Authorization", "CLIENT"), 403, "forbidden"));
        cases.add(get("wrong role (AUDITOR)", "/actuator/env", Map.of("Authorization", "AUDITOR"), 403, "forbidden"));
        // a hostile correlation id is replaced, never echoed
        cases.add(get("hostile correlation id", "/api/v1/nothing-here",
                      Map.of("X-Correlation-Id", "<script>" + "x".repeat(300)), 404, "not-found"));
        return cases.stream();
    }

    private static Hostile post(String name, Map<String, String> headers, String body, int status, String slug) {
        return new Hostile(name, "POST", "/api/v1/units", headers, body.getBytes(StandardCharsets.UTF_8), status, slug);
    }

    private static Hostile get(String name, String path, Map<String, String> headers, int status, String slug) {
        return new Hostile(name, "GET", path, headers, null, status, slug);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void bothServicesAnswerWithTheSameProblem(Hostile hostile) {
        Answer command = send(product.commands().baseUrl(), hostile);
        Answer query = send(product.queries().baseUrl(), hostile);

        for (Answer answer : List.of(command, query)) {
            assertThat(answer.status()).as("%s: %s", hostile, answer.body()).isEqualTo(hostile.status());
            assertThat(answer.contentType()).as(hostile.name()).isNotNull();
            assertThat(MediaType.parseMediaType(answer.contentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as("%s answered as %s", hostile, answer.contentType()).isTrue();
            assertThat(answer.body().path("type").asText()).as(hostile.name()).isEqualTo(BASE + hostile.slug());
            assertThat(answer.body().path("status").asInt()).isEqualTo(hostile.status());
            assertThat(answer.body().path("title").asText()).isNotBlank();
            assertThat(answer.body().path("correlationId").asText()).doesNotContain("<script>");
        }
        assertThat(withoutOwnValues(query.body())).as(hostile.name()).isEqualTo(withoutOwnValues(command.body()));
    }

    @Test
    void bothApiDocumentsDescribeTheSameProblems() {
        Hostile apiDocs = new Hostile("API documentation", "GET", "/v3/api-docs", Map.of(), null, 200, null);
        JsonNode command = send(product.commands().baseUrl(), apiDocs).body().path("components").path("schemas");
        JsonNode query = send(product.queries().baseUrl(), apiDocs).body().path("components").path("schemas");

        assertThat(command.path("Problem").isObject()).as("the command side's Problem schema").isTrue();
        assertThat(query.path("Problem")).isEqualTo(command.path("Problem"));
        assertThat(query.path("FieldError")).isEqualTo(command.path("FieldError"));
        List<String> types = new ArrayList<>();
        command.path("Problem").path("properties").path("type").path("enum").forEach(type -> types.add(type.asText()));
        assertThat(types).containsAll(hostileRequests().map(hostile -> BASE + hostile.slug()).distinct().toList());
    }

    private Answer send(String baseUrl, Hostile hostile) {
        RestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(hostile.method()))
                                                   .uri(URI.create(baseUrl + hostile.pathAndQuery()));
        String authorization = hostile.headers().getOrDefault("Authorization", "ADMIN");
        hostile.headers().forEach((name, value) -> {
            if (!name.equals("Authorization")) {
                request.header(name, value);
            }
        });
        Official named = tokens.keySet().stream().filter(official -> official.role().equals(authorization))
                               .findFirst().orElse(null);
        if (named != null) {
            request.header("Authorization", tokens.get(named));
        } else if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        if (hostile.body() != null) {
            request.body(hostile.body());
        }
        return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
                response.getHeaders().getFirst("Content-Type"), parse(response.getBody().readAllBytes())));
    }

    private static JsonNode parse(byte[] body) throws IOException {
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private static JsonNode withoutOwnValues(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        for (String own : List.of("correlationId", "instance")) {
            if (copy.has(own)) {
                copy.put(own, ANY);
            }
        }
        return copy;
    }
}
