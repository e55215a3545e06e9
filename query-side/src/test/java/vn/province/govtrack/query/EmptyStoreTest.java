package vn.province.govtrack.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a new user sees on a fresh installation, before the first command.
 *
 * <p>A store of its own: the test is about a store before the first event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.data.mongodb.database=empty_store")
class EmptyStoreTest extends QuerySideHttpTest {

    @Test
    void an_empty_store_has_a_caught_up_projection_at_position_zero_and_an_empty_log() {
        JsonNode dossiers = rest.getForObject("/api/v1/admin/projections", JsonNode.class).get("projections").get(0);
        JsonNode log = rest.getForObject("/api/v1/audit/events", JsonNode.class);

        assertThat(dossiers.get("name").asText()).isEqualTo("dossiers");
        assertThat(dossiers.get("position").asLong()).isZero();
        assertThat(dossiers.get("headPosition").asLong()).isZero();
        assertThat(dossiers.get("progress").asInt()).isEqualTo(100);
        assertThat(log.get("events")).isEmpty();
        assertThat(log.get("nextFromPosition").asLong()).isEqualTo(1);
    }

    @Test
    void a_projection_that_has_processed_nothing_yet_can_still_be_rebuilt() {
        ResponseEntity<JsonNode> accepted = rest.postForEntity("/api/v1/admin/projections/dossiers/rebuild", null,
                JsonNode.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody().get("progress").asInt()).isEqualTo(100);
        assertThat(accepted.getBody().get("replaying").asBoolean()).isFalse();
    }
}
