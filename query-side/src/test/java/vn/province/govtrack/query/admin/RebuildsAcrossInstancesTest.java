package vn.province.govtrack.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.config.EventProcessingConfiguration;
import org.bson.Document;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.query.ActingOfficials;
import vn.province.govtrack.query.QuerySideApplication;
import vn.province.govtrack.query.projection.ProjectionRebuilt;
import vn.province.govtrack.query.projection.RebuildLog;
import vn.province.govtrack.security.TokenMinter;

/**
 * Query-side instances (application contexts of their own, each with its processors, token claims and
 * checks for rebuild requests) on one store: a rebuild asked of any of them is carried out once, by the
 * instance that holds the projection, and a second one is refused until the first has started.
 *
 * <p>One story in order, on one database: the first instance holds every projection and never looks
 * for requests (a holder that is slow, or about to go); the second asks it to rebuild and finds the
 * request pending; when the first goes, the second holds the projection and carries the request out;
 * a third, which holds nothing, then asks, and the second carries that out; and a request that a gone
 * instance took and never recorded is taken over by the second.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildsAcrossInstancesTest {

    private static final String DATABASE = TestMongo.freshDatabaseName("rebuilds-across-instances");
    private static final String PROJECTION = "staff";
    private static final String REBUILD = "/api/v1/admin/projections/" + PROJECTION + "/rebuild";
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(60);

    private static Instance first;
    private static Instance second;
    private static Instance third;

    @BeforeAll
    static void startTwoInstances() {
        first = Instance.start("1h");
        await().atMost(LONG_ENOUGH).until(() -> first.holds(PROJECTION));
        second = Instance.start("200ms");
    }

    @AfterAll
    static void stopThem() {
        for (Instance instance : new Instance[] {third, second, first}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    @Order(1)
    void a_rebuild_asked_of_an_instance_that_does_not_hold_the_projection_is_accepted_as_requested() throws Exception {
        long rebuilt = rebuildLog().count(PROJECTION);

        ResponseEntity<JsonNode> accepted = second.post(REBUILD);

        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getHeaders().getLocation()).hasPath("/api/v1/admin/projections/" + PROJECTION);
        assertThat(accepted.getBody().get("state").asText()).isEqualTo("REQUESTED");
        for (Instance instance : List.of(first, second)) {
            assertThat(instance.get("/api/v1/admin/projections/" + PROJECTION).getBody().get("state").asText())
                    .isEqualTo("REQUESTED");
        }
        // several of the second instance's checks: it leaves the request to the holder
        Thread.sleep(1_000);
        assertThat(rebuildLog().count(PROJECTION)).isEqualTo(rebuilt);
        assertThat(second.rebuilt).isEmpty();
        assertThat(first.rebuilt).isEmpty();
    }

    @Test
    @Order(2)
    void a_second_rebuild_while_one_is_requested_is_refused_by_every_instance_and_changes_nothing() {
        RebuildLog.Request pending = rebuildLog().request(PROJECTION).orElseThrow();

        for (Instance instance : List.of(first, second)) {
            ResponseEntity<JsonNode> refused = instance.post(REBUILD + "?from=2025-07-01T00:00:00Z");
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .isTrue();
            assertThat(refused.getBody().get("type").asText()).endsWith("/rebuild-in-progress");
        }
        assertThat(rebuildLog().request(PROJECTION)).contains(pending);
    }

    @Test
    @Order(3)
    void the_requested_rebuild_is_carried_out_once_by_the_next_holder_when_the_holder_goes() {
        long rebuilt = rebuildLog().count(PROJECTION);

        first.close();
        first = null;

        await().atMost(LONG_ENOUGH).untilAsserted(() -> {
            assertThat(rebuildLog().request(PROJECTION)).isEmpty();
            assertThat(rebuildLog().count(PROJECTION)).isEqualTo(rebuilt + 1);
        });
        assertThat(second.rebuilt).containsExactly(PROJECTION);
        // it may have taken the request in the moment nobody held the projection, before its processor did
        await().atMost(LONG_ENOUGH).until(() -> second.holds(PROJECTION));
        assertThat(second.get("/api/v1/admin/projections/" + PROJECTION).getBody().get("state").asText())
                .isNotEqualTo("REQUESTED");
    }

    @Test
    @Order(4)
    void a_rebuild_asked_of_an_instance_that_holds_nothing_is_carried_out_once_by_the_holder() throws Exception {
        third = Instance.start("200ms");
        long rebuilt = rebuildLog().count(PROJECTION);
        await().atMost(LONG_ENOUGH).until(() -> second.get("/api/v1/admin/projections/" + PROJECTION).getBody()
                                                      .get("state").asText().equals("CAUGHT_UP"));

        ResponseEntity<JsonNode> accepted = third.post(REBUILD + "?from=2025-07-01T00:00:00Z");

        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(LONG_ENOUGH).untilAsserted(() -> {
            assertThat(rebuildLog().request(PROJECTION)).isEmpty();
            assertThat(rebuildLog().count(PROJECTION)).isEqualTo(rebuilt + 1);
        });
        // several checks of both instances later, still once
        Thread.sleep(1_000);
        assertThat(rebuildLog().count(PROJECTION)).isEqualTo(rebuilt + 1);
        assertThat(second.rebuilt).containsExactly(PROJECTION, PROJECTION);
        assertThat(third.rebuilt).isEmpty();
        assertThat(third.holds(PROJECTION)).isFalse();
    }

    @Test
    @Order(5)
    void a_rebuild_taken_by_an_instance_that_went_before_recording_it_is_taken_over_by_the_holder_once()
            throws Exception {
        long rebuilt = rebuildLog().count(PROJECTION);
        int startedOnSecond = second.rebuilt.size();
        // what a taker leaves behind that died after its take, a minute ago, before its reset
        Document request = new Document("id", "taken-by-a-gone-instance").append("keptUpTo", 0L)
                .append("requestedAt", Date.from(Instant.now().minusSeconds(61))).append("addressedTo", null)
                .append("takenBy", "gone-instance").append("takenAt", Date.from(Instant.now().minusSeconds(60)));
        second.context.getBean(MongoClient.class).getDatabase(DATABASE).getCollection("projection_rebuilds")
                      .updateOne(Filters.eq("_id", PROJECTION), Updates.set("request", request));

        await().atMost(LONG_ENOUGH).untilAsserted(() -> {
            assertThat(rebuildLog().request(PROJECTION)).isEmpty();
            assertThat(rebuildLog().count(PROJECTION)).isEqualTo(rebuilt + 1);
        });
        Thread.sleep(1_000);
        assertThat(rebuildLog().count(PROJECTION)).isEqualTo(rebuilt + 1);
        assertThat(second.rebuilt).hasSize(startedOnSecond + 1);
        assertThat(third.rebuilt).isEmpty();
    }

    private static RebuildLog rebuildLog() {
        return second.context.getBean(RebuildLog.class);
    }

    /** One query-side instance on the test's database, reached over HTTP as the responsible officials. */
    private static final class Instance implements AutoCloseable {

        private final ConfigurableApplicationContext context;
        private final TestRestTemplate http;
        /** The rebuilds started on this instance, in order. */
        private final List<String> rebuilt = new CopyOnWriteArrayList<>();

        private Instance(ConfigurableApplicationContext context) {
            this.context = context;
            this.http = ActingOfficials.client(new RestTemplateBuilder().rootUri(
                    "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")),
                    context.getBean(TokenMinter.class));
            context.addApplicationListener(event -> {
                if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof ProjectionRebuilt rebuilt) {
                    this.rebuilt.add(rebuilt.processorName());
                }
            });
        }

        /** @param check how often it looks for rebuilds asked of other instances */
        static Instance start(String check) {
            // as arguments, so that they take precedence over application.yml (default properties would not)
            return new Instance(new SpringApplicationBuilder(QuerySideApplication.class).run(
                    "--server.port=0", "--spring.data.mongodb.uri=" + TestMongo.uri(),
                    "--spring.data.mongodb.database=" + DATABASE,
                    "--govtrack.query.rebuild-requests.check=" + check));
        }

        boolean holds(String processorName) {
            return !context.getBean(EventProcessingConfiguration.class)
                           .eventProcessor(processorName, StreamingEventProcessor.class).orElseThrow()
                           .processingStatus().isEmpty();
        }

        ResponseEntity<JsonNode> post(String path) {
            return http.postForEntity(path, null, JsonNode.class);
        }

        ResponseEntity<JsonNode> get(String path) {
            return http.getForEntity(path, JsonNode.class);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
