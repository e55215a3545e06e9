package vn.province.govtrack.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.query.ActingOfficials;
import vn.province.govtrack.query.QuerySideHttpTest;
import vn.province.govtrack.query.dossier.DossierEvents;
import vn.province.govtrack.security.Role;

/**
 * The Grafana dashboard of docker-compose.yml (deploy/grafana/dashboards/govtrack.json) is valid JSON, every
 * query in it selects the service it reads by {@code job}, and every metric it reads from the query side is
 * one this service exports: a renamed meter or a histogram turned off fails here, not on a blank panel. The
 * command side's test checks its own.
 */
// a database of its own: the dossier it adds would show in other tests' lists of the shared store
@TestPropertySource(properties = "spring.data.mongodb.database=grafana-dashboard")
class GrafanaDashboardTest extends QuerySideHttpTest {

    static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "dashboards", "govtrack.json");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern JOB = Pattern.compile("job=\"(command-side|query-side)\"");

    @Autowired
    private TestRestTemplate plain;
    @Autowired
    private EventStore eventStore;

    @Test
    void every_metric_the_dashboard_reads_from_the_query_side_is_exported_by_it() throws IOException {
        HttpHeaders admin = new HttpHeaders();
        admin.setBearerAuth(ActingOfficials.token(minter, Role.ADMIN, null));
        // the request meters of an API endpoint exist once it has answered
        assertThat(plain.exchange("/api/v1/admin/projections", HttpMethod.GET, new HttpEntity<>(admin), String.class)
                        .getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> queries = new ObjectMapper().readTree(DASHBOARD.toFile()).findValues("expr").stream()
                                                 .map(JsonNode::asText).toList();
        Set<String> read = new TreeSet<>();
        for (String query : queries) {
            Matcher selector = SELECTOR.matcher(query);
            assertThat(selector.find()).as("a metric selected in %s", query).isTrue();
            do {
                Matcher job = JOB.matcher(selector.group(2));
                assertThat(job.find()).as("the job of %s in %s", selector.group(1), query).isTrue();
                if (job.group(1).equals("query-side")) {
                    read.add(selector.group(1));
                }
            } while (selector.find());
        }
        // the timeliness meters show the latest month with receipts: this one, once a dossier is received and
        // resolved now
        String dossier = "HS-GRAFANA-" + UUID.randomUUID();
        Instant now = Instant.now();
        Instant received = now.minusSeconds(120);
        Instant due = now.plus(Duration.ofDays(3));
        eventStore.publish(
                dossierEvent(dossier, 0, new DossierReceivedEvent(dossier, "1.004227", "LAND", "W-BA-DINH",
                        Channel.IN_PERSON, DossierEvents.SEALED_APPLICANT, received, 24, received, due)),
                dossierEvent(dossier, 1, new DossierResolvedEvent(dossier, Outcome.APPROVED, "Certificate issued",
                        now.minusSeconds(60), due, Timeliness.EARLY, 0.1)));
        String scrape = await().atMost(Duration.ofSeconds(60)).until(
                () -> plain.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(admin), String.class)
                           .getBody(),
                body -> body.contains("govtrack_timeliness_on_time_rate{"));

        assertThat(read).contains("govtrack_projection_lag_events", "govtrack_projection_lag_seconds",
                                  "govtrack_dead_letters", "govtrack_verification_intact",
                                  "http_server_requests_seconds_bucket", "govtrack_timeliness_dossiers",
                                  "govtrack_timeliness_on_time_rate");
        assertThat(read).allSatisfy(metric -> assertThat(scrape).as(metric).containsPattern("(?m)^" + metric + "[{ ]"));
    }

    private static GenericDomainEventMessage<Object> dossierEvent(String dossierId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Dossier", dossierId, sequence, payload,
                Map.of(EventMetadata.ACTOR, "clerk"), UUID.randomUUID().toString(), Instant.now());
    }
}
