package vn.province.govtrack.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import vn.province.govtrack.command.CommandSideHttpTest;
import vn.province.govtrack.security.Role;

/**
 * The command side's meters as Prometheus scrapes them: ADMIN only on the service's port, every command
 * timed once by its route and outcome, accepted or refused wherever it was refused, and the event store's
 * writes.
 */
class CommandMetersHttpTest extends CommandSideHttpTest {

    private static final String UNITS = "POST /api/v1/units";
    private static final String RECEIPT = "POST /api/v1/dossiers/{dossierId}/receipt";

    @Autowired
    private MeterRegistry registry;
    @Autowired
    private TestRestTemplate plain;

    @Test
    void prometheus_scrapes_with_an_admin_token_and_finds_the_command_store_and_request_meters() {
        registeredUnit();

        ResponseEntity<String> scrape = scrape(ActingOfficials.token(minter, Role.ADMIN, null));

        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getHeaders().getContentType().toString()).startsWith("text/plain");
        assertThat(scrape.getBody())
                .contains("govtrack_commands_seconds_bucket{command=\"POST /api/v1/units\",outcome=\"accepted\",le=")
                .contains("govtrack_commands_seconds_count{command=\"POST /api/v1/units\",outcome=\"accepted\"}")
                .contains("govtrack_event_store_append_seconds_bucket{le=")
                .contains("govtrack_event_store_commits_total ")
                .contains("govtrack_event_store_events_total ")
                .contains("http_server_requests_seconds_bucket{");
    }

    @Test
    void no_one_but_an_admin_scrapes_on_the_services_port() {
        assertThat(scrape(null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (Role role : Role.values()) {
            if (role != Role.ADMIN) {
                assertThat(scrape(ActingOfficials.token(minter, role, "XA-1")).getStatusCode())
                        .as(role.name()).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
    }

    @Test
    void an_accepted_command_is_timed_as_accepted_and_its_commit_counted() {
        double accepted = count(UNITS, "accepted");
        double commits = registry.get("govtrack.event.store.commits").counter().count();
        double events = registry.get("govtrack.event.store.events").counter().count();

        registeredUnit();

        assertThat(count(UNITS, "accepted")).isEqualTo(accepted + 1);
        assertThat(registry.get("govtrack.event.store.commits").counter().count()).isGreaterThanOrEqualTo(commits + 1);
        assertThat(registry.get("govtrack.event.store.events").counter().count()).isGreaterThanOrEqualTo(events + 1);
    }

    @Test
    void commands_refused_anywhere_are_timed_by_their_route_with_the_status_they_got() {
        double malformed = count(UNITS, "400");
        double wrongMediaType = count(UNITS, "415");
        double unauthenticated = count(UNITS, "401");
        double wrongRole = count(UNITS, "403");
        double unknownDossier = count(RECEIPT, "404");
        double taken = count(UNITS, "409");

        assertThat(post("/api/v1/units", "{oops").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        HttpHeaders text = new HttpHeaders();
        text.setContentType(MediaType.TEXT_PLAIN);
        assertThat(http.exchange("/api/v1/units", HttpMethod.POST, new HttpEntity<>("unit", text), JsonNode.class)
                       .getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(asCaller(null, "/api/v1/units").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(asCaller(ActingOfficials.token(minter, Role.AUDITOR, null), "/api/v1/units").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/v1/dossiers/" + unique("HS-NONE") + "/receipt", "{}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        String unit = registeredUnit();
        assertThat(post("/api/v1/units", """
                {"code": "%s", "name": "Unit %s", "kind": "COMMUNE"}""".formatted(unit, unit)).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        assertThat(count(UNITS, "400")).isEqualTo(malformed + 1);
        assertThat(count(UNITS, "415")).isEqualTo(wrongMediaType + 1);
        assertThat(count(UNITS, "401")).isEqualTo(unauthenticated + 1);
        assertThat(count(UNITS, "403")).isEqualTo(wrongRole + 1);
        assertThat(count(RECEIPT, "404")).isEqualTo(unknownDossier + 1);
        assertThat(count(UNITS, "409")).isEqualTo(taken + 1);
    }

    @Test
    void an_idempotent_retry_is_timed_as_replayed_not_as_a_second_acceptance() {
        String code = unique("XA");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        HttpEntity<String> request = new HttpEntity<>("""
                {"code": "%s", "name": "Unit %s", "kind": "WARD"}""".formatted(code, code), headers);
        double accepted = count(UNITS, "accepted");
        double replayed = count(UNITS, "replayed");

        assertThat(http.exchange("/api/v1/units", HttpMethod.POST, request, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(http.exchange("/api/v1/units", HttpMethod.POST, request, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        assertThat(count(UNITS, "accepted")).isEqualTo(accepted + 1);
        assertThat(count(UNITS, "replayed")).isEqualTo(replayed + 1);
    }

    @Test
    void a_request_for_no_command_endpoint_is_not_a_command() {
        assertThat(post("/api/v1/no-such-thing", "{}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(registry.find(CommandMeters.COMMANDS).tag("command", "POST /api/v1/no-such-thing").timers())
                .isEmpty();
        assertThat(registry.find(CommandMeters.COMMANDS).timers())
                .allSatisfy(timer -> assertThat(timer.getId().getTag("command"))
                        .matches("(POST|PUT|DELETE) /api/v1/[a-z/{}A-Z-]+"));
    }

    private double count(String command, String outcome) {
        Timer timer = registry.find(CommandMeters.COMMANDS).tag("command", command).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private ResponseEntity<JsonNode> asCaller(String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return plain.exchange(path, HttpMethod.POST, new HttpEntity<>("{}", headers), JsonNode.class);
    }

    private ResponseEntity<String> scrape(String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return plain.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
