package vn.province.govtrack.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.query.dossier.DossierEvents;
import vn.province.govtrack.security.Caller;
import vn.province.govtrack.security.Role;
import vn.province.govtrack.security.TokenMinter;
import vn.province.govtrack.web.ProblemType;

/**
 * Who may read what, over the real HTTP stack: every endpoint of the query side, each called by
 * every role (a clerk and a unit head both of the dossier's unit and of another unit), without a
 * token, with an expired one and with a forged one. Allowed means neither 401 nor 403 (some answers
 * are 404 on purpose); refused means 401 without a valid token and 403 otherwise, problem+json.
 * One dossier is held by unit {@value #UNIT} ({@link DossierEvents}), another is transferred away from it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest extends QuerySideHttpTest {

    /** The unit {@link DossierEvents} receives its dossiers at. */
    static final String UNIT = "W-BA-DINH";
    static final String OTHER_UNIT = "W-HOAN-KIEM";

    @LocalServerPort
    private int port;
    @Value("${govtrack.security.jwt.secret}")
    private String secret;
    @Autowired
    private EventStore eventStore;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    /** A client of its own: no helper adds tokens here. */
    private TestRestTemplate http;
    private final String dossierId = "HS-MATRIX-1";
    private final String transferredId = "HS-MATRIX-2";
    private long seeded;

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

    /** One endpoint, a concrete call of it, and who may make that call. */
    record Endpoint(HttpMethod method, String template, String path, Set<Role> roles, boolean unitScoped) {

        static Endpoint of(HttpMethod method, String template, String path, Role... roles) {
            return new Endpoint(method, template, path, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles),
                                template.startsWith("/api/v1/dossiers"));
        }

        /** Open endpoints too refuse a token that is present but invalid (RFC 6750): it is a 401 everywhere. */
        boolean allows(Credential credential) {
            if (roles.isEmpty()) {
                return credential != Credential.EXPIRED && credential != Credential.FORGED;
            }
            return credential.role != null && roles.contains(credential.role) && !(unitScoped && credential.ofAnotherUnit());
        }
    }

    private static final Role[] EVERY_ROLE = Role.values();

    private List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(GET, "/api/v1/dossiers/{dossierId}", "/api/v1/dossiers/" + dossierId,
                            Role.CLERK, Role.UNIT_HEAD, Role.AUDITOR, Role.CLIENT),
                Endpoint.of(GET, "/api/v1/dossiers", "/api/v1/dossiers?unitCode=" + UNIT,
                            Role.CLERK, Role.UNIT_HEAD, Role.AUDITOR, Role.CLIENT),
                Endpoint.of(GET, "/api/v1/timeliness", "/api/v1/timeliness", EVERY_ROLE),
                Endpoint.of(GET, "/api/v1/timeliness/ranking", "/api/v1/timeliness/ranking", EVERY_ROLE),
                Endpoint.of(GET, "/api/v1/index-766", "/api/v1/index-766?period=2025-07", EVERY_ROLE),
                Endpoint.of(GET, "/api/v1/index-766/ranking", "/api/v1/index-766/ranking?period=2025-07", EVERY_ROLE),
                Endpoint.of(GET, "/api/v1/index-766/evidence",
                            "/api/v1/index-766/evidence?period=2025-07&indicator=RATINGS", EVERY_ROLE),
                Endpoint.of(GET, "/api/v1/personnel/audit", "/api/v1/personnel/audit",
                            Role.HOME_AFFAIRS, Role.AUDITOR, Role.CLIENT),
                Endpoint.of(GET, "/api/v1/personnel/rebalancing", "/api/v1/personnel/rebalancing",
                            Role.HOME_AFFAIRS, Role.AUDITOR, Role.CLIENT),
                Endpoint.of(GET, "/api/v1/personnel/secondments", "/api/v1/personnel/secondments",
                            Role.HOME_AFFAIRS, Role.AUDITOR),
                Endpoint.of(GET, "/api/v1/personnel/accounts", "/api/v1/personnel/accounts",
                            Role.HOME_AFFAIRS, Role.AUDITOR),
                Endpoint.of(GET, "/api/v1/staff/{staffId}", "/api/v1/staff/CB-NONE", Role.HOME_AFFAIRS, Role.AUDITOR),
                Endpoint.of(GET, "/api/v1/staff/{staffId}/history", "/api/v1/staff/CB-NONE/history",
                            Role.HOME_AFFAIRS, Role.AUDITOR),
                Endpoint.of(GET, "/api/v1/audit/streams/{aggregateId}/events",
                            "/api/v1/audit/streams/" + dossierId + "/events", Role.AUDITOR),
                Endpoint.of(GET, "/api/v1/audit/streams/{aggregateId}/state",
                            "/api/v1/audit/streams/" + dossierId + "/state", Role.AUDITOR),
                Endpoint.of(GET, "/api/v1/audit/events", "/api/v1/audit/events", Role.AUDITOR),
                Endpoint.of(GET, "/api/v1/audit/streams/{aggregateId}/export",
                            "/api/v1/audit/streams/" + dossierId + "/export", Role.AUDITOR),
                Endpoint.of(GET, "/api/v1/audit/export", "/api/v1/audit/export", Role.AUDITOR),
                Endpoint.of(GET, "/api/v1/audit/checkpoints", "/api/v1/audit/checkpoints", Role.AUDITOR),
                Endpoint.of(GET, "/api/v1/audit/verification", "/api/v1/audit/verification", Role.AUDITOR),
                Endpoint.of(GET, "/api/v1/admin/projections", "/api/v1/admin/projections", Role.ADMIN, Role.AUDITOR),
                Endpoint.of(GET, "/api/v1/admin/projections/{name}", "/api/v1/admin/projections/dossiers",
                            Role.ADMIN, Role.AUDITOR),
                // an unknown projection: allowed callers get a 404 and no replay starts
                Endpoint.of(POST, "/api/v1/admin/projections/{name}/rebuild",
                            "/api/v1/admin/projections/no-such/rebuild", Role.ADMIN),
                Endpoint.of(POST, "/api/v1/admin/projections/{name}/rebuild",
                            "/api/v1/admin/projections/no-such/rebuild?from=2025-07-01T00:00:00Z", Role.ADMIN),
                Endpoint.of(GET, "/api/v1/admin/dead-letters", "/api/v1/admin/dead-letters", Role.ADMIN),
                // an unknown letter: allowed callers get a 404 and nothing is retried
                Endpoint.of(POST, "/api/v1/admin/dead-letters/{id}/retry",
                            "/api/v1/admin/dead-letters/0123456789abcdef01234567/retry", Role.ADMIN),
                // an unknown projection asked for as JSON: allowed callers get a 406, so no stream stays open
                Endpoint.of(GET, "/api/v1/projections/stream", "/api/v1/projections/stream?projection=no-such",
                            EVERY_ROLE),
                // a clerk or unit head lists its own unit's feedback only; an unknown one is a 404 for every role
                // allowed; a client reads none (a subject is a citizen's free text)
                new Endpoint(GET, "/api/v1/feedback", "/api/v1/feedback?unitCode=" + UNIT,
                             EnumSet.complementOf(EnumSet.of(Role.CLIENT)), true),
                Endpoint.of(GET, "/api/v1/feedback/{feedbackId}", "/api/v1/feedback/GY-NONE", Role.CLERK, Role.UNIT_HEAD,
                            Role.HOME_AFFAIRS, Role.ADMIN, Role.AUDITOR),
                Endpoint.of(GET, "/api/v1/units", "/api/v1/units", Role.values()),
                Endpoint.of(GET, "/api/v1/units/{code}", "/api/v1/units/NOWHERE", Role.values()),
                Endpoint.of(GET, "/api/v1/procedures", "/api/v1/procedures?field=LAND", Role.values()),
                Endpoint.of(GET, "/api/v1/procedures/{code}", "/api/v1/procedures/NOTHING", Role.values()),
                // exists in the local profile only (DevTokenController); here a 404 for whoever may ask
                Endpoint.of(POST, "/dev/tokens", "/dev/tokens"),
                Endpoint.of(GET, "/dashboard/config", "/dashboard/config"),
                Endpoint.of(GET, "/actuator/health", "/actuator/health"),
                Endpoint.of(GET, "/actuator/health/liveness", "/actuator/health/liveness"),
                Endpoint.of(GET, "/actuator/health/readiness", "/actuator/health/readiness"),
                Endpoint.of(GET, "/actuator/info", "/actuator/info", Role.ADMIN),
                Endpoint.of(GET, "/actuator/prometheus", "/actuator/prometheus", Role.ADMIN),
                Endpoint.of(GET, "/v3/api-docs", "/v3/api-docs"),
                Endpoint.of(GET, "/v3/api-docs/swagger-config", "/v3/api-docs/swagger-config"));
    }

    @BeforeAll
    void appendTwoDossiers() {
        http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        append(dossierId, 0, DossierEvents.received(dossierId));
        append(transferredId, 0, DossierEvents.received(transferredId));
        seeded = append(transferredId, 1, DossierEvents.transferred(transferredId, OTHER_UNIT));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheRoleTableSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Credential credential : Credential.values()) {
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + " as " + credential,
                                                  () -> check(endpoint, credential)));
            }
        }
        return tests.stream();
    }

    @Test
    void theMatrixNamesEveryEndpointTheServiceHas() {
        Set<String> mapped = new TreeSet<>();
        handlers.getHandlerMethods().keySet().forEach(info -> info.getPathPatternsCondition().getPatternValues()
                .stream().filter(path -> path.startsWith("/api/"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method + " " + path))));
        Set<String> inMatrix = new TreeSet<>();
        endpoints().forEach(endpoint -> inMatrix.add(endpoint.method() + " " + endpoint.template()));

        assertThat(inMatrix).containsAll(mapped);
    }

    @Test
    void thePublishedApiDocumentNamesTheBearerSchemeAndEachOperationsRoles() {
        JsonNode document = call(GET, "/v3/api-docs", null).getBody();

        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/paths/~1api~1v1~1audit~1events/get/description").asText()).endsWith("Roles: AUDITOR.");
        assertThat(document.at("/paths/~1api~1v1~1dossiers~1{dossierId}/get/description").asText())
                .contains("Roles: CLERK, UNIT_HEAD, AUDITOR, CLIENT.");
        assertThat(document.at("/paths/~1api~1v1~1dossiers/get/parameters").findValuesAsText("name"))
                .as("the caller is no query parameter").doesNotContain("caller");
        JsonNode rebuild = document.at("/paths/~1api~1v1~1admin~1projections~1{name}~1rebuild/post");
        assertThat(rebuild.at("/parameters").findValuesAsText("name")).contains("from");
        assertThat(rebuild.at("/description").asText()).contains("from").endsWith("Roles: ADMIN.");
        assertThat(document.at("/paths/~1api~1v1~1admin~1dead-letters~1{id}~1retry/post/description").asText())
                .contains("STILL_FAILING").endsWith("Roles: ADMIN.");
    }

    @Test
    void theTokenEndpointDoesNotExistInTheDefaultProfile() {
        ResponseEntity<JsonNode> response = call(POST, "/dev/tokens", null);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().has("token")).isFalse();
    }

    @Test
    void afterATransferTheNewUnitReadsTheDossierAndTheOldOneNoLonger() {
        String path = "/api/v1/dossiers/" + transferredId + "?minPosition=" + seeded;

        assertThat(call(GET, path, token(Role.CLERK, OTHER_UNIT)).getStatusCode().value()).isEqualTo(200);
        assertRefused(call(GET, path, token(Role.CLERK, UNIT)), 403, ProblemType.FORBIDDEN.uri().toString());
    }

    @Test
    void aClerkListsItsOwnUnitsDossiersOnlyAndMayNotAskForAnotherUnit() {
        JsonNode own = call(GET, "/api/v1/dossiers?minPosition=" + seeded, token(Role.CLERK, UNIT)).getBody();
        assertThat(own.get("content")).extracting(dossier -> dossier.get("dossierId").asText())
                                      .containsExactly(dossierId);
        JsonNode other = call(GET, "/api/v1/dossiers?minPosition=" + seeded, token(Role.UNIT_HEAD, OTHER_UNIT))
                .getBody();
        assertThat(other.get("content")).extracting(dossier -> dossier.get("dossierId").asText())
                                        .containsExactly(transferredId);

        assertRefused(call(GET, "/api/v1/dossiers?unitCode=" + OTHER_UNIT, token(Role.CLERK, UNIT)), 403,
                      ProblemType.FORBIDDEN.uri().toString());
    }

    @Test
    void anAuditorListsEveryUnitsDossiers() {
        JsonNode all = call(GET, "/api/v1/dossiers?minPosition=" + seeded, token(Role.AUDITOR, null)).getBody();
        assertThat(all.get("content")).extracting(dossier -> dossier.get("dossierId").asText())
                                      .containsExactlyInAnyOrder(dossierId, transferredId);
    }

    private void check(Endpoint endpoint, Credential credential) {
        ResponseEntity<JsonNode> response = call(endpoint.method(), endpoint.path(), tokenOf(credential));
        int status = response.getStatusCode().value();
        if (endpoint.allows(credential)) {
            assertThat(status).as("%s %s as %s: %s", endpoint.method(), endpoint.path(), credential,
                                  response.getBody())
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
            case EXPIRED -> new TokenMinter(secret, Clock.fixed(Instant.now().minus(Duration.ofHours(2)),
                                                                Clock.systemUTC().getZone()))
                    .mint(new Caller("late", Role.AUDITOR, null), Duration.ofMinutes(10));
            case FORGED -> new TokenMinter("not-the-secret-of-this-service-but-long-enough", Clock.systemUTC())
                    .mint(new Caller("forger", Role.AUDITOR, null), Duration.ofMinutes(10));
            case CLERK_OF_ANOTHER_UNIT, UNIT_HEAD_OF_ANOTHER_UNIT -> token(credential.role, "W-ELSEWHERE");
            default -> token(credential.role, UNIT);
        };
    }

    private String token(Role role, String unit) {
        return ActingOfficials.token(minter, role, unit);
    }

    private long append(String aggregateId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Dossier", aggregateId, sequence, payload,
                Map.of(EventMetadata.ACTOR, "clerk.ba-dinh"), UUID.randomUUID().toString(), DossierEvents.RECEIVED_AT));
        return ((GlobalSequenceTrackingToken) eventStore.createHeadToken()).getGlobalIndex();
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(java.net.URI.create(http.getRootUri() + path), method, new HttpEntity<>(null, headers),
                             JsonNode.class);
    }
}
