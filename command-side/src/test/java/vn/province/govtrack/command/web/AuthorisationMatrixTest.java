package vn.province.govtrack.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.province.govtrack.command.CommandSideHttpTest;
import vn.province.govtrack.security.Caller;
import vn.province.govtrack.security.Role;
import vn.province.govtrack.security.TokenMinter;
import vn.province.govtrack.web.ProblemType;

/**
 * Who may give which command, over the real HTTP stack: every endpoint of the command side, each
 * called by every role (a clerk and a unit head both of the dossier's unit and of another unit),
 * without a token, with an expired one and with a forged one. Allowed means neither 401 nor 403
 * (the purpose-made bodies may well be refused as invalid, unknown or out of turn); refused means
 * 401 without a valid token and 403 otherwise, both problem+json with {@code WWW-Authenticate: Bearer}.
 * Each dossier command gets a dossier of its own, received at unit A, so no call disturbs another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest extends CommandSideHttpTest {

    @LocalServerPort
    private int port;
    @Value("${govtrack.security.jwt.secret}")
    private String secret;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    /** A client of its own: no helper adds tokens here. */
    private TestRestTemplate plain;
    private String unitA;
    private String unitB;
    private String procedure;

    /** Who calls: a role, with the dossier's unit or another, or no valid token at all. */
    enum Credential {
        NONE(null), EXPIRED(null), FORGED(null),
        CLERK(Role.CLERK), UNIT_HEAD(Role.UNIT_HEAD), HOME_AFFAIRS(Role.HOME_AFFAIRS), ADMIN(Role.ADMIN),
        AUDITOR(Role.AUDITOR), CLIENT(Role.CLIENT),
        CLERK_OF_ANOTHER_UNIT(Role.CLERK), UNIT_HEAD_OF_ANOTHER_UNIT(Role.UNIT_HEAD);

        final Role role;

        Credential(Role role) {
            this.role = role;
        }

        boolean ofAnotherUnit() {
            return name().endsWith("_OF_ANOTHER_UNIT");
        }
    }

    /**
     * One endpoint: its mapping, a purpose-made body, the roles allowed, and whether unit scoping
     * applies (then only a clerk or unit head of the dossier's or the feedback's unit passes).
     */
    record Endpoint(HttpMethod method, String template, String body, Set<Role> roles, boolean unitScoped) {

        static Endpoint of(HttpMethod method, String template, String body, Role... roles) {
            return new Endpoint(method, template, body, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles),
                                template.startsWith("/api/v1/dossiers") || template.startsWith("/api/v1/feedback"));
        }

        boolean open() {
            return roles.isEmpty();
        }

        /** Open endpoints too refuse a token that is present but invalid (RFC 6750): it is a 401 everywhere. */
        boolean allows(Credential credential) {
            if (open()) {
                return credential != Credential.EXPIRED && credential != Credential.FORGED;
            }
            return credential.role != null && roles.contains(credential.role)
                   && !(unitScoped && credential.ofAnotherUnit());
        }
    }

    private static final String STAFF = "CB-MATRIX-1";

    private List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(POST, "/api/v1/units", "{}", Role.ADMIN),
                Endpoint.of(PUT, "/api/v1/units/{code}/quotas/{field}", "{\"positions\": 3}", Role.HOME_AFFAIRS),
                // without a decision number: a 400 for the roles let through, so the unit stays
                Endpoint.of(POST, "/api/v1/units/{code}/dissolution", "{}", Role.ADMIN),
                Endpoint.of(PUT, "/api/v1/calendar/holidays/{year}", "[\"2031-01-01\"]", Role.ADMIN),
                Endpoint.of(POST, "/api/v1/procedures", "{}", Role.ADMIN),
                // without a reason: a 400 for the roles let through, so no update is recorded
                Endpoint.of(POST, "/api/v1/procedures/{code}/updates", "{\"onlineLevel\": \"FULL\"}", Role.ADMIN),
                Endpoint.of(POST, "/api/v1/dossiers", null, Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/receipt", "{}", Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/refusal", "{\"reason\": \"incomplete\"}",
                            Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/assignment", "{\"staffId\": \"CB-1\"}",
                            Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/supplement-requests", "{\"reason\": \"a copy\"}",
                            Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/supplements", "{}", Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/payment-requests",
                            "{\"amount\": 50000, \"reason\": \"fee\"}", Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/payments", "{\"amount\": 50000}",
                            Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/extensions",
                            "{\"newDueAt\": \"2025-12-31T17:00:00+07:00\", \"apology\": \"we are late\"}",
                            Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/transfers", null, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/resolution",
                            "{\"outcome\": \"APPROVED\", \"note\": \"granted\"}", Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/return", "{}", Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/withdrawal", "{\"reason\": \"moved away\"}",
                            Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/stop", "{\"reason\": \"withdrawn\"}",
                            Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/digitisation",
                            "{\"parts\": 3, \"digitisedParts\": 3, \"reusedParts\": 0, \"populationDataUsed\": true}",
                            Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/electronic-result", "{}", Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/dossiers/{dossierId}/rating", "{\"score\": 5}", Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/feedback", null, Role.CLERK, Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/feedback/{feedbackId}/answer", "{\"answer\": \"Đã xử lý\"}",
                            Role.UNIT_HEAD),
                Endpoint.of(POST, "/api/v1/staff", "{}", Role.HOME_AFFAIRS),
                Endpoint.of(POST, "/api/v1/staff/{staffId}/transfers", "{}", Role.HOME_AFFAIRS),
                Endpoint.of(POST, "/api/v1/staff/{staffId}/secondments", "{}", Role.HOME_AFFAIRS),
                Endpoint.of(POST, "/api/v1/staff/{staffId}/secondments/end", "{}", Role.HOME_AFFAIRS),
                Endpoint.of(POST, "/api/v1/staff/{staffId}/trainings", "{}", Role.HOME_AFFAIRS),
                Endpoint.of(POST, "/api/v1/staff/{staffId}/accounts", "{}", Role.HOME_AFFAIRS),
                Endpoint.of(DELETE, "/api/v1/staff/{staffId}/accounts/{account}", null, Role.HOME_AFFAIRS),
                Endpoint.of(POST, "/api/v1/staff/{staffId}/departure", "{}", Role.HOME_AFFAIRS),
                Endpoint.of(DELETE, "/api/v1/applicants/{idNumber}", null, Role.ADMIN),
                Endpoint.of(POST, "/dev/tokens", "{\"role\": \"ADMIN\"}"),
                Endpoint.of(GET, "/actuator/health", null),
                Endpoint.of(GET, "/actuator/health/liveness", null),
                Endpoint.of(GET, "/actuator/health/readiness", null),
                Endpoint.of(GET, "/actuator/info", null, Role.ADMIN),
                Endpoint.of(GET, "/actuator/prometheus", null, Role.ADMIN),
                Endpoint.of(GET, "/v3/api-docs", null),
                Endpoint.of(GET, "/v3/api-docs/swagger-config", null));
    }

    @BeforeAll
    void registerTwoUnitsAndAProcedure() {
        plain = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        unitA = unique("XA-A");
        unitB = unique("XA-B");
        procedure = unique("KHAI-SINH");
        String admin = token(Role.ADMIN, null);
        for (String unit : List.of(unitA, unitB)) {
            assertThat(call(POST, "/api/v1/units", """
                    {"code": "%s", "name": "Xã %s", "kind": "COMMUNE"}""".formatted(unit, unit), admin)
                               .getStatusCode().value()).isEqualTo(201);
        }
        assertThat(call(POST, "/api/v1/procedures", """
                {"code": "%s", "name": "Đăng ký khai sinh", "field": "JUSTICE_CIVIL_STATUS", "level": "COMMUNE",
                 "processingHours": 8, "cutoff": "15:00", "online": true}""".formatted(procedure), admin)
                           .getStatusCode().value()).isEqualTo(201);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheRoleTableSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Credential credential : Credential.values()) {
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.template() + " as " + credential,
                                                  () -> check(endpoint, credential)));
            }
        }
        return tests.stream();
    }

    @Test
    void theMatrixNamesEveryEndpointTheServiceHas() {
        Set<String> mapped = new TreeSet<>();
        handlers.getHandlerMethods().keySet().forEach(info -> info.getPathPatternsCondition().getPatternValues()
                .stream().filter(path -> path.startsWith("/api/") || path.startsWith("/dev/"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method + " " + path))));
        Set<String> inMatrix = new TreeSet<>();
        endpoints().forEach(endpoint -> inMatrix.add(endpoint.method() + " " + endpoint.template()));

        assertThat(inMatrix).containsAll(mapped);
    }

    @Test
    void theTokenEndpointDoesNotExistInTheDefaultProfile() {
        ResponseEntity<JsonNode> response = call(POST, "/dev/tokens", "{\"role\": \"ADMIN\"}", null);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void afterATransferTheNewUnitActsOnTheDossierAndTheOldOneNoLonger() {
        String dossierId = dossierAt(unitA);
        assertThat(call(POST, "/api/v1/dossiers/" + dossierId + "/transfers", """
                {"toUnitCode": "%s", "reason": "competence"}""".formatted(unitB), token(Role.UNIT_HEAD, unitA))
                           .getStatusCode().value()).isEqualTo(200);
        long head = engine.headPosition();

        ResponseEntity<JsonNode> byOldUnit = call(POST, "/api/v1/dossiers/" + dossierId + "/assignment",
                                                  "{\"staffId\": \"CB-1\"}", token(Role.CLERK, unitA));
        assertRefused(byOldUnit, 403, ProblemType.FORBIDDEN.uri().toString());
        assertThat(engine.headPosition()).as("a refused command appends nothing").isEqualTo(head);

        ResponseEntity<JsonNode> byNewUnit = call(POST, "/api/v1/dossiers/" + dossierId + "/assignment",
                                                  "{\"staffId\": \"CB-1\"}", token(Role.CLERK, unitB));
        assertThat(byNewUnit.getStatusCode().value()).isEqualTo(200);
        assertThat(byNewUnit.getBody().path("unitCode").asText()).isEqualTo(unitB);
    }

    @Test
    void aClerkSubmitsToItsOwnUnitOnlyAndARefusalAppendsNothing() {
        long head = engine.headPosition();
        ResponseEntity<JsonNode> refused = call(POST, "/api/v1/dossiers", submission(unique("HS"), unitA),
                                                token(Role.CLERK, unitB));

        assertRefused(refused, 403, ProblemType.FORBIDDEN.uri().toString());
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    void aTokenWithAnUnknownRoleOrNoRoleOrNoSubjectOrAClerkWithoutAUnitIsUnauthenticated() throws Exception {
        for (String claims : List.of("{\"sub\": \"x\", \"role\": \"SUPERUSER\"}", "{\"sub\": \"x\", \"role\": \"CLERK\"}",
                                     "{\"role\": \"ADMIN\"}", "{\"sub\": \"x\"}")) {
            String token = signed(claims);
            assertRefused(call(POST, "/api/v1/units", "{}", token), 401, ProblemType.UNAUTHENTICATED.uri().toString());
        }
    }

    private void check(Endpoint endpoint, Credential credential) {
        String path = endpoint.template()
                .replace("{code}", unitA).replace("{field}", "EDUCATION").replace("{year}", "2031")
                .replace("{staffId}", STAFF).replace("{account}", "matrix.account")
                .replace("{idNumber}", "001203004567");
        String body = endpoint.body();
        if (endpoint.template().contains("{dossierId}")) {
            path = path.replace("{dossierId}", dossierAt(unitA));
        }
        if (endpoint.template().equals("/api/v1/dossiers")) {
            body = submission(unique("HS"), unitA);
        }
        if (endpoint.template().contains("{feedbackId}")) {
            path = path.replace("{feedbackId}", feedbackAbout(unitA));
        }
        if (endpoint.template().equals("/api/v1/feedback")) {
            body = feedback(unique("GY"), unitA);
        }
        if (endpoint.template().endsWith("/transfers") && endpoint.unitScoped()) {
            body = "{\"toUnitCode\": \"%s\", \"reason\": \"competence\"}".formatted(unitB);
        }
        ResponseEntity<JsonNode> response = call(endpoint.method(), path, body, tokenOf(credential));
        int status = response.getStatusCode().value();
        if (endpoint.allows(credential)) {
            assertThat(status).as("%s %s as %s: %s", endpoint.method(), path, credential, response.getBody())
                    .isNotIn(401, 403).isLessThan(500);
        } else if (credential.role == null) {
            assertRefused(response, 401, ProblemType.UNAUTHENTICATED.uri().toString());
        } else {
            assertRefused(response, 403, ProblemType.FORBIDDEN.uri().toString());
        }
    }

    private static void assertRefused(ResponseEntity<JsonNode> response, int status, String type) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody().path("type").asText()).isEqualTo(type);
        if (status == 401) {
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        }
    }

    private String tokenOf(Credential credential) {
        return switch (credential) {
            case NONE -> null;
            case EXPIRED -> new TokenMinter(secret,
                                            Clock.fixed(Instant.now().minus(Duration.ofHours(2)), Clock.systemUTC().getZone()))
                    .mint(new Caller("late", Role.ADMIN, null), Duration.ofMinutes(10));
            case FORGED -> new TokenMinter("not-the-secret-of-this-service-but-long-enough", Clock.systemUTC())
                    .mint(new Caller("forger", Role.ADMIN, null), Duration.ofMinutes(10));
            case CLERK_OF_ANOTHER_UNIT, UNIT_HEAD_OF_ANOTHER_UNIT -> token(credential.role, unitB);
            default -> token(credential.role, unitA);
        };
    }

    /** A token with the right signature and expiry but only the given claims besides. */
    private String signed(String claimsJson) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .expirationTime(java.util.Date.from(Instant.now().plus(Duration.ofMinutes(10))));
        JWTClaimsSet.parse(claimsJson).getClaims().forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private String token(Role role, String unit) {
        return ActingOfficials.token(minter, role, unit);
    }

    /** A dossier received in person at {@code unit}. */
    private String dossierAt(String unit) {
        String dossierId = unique("HS");
        assertThat(call(POST, "/api/v1/dossiers", submission(dossierId, unit), token(Role.UNIT_HEAD, unit))
                           .getStatusCode().value()).isEqualTo(201);
        return dossierId;
    }

    /** Feedback about {@code unit}, received by its clerk. */
    private String feedbackAbout(String unit) {
        String feedbackId = unique("GY");
        assertThat(call(POST, "/api/v1/feedback", feedback(feedbackId, unit), token(Role.CLERK, unit))
                           .getStatusCode().value()).isEqualTo(201);
        return feedbackId;
    }

    private static String feedback(String feedbackId, String unit) {
        return """
                {"feedbackId": "%s", "kind": "COMPLAINT", "unitCode": "%s", "subject": "Chờ lâu",
                 "receivedAt": "2025-07-01T09:30:00+07:00"}""".formatted(feedbackId, unit);
    }

    private String submission(String dossierId, String unit) {
        return """
                {"dossierId": "%s", "procedureCode": "%s", "unitCode": "%s", "channel": "IN_PERSON",
                 "applicant": {"idNumber": "001203004567", "fullName": "Nguyễn Văn An", "phone": "0912345678"},
                 "submittedAt": "2025-07-01T09:30:00+07:00"}""".formatted(dossierId, procedure, unit);
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String body, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return plain.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
