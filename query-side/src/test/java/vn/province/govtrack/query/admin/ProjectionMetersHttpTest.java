package vn.province.govtrack.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.ActingOfficials;
import vn.province.govtrack.query.QuerySideHttpTest;
import vn.province.govtrack.security.Role;

/**
 * The query side's meters as Prometheus scrapes them (ADMIN only on the service's port): every projection's
 * lag, state and progress, the parked events and the last verification; and the lag rising while a
 * projection is held back, falling to 0 once it has caught up.
 */
class ProjectionMetersHttpTest extends QuerySideHttpTest {

    private static final String HELD = "staff";

    @Autowired
    private TestRestTemplate plain;
    @Autowired
    private EventProcessingConfiguration eventProcessing;
    @Autowired
    private EventStore eventStore;

    @Test
    void prometheus_scrapes_with_an_admin_token_and_finds_every_projection_and_the_query_meters() {
        ResponseEntity<String> scrape = scrape(ActingOfficials.token(minter, Role.ADMIN, null));

        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String projection : new String[] {"dossiers", "timeliness", "timeliness-index", "staff", "personnel",
                                               "reference"}) {
            assertThat(scrape.getBody())
                    .contains("govtrack_projection_lag_events{projection=\"" + projection + "\"}")
                    .contains("govtrack_projection_lag_seconds{projection=\"" + projection + "\"}")
                    .contains("govtrack_projection_position{projection=\"" + projection + "\"}")
                    .contains("govtrack_projection_progress{projection=\"" + projection + "\"}")
                    .contains("govtrack_projection_replaying{projection=\"" + projection + "\"}")
                    .contains("govtrack_projection_state{projection=\"" + projection + "\",state=\"CAUGHT_UP\"}")
                    .contains("govtrack_projection_state{projection=\"" + projection + "\",state=\"REPLAYING\"}")
                    .contains("govtrack_dead_letters{projection=\"" + projection + "\"}");
        }
        assertThat(scrape.getBody())
                .contains("govtrack_verification_intact ")
                .contains("govtrack_verification_position ")
                .contains("govtrack_verification_checkpoint ")
                .contains("govtrack_verification_finished_seconds ")
                .contains("govtrack_event_store_append_seconds_count ")
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
    void the_lag_of_a_projection_held_back_rises_in_events_and_seconds_and_falls_to_zero_once_it_caught_up() {
        StreamingEventProcessor held = eventProcessing.eventProcessor(HELD, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(60))
               .untilAsserted(() -> assertThat(gauge("govtrack_projection_lag_events", HELD)).isZero());

        held.shutDown();
        try {
            for (int i = 0; i < 3; i++) {
                String code = "LAG-" + UUID.randomUUID();
                eventStore.publish(new GenericDomainEventMessage<>("Unit", "unit:" + code, 0,
                        new UnitRegisteredEvent(code, "Xã " + code, UnitKind.COMMUNE),
                        Map.of(EventMetadata.ACTOR, "admin"), UUID.randomUUID().toString(), Instant.now()));
            }

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(gauge("govtrack_projection_lag_events", HELD)).isGreaterThanOrEqualTo(3);
                assertThat(gauge("govtrack_projection_lag_seconds", HELD)).isPositive();
                assertThat(gauge("govtrack_projection_progress", HELD)).isLessThan(100);
                assertThat(state(HELD, "STOPPED")).isEqualTo(1);
                assertThat(state(HELD, "CAUGHT_UP")).isZero();
            });
        } finally {
            held.start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(gauge("govtrack_projection_lag_events", HELD)).isZero();
            assertThat(gauge("govtrack_projection_lag_seconds", HELD)).isZero();
            assertThat(gauge("govtrack_projection_progress", HELD)).isEqualTo(100);
            assertThat(state(HELD, "CAUGHT_UP")).isEqualTo(1);
            assertThat(state(HELD, "STOPPED")).isZero();
        });
    }

    /** The gauge's value for the projection, as one scrape shows it. */
    private double gauge(String name, String projection) {
        return value(name + "\\{projection=\"" + Pattern.quote(projection) + "\"\\}");
    }

    private double state(String projection, String state) {
        return value("govtrack_projection_state\\{projection=\"" + Pattern.quote(projection) + "\",state=\""
                     + state + "\"\\}");
    }

    private double value(String series) {
        String body = scrape(ActingOfficials.token(minter, Role.ADMIN, null)).getBody();
        Matcher line = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(body);
        assertThat(line.find()).as("%s in the scrape", series).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private ResponseEntity<String> scrape(String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return plain.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
