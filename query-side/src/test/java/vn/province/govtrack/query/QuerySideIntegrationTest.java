package vn.province.govtrack.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.unit.UnitIds;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.dossier.DossierEvents;

/**
 * The query side as a client meets it: events appended through the real engine on a wire-protocol
 * server, read back through HTTP from the projection, the audit endpoints and the admin endpoints.
 *
 * <p>A context, and so a store, of its own: two test projections and a shorter wait for read-your-writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.data.mongodb.database=query_side",
        "govtrack.query.consistency.max-wait=1s",
        "axon.eventhandling.processors.gated-test.mode=tracking",
        "axon.eventhandling.processors.gated-test.initial-segment-count=1",
        "axon.eventhandling.processors.flaky-test.mode=tracking",
        "axon.eventhandling.processors.flaky-test.initial-segment-count=1"})
@Import({QuerySideIntegrationTest.GatedProjection.class, QuerySideIntegrationTest.FlakyProjection.class})
class QuerySideIntegrationTest extends QuerySideHttpTest {

    private static final Map<String, String> METADATA = Map.of(
            EventMetadata.ACTOR, "clerk.ba-dinh",
            EventMetadata.ACTOR_ROLE, "CLERK",
            EventMetadata.ACTOR_UNIT, "W-BA-DINH",
            EventMetadata.CORRELATION_ID, "request-42",
            EventMetadata.CAUSATION_ID, "command-7");

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    MongoProperties mongoProperties;
    @Autowired
    GatedProjection gatedProjection;
    @Autowired
    FlakyProjection flakyProjection;

    // ------------------------------------------------------------------ dossier query and read-your-writes

    @Test
    void a_received_dossier_reads_back_at_the_position_its_event_was_appended_at() {
        String dossierId = newDossierId();
        long position = append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);

        ResponseEntity<JsonNode> response = get("/api/v1/dossiers/" + dossierId + "?minPosition=" + position);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(projectionPosition(response)).isGreaterThanOrEqualTo(position);
        assertThat(response.getHeaders().containsKey("X-Projection-Stale")).isFalse();
        JsonNode dossier = response.getBody();
        assertThat(dossier.get("dossierId").asText()).isEqualTo(dossierId);
        assertThat(dossier.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(dossier.get("statusCode").asInt()).isEqualTo(2);
        assertThat(dossier.get("procedureCode").asText()).isEqualTo("1.004227");
        assertThat(dossier.get("unitCode").asText()).isEqualTo("W-BA-DINH");
        assertThat(dossier.get("channel").asText()).isEqualTo("IN_PERSON");
        assertThat(dossier.get("receivedAt").asText()).isEqualTo("2025-07-01T09:00:00+07:00");
        assertThat(dossier.get("dueAt").asText()).isEqualTo("2025-07-04T09:00:00+07:00");
        assertThat(dossier.get("resolvedAt").isNull()).isTrue();
        assertThat(dossier.get("supplementRequests").asInt()).isZero();
        assertThat(dossier.get("lastPosition").asLong()).isEqualTo(position);
        assertThat(dossier.get("applicant").get("unreadable").asBoolean())
                .as("the auditor sees the applicant opened at read time; this fixture's key is in no key store")
                .isTrue();
    }

    @Test
    void a_resolution_is_visible_to_a_query_that_names_its_position_in_the_header() {
        String dossierId = newDossierId();
        append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);
        long resolvedAt = append(dossierId, 1, DossierEvents.resolvedEarly(dossierId), DossierEvents.RESOLVED_AT);

        ResponseEntity<JsonNode> response = get("/api/v1/dossiers/" + dossierId,
                Map.of("X-Min-Position", Long.toString(resolvedAt)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("status").asText()).isEqualTo("RESOLVED");
        assertThat(response.getBody().get("statusCode").asInt()).isEqualTo(9);
        assertThat(response.getBody().get("timeliness").asText()).isEqualTo("EARLY");
        assertThat(response.getBody().get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(response.getBody().get("resolvedAt").asText()).isEqualTo("2025-07-03T16:30:00+07:00");
    }

    @Test
    void a_query_that_cannot_wait_long_enough_answers_with_what_is_there_and_says_it_is_stale() {
        String dossierId = newDossierId();
        long position = append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);
        awaitDossier(dossierId, position);
        long unreachable = position + 1_000;

        long started = System.nanoTime();
        ResponseEntity<JsonNode> response = get("/api/v1/dossiers/" + dossierId + "?minPosition=" + unreachable);

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getFirst("X-Projection-Stale")).isEqualTo("true");
        assertThat(projectionPosition(response)).isGreaterThanOrEqualTo(position).isLessThan(unreachable);
        assertThat(response.getBody().get("status").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void an_unknown_dossier_is_a_not_found_problem_that_still_reports_the_projection_position() {
        ResponseEntity<JsonNode> response = get("/api/v1/dossiers/HS-NEVER-SUBMITTED");

        assertProblem(response, HttpStatus.NOT_FOUND, "dossier-not-found");
        assertThat(response.getHeaders().getFirst("X-Projection-Position")).isNotNull();
    }

    @Test
    void an_unknown_dossier_after_a_wait_that_ran_out_says_how_far_the_projection_got() {
        long unreachable = head() + 1_000;

        ResponseEntity<JsonNode> response = get("/api/v1/dossiers/HS-NOT-YET?minPosition=" + unreachable);

        assertProblem(response, HttpStatus.NOT_FOUND, "dossier-not-found");
        assertThat(response.getHeaders().getFirst("X-Projection-Stale")).isEqualTo("true");
        assertThat(response.getBody().get("requestedPosition").asLong()).isEqualTo(unreachable);
        assertThat(response.getBody().get("projectionPosition").asLong()).isLessThan(unreachable);
    }

    // ------------------------------------------------------------------ audit

    @Test
    void a_dossier_stream_lists_its_events_in_order_with_payload_and_metadata_naming_the_actor_role_and_unit() {
        String dossierId = newDossierId();
        long received = append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);
        long resolved = append(dossierId, 1, DossierEvents.resolvedEarly(dossierId), DossierEvents.RESOLVED_AT);

        // minPosition: without it the header may give the head as read up to one poll interval ago
        ResponseEntity<JsonNode> response = get("/api/v1/audit/streams/" + dossierId + "/events?minPosition=" + resolved);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(projectionPosition(response)).isGreaterThanOrEqualTo(resolved);
        JsonNode events = response.getBody().get("events");
        assertThat(events).hasSize(2);
        JsonNode first = events.get(0);
        assertThat(first.get("position").asLong()).isEqualTo(received);
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("type").asText()).isEqualTo("DossierReceivedEvent");
        assertThat(first.get("revision").asText()).isEqualTo("2");
        assertThat(first.get("timestamp").asText()).isEqualTo("2025-07-01T09:00:00+07:00");
        assertThat(first.get("payload").get("dossierId").asText()).isEqualTo(dossierId);
        assertThat(first.get("payload").get("dueAt").asText()).isEqualTo("2025-07-04T02:00:00Z");
        assertThat(first.get("metadata").get("actor").asText()).isEqualTo("clerk.ba-dinh");
        assertThat(first.get("metadata").get("actorRole").asText()).isEqualTo("CLERK");
        assertThat(first.get("metadata").get("actorUnit").asText()).isEqualTo("W-BA-DINH");
        assertThat(first.get("metadata").get("correlationId").asText()).isEqualTo("request-42");
        assertThat(first.get("metadata").get("causationId").asText()).isEqualTo("command-7");
        JsonNode second = events.get(1);
        assertThat(second.get("position").asLong()).isEqualTo(resolved);
        assertThat(second.get("sequence").asLong()).isEqualTo(1);
        assertThat(second.get("type").asText()).isEqualTo("DossierResolvedEvent");
        assertThat(second.get("payload").get("timeliness").asText()).isEqualTo("EARLY");
    }

    @Test
    void a_stream_without_events_is_a_not_found_problem() {
        assertProblem(get("/api/v1/audit/streams/HS-NOBODY/events"), HttpStatus.NOT_FOUND, "stream-not-found");
        assertProblem(get("/api/v1/audit/streams/HS-NOBODY/state"), HttpStatus.NOT_FOUND, "stream-not-found");
    }

    @Test
    void the_state_as_of_an_instant_reflects_only_the_events_that_had_happened_by_then() {
        String dossierId = newDossierId();
        append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);
        append(dossierId, 1, DossierEvents.resolvedEarly(dossierId), DossierEvents.RESOLVED_AT);

        ResponseEntity<JsonNode> between = get(stateAsOf(dossierId, "2025-07-02T12:00:00%2B07:00"));
        ResponseEntity<JsonNode> after = get(stateAsOf(dossierId, "2025-07-10T00:00:00Z"));

        assertThat(between.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(between.getBody().get("fold").asText()).isEqualTo("dossier");
        assertThat(between.getBody().get("lastApplied").get("sequence").asLong()).isZero();
        assertThat(between.getBody().get("lastApplied").get("type").asText()).isEqualTo("DossierReceivedEvent");
        assertThat(between.getBody().get("state").get("status").asText()).isEqualTo("RECEIVED");
        assertThat(after.getBody().get("lastApplied").get("sequence").asLong()).isEqualTo(1);
        assertThat(after.getBody().get("state").get("status").asText()).isEqualTo("RESOLVED");
        assertThat(after.getBody().get("state").get("timeliness").asText()).isEqualTo("EARLY");
    }

    @Test
    void the_latest_as_of_state_of_a_dossier_is_exactly_what_the_projection_shows() {
        String dossierId = newDossierId();
        append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);
        long position = append(dossierId, 1, DossierEvents.resolvedEarly(dossierId), DossierEvents.RESOLVED_AT);

        JsonNode projected = get("/api/v1/dossiers/" + dossierId + "?minPosition=" + position).getBody();
        JsonNode rebuilt = get("/api/v1/audit/streams/" + dossierId + "/state").getBody().get("state");

        assertThat(rebuilt).isEqualTo(projected);
    }

    @Test
    void an_offset_whose_plus_sign_was_not_url_encoded_is_still_read_as_meant() {
        String dossierId = newDossierId();
        append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);

        ResponseEntity<JsonNode> response = get(stateAsOf(dossierId, "2025-07-01T09:00:00+07:00"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("asOf").asText()).isEqualTo("2025-07-01T09:00:00+07:00");
    }

    @Test
    void a_state_as_of_a_time_before_the_first_event_is_not_found_and_a_malformed_instant_is_a_bad_request() {
        String dossierId = newDossierId();
        append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);

        assertProblem(get(stateAsOf(dossierId, "2025-06-01T00:00:00Z")), HttpStatus.NOT_FOUND, "stream-not-started");
        assertProblem(get(stateAsOf(dossierId, "yesterday")), HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(get(stateAsOf(dossierId, "2025-13-45T25:00:00Z")), HttpStatus.BAD_REQUEST, "invalid-input");
    }

    @Test
    void streams_other_than_dossiers_are_rebuilt_by_merging_their_payloads() {
        String streamId = UnitIds.streamOf("W-" + UUID.randomUUID().toString().substring(0, 8));
        append(streamId, "Unit", 0, new UnitRegisteredEvent("W-BA-DINH", "Phường Ba Đình", UnitKind.WARD),
                Instant.parse("2025-07-01T01:00:00Z"));

        JsonNode state = get("/api/v1/audit/streams/" + streamId + "/state").getBody();

        assertThat(state.get("fold").asText()).isEqualTo("generic");
        assertThat(state.get("lastApplied").get("type").asText()).isEqualTo("UnitRegisteredEvent");
        assertThat(state.get("lastApplied").get("sequence").asLong()).isZero();
        assertThat(state.get("state").get("name").asText()).isEqualTo("Phường Ba Đình");
        assertThat(state.get("state").get("kind").asText()).isEqualTo("WARD");
    }

    @Test
    void the_global_log_pages_through_every_position_without_a_gap() {
        String dossierId = newDossierId();
        long first = append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);
        append(dossierId, 1, DossierEvents.resolvedEarly(dossierId), DossierEvents.RESOLVED_AT);

        JsonNode page = get("/api/v1/audit/events?fromPosition=" + first + "&limit=1").getBody();
        JsonNode next = get(page.get("next").asText()).getBody();

        assertThat(page.get("events")).hasSize(1);
        assertThat(page.get("events").get(0).get("position").asLong()).isEqualTo(first);
        assertThat(page.get("events").get(0).get("aggregateId").asText()).isEqualTo(dossierId);
        assertThat(page.get("nextFromPosition").asLong()).isEqualTo(first + 1);
        assertThat(next.get("events").get(0).get("position").asLong()).isEqualTo(first + 1);
        assertThat(next.get("events").get(0).get("type").asText()).isEqualTo("DossierResolvedEvent");

        long head = head();
        JsonNode all = get("/api/v1/audit/events?fromPosition=1&limit=1000").getBody();
        List<Long> positions = new ArrayList<>();
        all.get("events").forEach(event -> positions.add(event.get("position").asLong()));
        assertThat(positions).hasSizeGreaterThanOrEqualTo((int) head);
        for (int i = 0; i < head; i++) {
            assertThat(positions.get(i)).isEqualTo(i + 1L);
        }
        assertThat(all.get("headPosition").asLong()).isGreaterThanOrEqualTo(head);
    }

    @Test
    void paging_parameters_out_of_range_or_not_numbers_are_bad_requests() {
        assertProblem(get("/api/v1/audit/events?limit=0"), HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(get("/api/v1/audit/events?limit=1001"), HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(get("/api/v1/audit/events?fromPosition=0"), HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(get("/api/v1/audit/events?fromPosition=abc"), HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(get("/api/v1/audit/events?limit=99999999999999999999"), HttpStatus.BAD_REQUEST,
                "invalid-input");
    }

    // ------------------------------------------------------------------ admin and rebuild

    @Test
    void the_projection_list_shows_the_dossier_projection_caught_up_with_the_head() {
        String dossierId = newDossierId();
        long position = append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);
        awaitDossier(dossierId, position);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode dossiers = projection("dossiers");
            assertThat(dossiers.get("position").asLong()).isEqualTo(dossiers.get("headPosition").asLong());
            assertThat(dossiers.get("headPosition").asLong()).isGreaterThanOrEqualTo(position);
            assertThat(dossiers.get("progress").asInt()).isEqualTo(100);
            assertThat(dossiers.get("replaying").asBoolean()).isFalse();
            assertThat(dossiers.get("state").asText()).isEqualTo("CAUGHT_UP");
        });
    }

    @Test
    void a_rebuild_replays_every_event_into_a_read_model_identical_to_the_one_before() {
        String dossierId = newDossierId();
        append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);
        long position = append(dossierId, 1, DossierEvents.resolvedEarly(dossierId), DossierEvents.RESOLVED_AT);
        awaitDossier(dossierId, position);
        awaitCaughtUp("dossiers");
        List<Document> before = dossierViews();
        tamperWith(dossierId);

        ResponseEntity<JsonNode> accepted = rest.postForEntity("/api/v1/admin/projections/dossiers/rebuild", null,
                JsonNode.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getHeaders().getLocation()).hasPath("/api/v1/admin/projections/dossiers");
        awaitCaughtUp("dossiers");
        assertThat(dossierViews()).isEqualTo(before);
    }

    @Test
    void a_rebuild_shows_its_progress_while_it_runs_and_refuses_a_second_rebuild_meanwhile() throws Exception {
        String dossierId = newDossierId();
        append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);
        awaitCaughtUp("gated-test");
        CountDownLatch gate = new CountDownLatch(1);
        gatedProjection.gate = gate;
        try {
            ResponseEntity<JsonNode> accepted = rest.postForEntity("/api/v1/admin/projections/gated-test/rebuild",
                    null, JsonNode.class);
            assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

            JsonNode running = projection("gated-test");
            assertThat(running.get("replaying").asBoolean()).isTrue();
            assertThat(running.get("state").asText()).isEqualTo("REPLAYING");
            assertThat(running.get("progress").asInt()).isLessThan(100);

            ResponseEntity<JsonNode> second = rest.postForEntity("/api/v1/admin/projections/gated-test/rebuild",
                    null, JsonNode.class);
            assertProblem(second, HttpStatus.CONFLICT, "rebuild-in-progress");
        } finally {
            gatedProjection.gate = null;
            gate.countDown();
        }
        awaitCaughtUp("gated-test");
    }

    @Test
    void a_rebuild_from_an_instant_recomputes_what_events_from_then_on_touched_and_leaves_the_rest_as_it_was() {
        // later than every other event of this class, which are recorded in 2025
        Instant from = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String kept = newDossierId();
        String touched = newDossierId();
        String fresh = newDossierId();
        append(kept, 0, DossierEvents.received(kept), from.minus(Duration.ofHours(5)));
        append(touched, 0, DossierEvents.received(touched), from.minus(Duration.ofHours(4)));
        append(touched, 1, DossierEvents.resolvedEarly(touched), from);
        long last = append(fresh, 0, DossierEvents.received(fresh), from.plus(Duration.ofHours(3)));
        awaitDossier(fresh, last);
        awaitCaughtUp("dossiers");
        List<Document> right = dossierViews();
        List<Document> rightOpen = openEntries();
        // what a faulty release live from `from` on left behind, and a mark on a dossier it never touched
        tamperWith(touched);
        tamperWith(fresh);
        dossierViewCollection().updateOne(Filters.eq("_id", kept), Updates.set("keptAsItWas", true));

        ResponseEntity<JsonNode> accepted = post("/api/v1/admin/projections/dossiers/rebuild?from=" + inVietnam(from));

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getHeaders().getLocation()).hasPath("/api/v1/admin/projections/dossiers");
        awaitCaughtUp("dossiers");
        assertThat(dossier(touched)).isEqualTo(document(right, touched));
        assertThat(dossier(fresh)).isEqualTo(document(right, fresh));
        assertThat(dossier(kept).getBoolean("keptAsItWas")).as("a dossier no event since `from` touched is kept")
                                                            .isTrue();
        dossierViewCollection().updateOne(Filters.eq("_id", kept), Updates.unset("keptAsItWas"));
        assertThat(dossierViews()).isEqualTo(right);
        assertThat(openEntries()).isEqualTo(rightOpen);

        post("/api/v1/admin/projections/dossiers/rebuild");
        awaitCaughtUp("dossiers");
        assertThat(dossierViews()).as("a full rebuild gives the same").isEqualTo(right);
        assertThat(openEntries()).isEqualTo(rightOpen);
    }

    @Test
    void a_rebuild_from_an_instant_shows_its_progress_while_it_replays() throws Exception {
        Instant from = DossierEvents.RECEIVED_AT;
        String dossierId = newDossierId();
        append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);
        awaitCaughtUp("gated-test");
        CountDownLatch gate = new CountDownLatch(1);
        gatedProjection.gate = gate;
        try {
            ResponseEntity<JsonNode> accepted = post("/api/v1/admin/projections/gated-test/rebuild?from="
                                                     + inVietnam(from));
            assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

            JsonNode running = projection("gated-test");
            assertThat(running.get("replaying").asBoolean()).isTrue();
            assertThat(running.get("state").asText()).isEqualTo("REPLAYING");
            assertThat(running.get("progress").asInt()).isLessThan(100);
        } finally {
            gatedProjection.gate = null;
            gate.countDown();
        }
        awaitCaughtUp("gated-test");
    }

    @Test
    void a_rebuild_from_a_malformed_or_future_instant_is_a_bad_request_and_changes_nothing() {
        String dossierId = newDossierId();
        long position = append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);
        awaitDossier(dossierId, position);
        awaitCaughtUp("dossiers");
        List<Document> before = dossierViews();
        String tomorrow = inVietnam(Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS));

        for (String from : List.of("yesterday", "2025-07-01", "2025-07-01T09:00:00", "2025-13-45T25:00:00Z", "",
                                   "%2B999999999-12-31T23:59:59-18:00", tomorrow)) {
            ResponseEntity<JsonNode> response = post("/api/v1/admin/projections/dossiers/rebuild?from=" + from);
            assertThat(response.getStatusCode()).as("from=%s: %s", from, response.getBody())
                                                .isEqualTo(HttpStatus.BAD_REQUEST);
            assertProblem(response, HttpStatus.BAD_REQUEST, "invalid-input");
        }
        assertProblem(post("/api/v1/admin/projections/dossiers/rebuild?from=" + "2".repeat(65)),
                      HttpStatus.BAD_REQUEST, "invalid-input");

        JsonNode dossiers = projection("dossiers");
        assertThat(dossiers.get("replaying").asBoolean()).isFalse();
        assertThat(dossiers.get("position").asLong()).isEqualTo(head());
        assertThat(dossierViews()).isEqualTo(before);
    }

    @Test
    void rebuilding_an_unknown_projection_is_a_not_found_problem() {
        ResponseEntity<JsonNode> response = rest.postForEntity("/api/v1/admin/projections/no-such/rebuild", null,
                JsonNode.class);

        assertProblem(response, HttpStatus.NOT_FOUND, "projection-not-found");
        assertProblem(get("/api/v1/admin/projections/no-such"), HttpStatus.NOT_FOUND, "projection-not-found");
    }

    @Test
    void an_event_whose_projection_write_fails_once_is_handled_again_not_skipped() {
        String dossierId = newDossierId();
        flakyProjection.failOnce.add(dossierId);

        append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);

        await().atMost(Duration.ofSeconds(15)).until(() -> flakyProjection.written.contains(dossierId));
        assertThat(flakyProjection.attempts.get(dossierId)).isEqualTo(2);
    }

    // ------------------------------------------------------------------ errors

    @Test
    void a_position_that_is_not_a_whole_number_at_least_zero_is_a_bad_request() {
        assertProblem(get("/api/v1/dossiers/HS-1?minPosition=-1"), HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(get("/api/v1/dossiers/HS-1?minPosition=soon"), HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(get("/api/v1/dossiers/HS-1", Map.of("X-Min-Position", "1e3")), HttpStatus.BAD_REQUEST,
                "invalid-input");
    }

    @Test
    void identifiers_no_dossier_or_stream_can_have_are_simply_not_found() {
        String longId = "X".repeat(4_000);
        for (String id : List.of("%24where", "h%E1%BB%93-s%C6%A1", "unit%3A", longId, "%20")) {
            assertProblem(get("/api/v1/dossiers/" + id), HttpStatus.NOT_FOUND, "dossier-not-found");
            assertProblem(get("/api/v1/audit/streams/" + id + "/events"), HttpStatus.NOT_FOUND, "stream-not-found");
        }
    }

    @Test
    void instants_beyond_what_the_business_calendar_can_show_are_bad_requests() {
        String dossierId = newDossierId();
        append(dossierId, 0, DossierEvents.received(dossierId), DossierEvents.RECEIVED_AT);

        assertProblem(get(stateAsOf(dossierId, "%2B999999999-12-31T23:59:59-18:00")), HttpStatus.BAD_REQUEST,
                "invalid-input");
        assertProblem(get(stateAsOf(dossierId, "")), HttpStatus.BAD_REQUEST, "invalid-input");
    }

    @Test
    void a_page_past_the_head_is_empty_and_points_back_at_itself_for_polling() {
        long beyond = head() + 10;

        JsonNode page = get("/api/v1/audit/events?fromPosition=" + beyond + "&limit=5").getBody();

        assertThat(page.get("events")).isEmpty();
        assertThat(page.get("nextFromPosition").asLong()).isEqualTo(beyond);
        assertThat(page.get("next").asText()).isEqualTo("/api/v1/audit/events?fromPosition=" + beyond + "&limit=5");
    }

    @Test
    void unknown_paths_and_wrong_methods_are_client_problems() {
        assertProblem(get("/api/v1/nothing-here"), HttpStatus.NOT_FOUND, "not-found");
        ResponseEntity<JsonNode> delete = rest.exchange("/api/v1/dossiers/HS-1", HttpMethod.DELETE, null,
                JsonNode.class);
        assertProblem(delete, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
    }

    // ------------------------------------------------------------------ helpers

    /** A tracking processor that stops at a gate the test controls, to catch a replay mid-way. */
    @ProcessingGroup("gated-test")
    static class GatedProjection {

        volatile CountDownLatch gate;

        @EventHandler
        void on(DossierReceivedEvent event) throws InterruptedException {
            CountDownLatch current = gate;
            if (current != null) {
                current.await(30, TimeUnit.SECONDS);
            }
        }

        @ResetHandler
        void reset() {
            // owns no state; the reset exists so the processor can be rebuilt
        }
    }

    /** A projection whose database write fails once for the dossiers the test names. */
    @ProcessingGroup("flaky-test")
    static class FlakyProjection {

        final Set<String> failOnce = ConcurrentHashMap.newKeySet();
        final Set<String> written = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> attempts = new ConcurrentHashMap<>();

        @EventHandler
        void on(DossierReceivedEvent event) {
            attempts.merge(event.dossierId(), 1, Integer::sum);
            if (failOnce.remove(event.dossierId())) {
                throw new MongoException("connection reset during write (injected once)");
            }
            written.add(event.dossierId());
        }
    }

    private long append(String dossierId, long sequence, Object payload, Instant timestamp) {
        return append(dossierId, "Dossier", sequence, payload, timestamp);
    }

    private long append(String aggregateId, String type, long sequence, Object payload, Instant timestamp) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, METADATA,
                UUID.randomUUID().toString(), timestamp));
        return head();
    }

    private long head() {
        var token = engine.createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    private static String newDossierId() {
        return "HS-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static String stateAsOf(String dossierId, String asOf) {
        return "/api/v1/audit/streams/" + dossierId + "/state?asOf=" + asOf;
    }

    private ResponseEntity<JsonNode> get(String path) {
        return get(path, Map.of());
    }

    private ResponseEntity<JsonNode> get(String path, Map<String, String> headers) {
        HttpHeaders httpHeaders = new HttpHeaders();
        headers.forEach(httpHeaders::add);
        return rest.exchange(java.net.URI.create(rest.getRootUri() + path), HttpMethod.GET,
                new HttpEntity<>(httpHeaders), JsonNode.class);
    }

    /** Sent as written: an encoded '+' stays encoded. */
    private ResponseEntity<JsonNode> post(String path) {
        return rest.exchange(java.net.URI.create(rest.getRootUri() + path), HttpMethod.POST, null, JsonNode.class);
    }

    private static long projectionPosition(ResponseEntity<?> response) {
        return Long.parseLong(response.getHeaders().getFirst("X-Projection-Position"));
    }

    private void awaitDossier(String dossierId, long position) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ResponseEntity<JsonNode> response = get("/api/v1/dossiers/" + dossierId);
            return response.getStatusCode() == HttpStatus.OK
                    && response.getBody().get("lastPosition").asLong() >= position;
        });
    }

    private JsonNode projection(String name) {
        JsonNode list = get("/api/v1/admin/projections").getBody().get("projections");
        return StreamSupport.stream(list.spliterator(), false)
                            .filter(p -> p.get("name").asText().equals(name))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no projection " + name + " in " + list));
    }

    private void awaitCaughtUp(String name) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = projection(name);
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("progress").asInt()).isEqualTo(100);
            assertThat(status.get("position").asLong()).isEqualTo(head());
        });
    }

    private List<Document> dossierViews() {
        return dossierViewCollection().find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** The open dossiers' entries, without the closed dossiers' tombstones (which differ in when they were written). */
    private List<Document> openEntries() {
        return mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection("dossier_open")
                          .find(Filters.ne("closed", true)).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private Document dossier(String dossierId) {
        return dossierViewCollection().find(Filters.eq("_id", dossierId)).first();
    }

    private static Document document(List<Document> documents, String id) {
        return documents.stream().filter(d -> id.equals(d.getString("_id"))).findFirst().orElseThrow();
    }

    private MongoCollection<Document> dossierViewCollection() {
        return mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection("dossier_view");
    }

    private void tamperWith(String dossierId) {
        dossierViewCollection().updateOne(Filters.eq("_id", dossierId), Updates.set("status", "RETURNED"));
    }

    /** The instant as an ISO-8601 query parameter in the business zone's offset, its '+' encoded. */
    private static String inVietnam(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(7)).toString().replace("+", "%2B");
    }
}
