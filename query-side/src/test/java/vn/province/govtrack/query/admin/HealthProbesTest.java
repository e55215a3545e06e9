package vn.province.govtrack.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.query.QuerySideHttpTest;

/**
 * The probes a container platform asks, without a token: alive, and ready only while projections run
 * and once the timeliness index has loaded the stored facts (on the processor's thread, just after
 * the start).
 */
class HealthProbesTest extends QuerySideHttpTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Test
    void a_started_query_side_is_alive_and_ready_once_its_timeliness_index_is_loaded() {
        assertThat(status("/actuator/health/liveness")).isEqualTo("200 UP");
        await().atMost(Duration.ofSeconds(30))
               .untilAsserted(() -> assertThat(status("/actuator/health/readiness")).isEqualTo("200 UP"));
    }

    @Test
    void a_query_side_whose_projection_has_stopped_is_alive_but_not_ready() {
        await().atMost(Duration.ofSeconds(30))
               .untilAsserted(() -> assertThat(status("/actuator/health/readiness")).isEqualTo("200 UP"));
        StreamingEventProcessor dossiers = eventProcessing.eventProcessor("dossiers", StreamingEventProcessor.class)
                                                          .orElseThrow();
        dossiers.shutDown();
        try {
            assertThat(status("/actuator/health/readiness")).isEqualTo("503 DOWN");
            assertThat(status("/actuator/health/liveness")).isEqualTo("200 UP");
        } finally {
            dossiers.start();
        }
        assertThat(status("/actuator/health/readiness")).isEqualTo("200 UP");
    }

    private String status(String path) {
        ResponseEntity<JsonNode> answer = anonymous.getForEntity(path, JsonNode.class);
        return answer.getStatusCode().value() + " " + answer.getBody().path("status").asText();
    }
}
