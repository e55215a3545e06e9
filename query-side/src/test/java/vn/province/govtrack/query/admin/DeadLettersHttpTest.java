package vn.province.govtrack.query.admin;

import static com.mongodb.client.model.Filters.in;
import static org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry.updateProcessingStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteError;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.dossier.DossierEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.TimelinessEvent;
import vn.province.govtrack.query.QuerySideHttpTest;
import vn.province.govtrack.query.dossier.DossierEvents;
import vn.province.govtrack.query.projection.RebuildLog;
import vn.province.govtrack.query.projection.RebuildScope;

/**
 * Poison events end to end, on the dossiers projection: a handler of its processing group that fails
 * on the dossiers the test breaks (a handler of this test's, so the context is its own) has their
 * events parked after the configured 3 attempts, while the other dossiers flow; the letters are listed,
 * retried while still failing and once fixed, and the read model then equals a rebuild. A database
 * error parks nothing.
 */
@Import({DeadLettersHttpTest.FaultyHandler.class, DeadLettersHttpTest.FaultyFactsHandler.class,
         DeadLettersHttpTest.FaultyIndexHandler.class})
class DeadLettersHttpTest extends QuerySideHttpTest {

    private static final String PROJECTION = "dossiers";

    /** A handler of the dossiers group that fails, as a bug would, on the dossiers in {@link #BROKEN}. */
    @ProcessingGroup(PROJECTION)
    static class FaultyHandler {

        static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();
        /** Dossiers whose events meet a database error this many more times. */
        static final Map<String, AtomicInteger> UNREACHABLE = new ConcurrentHashMap<>();
        /** Dossiers whose documents a unique index of the read model refuses, every time. */
        static final Set<String> DUPLICATE_KEY = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(DossierEvent event) {
            if (BROKEN.contains(event.dossierId())) {
                throw new IllegalStateException("cannot fold " + event.getClass().getSimpleName() + " of "
                                                + event.dossierId());
            }
            if (DUPLICATE_KEY.contains(event.dossierId())) {
                throw new MongoWriteException(new WriteError(11000, "E11000 duplicate key error collection: "
                        + "dossier_view index: code_1 dup key", new BsonDocument()), new ServerAddress(), Set.of());
            }
            AtomicInteger outages = UNREACHABLE.get(event.dossierId());
            if (outages != null && outages.getAndDecrement() > 0) {
                throw new IllegalStateException("projection write failed", new MongoSocketReadException(
                        "Prematurely reached end of stream", new ServerAddress()));
            }
        }
    }

    /** Handlers of the timeliness facts' and the timeliness index's groups that fail on the dossiers in {@link #BROKEN}. */
    @ProcessingGroup("timeliness")
    static class FaultyFactsHandler {

        static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(TimelinessEvent event) {
            if (BROKEN.contains(event.dossierId())) {
                throw new IllegalArgumentException("no fact for " + event.dossierId());
            }
        }
    }

    @ProcessingGroup("timeliness-index")
    static class FaultyIndexHandler {

        @EventHandler
        void on(TimelinessEvent event) {
            new FaultyFactsHandler().on(event);
        }
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    MongoProperties mongoProperties;
    @Autowired
    MongoTemplate axonMongoTemplate;
    @Autowired
    RebuildLog rebuildLog;

    private final String unit = "W-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void a_poison_event_is_parked_with_the_later_events_of_its_dossier_and_a_fixed_retry_equals_a_rebuild() {
        String poisoned = "HS-POISON-" + UUID.randomUUID();
        String healthy = "HS-HEALTHY-" + UUID.randomUUID();
        double enqueuedBefore = meter("govtrack.dead.letters.enqueued");
        FaultyHandler.BROKEN.add(poisoned);

        append(poisoned, 0, DossierEvents.received(poisoned));
        append(poisoned, 1, DossierEvents.transferred(poisoned, unit));
        append(healthy, 0, DossierEvents.received(healthy));
        long head = append(healthy, 1, DossierEvents.resolvedEarly(healthy));

        // the other dossier flows: the projection reaches the head with the poisoned one parked
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = rest.getForEntity("/api/v1/admin/projections/" + PROJECTION, JsonNode.class).getBody();
            assertThat(status.get("position").asLong()).isGreaterThanOrEqualTo(head);
        });
        assertThat(rest.getForEntity("/api/v1/dossiers/" + healthy, JsonNode.class).getBody().get("status").asText())
                .isEqualTo("RESOLVED");
        Document waiting = view(poisoned);
        assertThat(waiting == null ? null : waiting.getString("unitCode"))
                .as("the transfer waits behind the parked receipt").isNotEqualTo(unit);

        List<JsonNode> parked = lettersOf(poisoned);
        assertThat(parked).hasSize(2);
        assertThat(parked.get(0).get("type").asText()).isEqualTo("DossierReceivedEvent");
        assertThat(parked.get(0).get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(parked.get(0).get("causeMessage").asText()).contains("cannot fold DossierReceivedEvent");
        assertThat(parked.get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(parked.get(0).get("queuedBehind").asBoolean()).isFalse();
        assertThat(parked.get(0).get("sequenceId").asText()).isEqualTo(poisoned);
        assertThat(parked.get(0).get("aggregateId").asText()).isEqualTo(poisoned);
        assertThat(parked.get(1).get("type").asText()).isEqualTo("DossierTransferredEvent");
        assertThat(parked.get(1).get("queuedBehind").asBoolean()).isTrue();
        assertThat(parked.get(1).get("attempts").asInt()).isZero();
        assertThat(parked.get(1).get("position").asLong()).isGreaterThan(parked.get(0).get("position").asLong());
        assertThat(meter("govtrack.dead.letters.enqueued") - enqueuedBefore).isEqualTo(2);
        long listed = projectionStatus().get("deadLetters").asLong();
        assertThat(listed).isGreaterThanOrEqualTo(2);
        assertThat(meter("govtrack.dead.letters")).isEqualTo(listed);

        // retried before the fix: still failing, still parked, one attempt more
        String id = parked.get(1).get("id").asText();
        JsonNode failed = rest.postForEntity("/api/v1/admin/dead-letters/" + id + "/retry", null, JsonNode.class)
                              .getBody();
        assertThat(failed.get("outcome").asText()).isEqualTo("STILL_FAILING");
        assertThat(failed.get("remaining").asLong()).isEqualTo(2);
        assertThat(failed.get("firstRemaining").get("attempts").asInt()).isEqualTo(4);
        assertThat(lettersOf(poisoned)).hasSize(2);
        assertThat(meter("govtrack.dead.letters.retried", "outcome:failed")).isPositive();

        // fixed and retried: both events in order, nothing left
        FaultyHandler.BROKEN.remove(poisoned);
        double succeededBefore = meter("govtrack.dead.letters.retried", "outcome:succeeded");
        JsonNode processed = rest.postForEntity("/api/v1/admin/dead-letters/" + id + "/retry", null, JsonNode.class)
                                 .getBody();
        assertThat(processed.get("outcome").asText()).isEqualTo("PROCESSED");
        assertThat(processed.get("processed").asLong()).isEqualTo(2);
        assertThat(lettersOf(poisoned)).isEmpty();
        assertThat(view(poisoned).getString("unitCode")).isEqualTo(unit);
        assertThat(meter("govtrack.dead.letters.retried", "outcome:succeeded") - succeededBefore).isEqualTo(2);
        assertThat(meter("govtrack.dead.letters")).isEqualTo(listed - 2);

        List<Document> retried = views(poisoned, healthy);
        rebuild();
        assertThat(views(poisoned, healthy)).isEqualTo(retried);
    }

    @Test
    void a_rebuild_clears_the_parked_events_and_parks_anew_those_that_still_fail() {
        String poisoned = "HS-REPARKED-" + UUID.randomUUID();
        FaultyHandler.BROKEN.add(poisoned);
        append(poisoned, 0, DossierEvents.received(poisoned));
        append(poisoned, 1, DossierEvents.transferred(poisoned, unit));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lettersOf(poisoned)).hasSize(2));
        List<String> before = lettersOf(poisoned).stream().map(letter -> letter.get("id").asText()).toList();

        rebuild();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lettersOf(poisoned)).hasSize(2));
        List<JsonNode> after = lettersOf(poisoned);
        assertThat(after).extracting(letter -> letter.get("id").asText()).doesNotContainAnyElementsOf(before);
        assertThat(after.get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(after).extracting(letter -> letter.get("type").asText())
                         .containsExactly("DossierReceivedEvent", "DossierTransferredEvent");

        FaultyHandler.BROKEN.remove(poisoned);
        assertThat(rest.postForEntity("/api/v1/admin/dead-letters/" + after.get(0).get("id").asText() + "/retry",
                                      null, JsonNode.class).getBody().get("outcome").asText()).isEqualTo("PROCESSED");
        assertThat(view(poisoned).getString("unitCode")).isEqualTo(unit);
    }

    @Test
    void a_retried_timeliness_letter_reaches_the_facts_and_the_unit_totals_of_the_index_as_a_rebuild_would() {
        String poisoned = "HS-UNCOUNTED-" + UUID.randomUUID();
        String counted = "HS-COUNTED-" + UUID.randomUUID();
        FaultyFactsHandler.BROKEN.add(poisoned);
        append(poisoned, 0, receivedAt(unit, poisoned));
        append(counted, 0, receivedAt(unit, counted));
        long head = append(counted, 1, DossierEvents.resolvedEarly(counted));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(status("timeliness").get("position").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(status("timeliness-index").get("position").asLong()).isGreaterThanOrEqualTo(head);
        });
        assertThat(fact(poisoned)).as("parked, not folded").isNull();
        assertThat(fact(counted)).isNotNull();
        assertThat(status("timeliness-index").get("deadLetters").asLong()).as("this instance's, in memory").isOne();
        String id = letters("timeliness").stream().filter(letter -> letter.get("sequenceId").asText().equals(poisoned))
                                         .findFirst().orElseThrow().get("id").asText();

        FaultyFactsHandler.BROKEN.remove(poisoned);
        JsonNode retry = rest.postForEntity("/api/v1/admin/dead-letters/" + id + "/retry", null, JsonNode.class)
                             .getBody();

        assertThat(retry.get("outcome").asText()).isEqualTo("PROCESSED");
        assertThat(fact(poisoned)).isNotNull();
        // the index follows the retry with a replay of its own, which clears the letters it kept in memory
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(status("timeliness-index").get("deadLetters").asLong()).isZero();
            assertThat(totals(head).get("received").asLong()).isEqualTo(2);
            assertThat(totals(head).get("resolved").asLong()).isEqualTo(1);
        });
        JsonNode retried = totals(head);
        Document retriedFact = fact(poisoned);
        rebuildProjection("timeliness");
        assertThat(fact(poisoned)).isEqualTo(retriedFact);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(totals(head)).isEqualTo(retried));
    }

    @Test
    void a_retry_while_a_rebuild_of_the_projection_is_asked_for_is_refused_and_changes_nothing() {
        String poisoned = "HS-RETRY-REBUILD-" + UUID.randomUUID();
        FaultyHandler.BROKEN.add(poisoned);
        append(poisoned, 0, DossierEvents.received(poisoned));
        append(poisoned, 1, DossierEvents.transferred(poisoned, unit));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lettersOf(poisoned)).hasSize(2));
        FaultyHandler.BROKEN.remove(poisoned);
        String id = lettersOf(poisoned).get(0).get("id").asText();
        // asked of an instance that keeps it (addressed to it): pending here for the taken-timeout
        assertThat(rebuildLog.request(PROJECTION, RebuildScope.everything(), Instant.now(), "another-instance"))
                .isTrue();
        RebuildLog.Request pending = rebuildLog.request(PROJECTION).orElseThrow();
        try {
            assertProblem(rest.postForEntity("/api/v1/admin/dead-letters/" + id + "/retry", null, JsonNode.class),
                          HttpStatus.CONFLICT, "rebuild-in-progress");
            assertThat(lettersOf(poisoned)).hasSize(2);
            assertThat(view(poisoned).getString("unitCode")).as("the transfer still waits").isNotEqualTo(unit);
        } finally {
            rebuildLog.record(pending); // as the other instance would once carried out
        }

        assertThat(rest.postForEntity("/api/v1/admin/dead-letters/" + id + "/retry", null, JsonNode.class).getBody()
                       .get("outcome").asText()).isEqualTo("PROCESSED");
        assertThat(view(poisoned).getString("unitCode")).isEqualTo(unit);
    }

    @Test
    void a_rebuild_waits_while_a_retry_holds_a_claim_on_a_parked_event_of_the_projection() {
        String poisoned = "HS-REBUILD-CLAIMED-" + UUID.randomUUID();
        FaultyHandler.BROKEN.add(poisoned);
        append(poisoned, 0, DossierEvents.received(poisoned));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lettersOf(poisoned)).hasSize(1));
        ObjectId letter = new ObjectId(lettersOf(poisoned).get(0).get("id").asText());
        MongoCollection<Document> deadLetters = axonMongoTemplate.deadLetterCollection();
        // a retry, on this instance or another, holds the letter
        deadLetters.updateOne(Filters.eq("_id", letter), updateProcessingStarted(Instant.now()));

        assertThat(rest.postForEntity("/api/v1/admin/projections/" + PROJECTION + "/rebuild", null, JsonNode.class)
                       .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(status(PROJECTION).get("state").asText()).isEqualTo("REQUESTED");
            assertThat(deadLetters.countDocuments(Filters.eq("_id", letter))).isEqualTo(1);
        });

        deadLetters.updateOne(Filters.eq("_id", letter), Updates.unset("processingStarted")); // the retry ended
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = status(PROJECTION);
            assertThat(status.get("state").asText()).isNotEqualTo("REQUESTED");
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("progress").asInt()).isEqualTo(100);
        });
        // the rebuild cleared the letter and parked the event anew (the replay may still be on its way to it)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(deadLetters.countDocuments(Filters.eq("_id", letter))).isZero();
            assertThat(lettersOf(poisoned)).hasSize(1);
        });
        FaultyHandler.BROKEN.remove(poisoned);
    }

    @Test
    void a_database_error_fails_the_batch_again_and_again_but_parks_nothing() {
        String dossier = "HS-OUTAGE-" + UUID.randomUUID();
        FaultyHandler.UNREACHABLE.put(dossier, new AtomicInteger(3));

        long head = append(dossier, 0, DossierEvents.received(dossier));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(view(dossier)).isNotNull());
        assertThat(FaultyHandler.UNREACHABLE.get(dossier).get()).as("every outage was met").isNegative();
        assertThat(projectionStatus().get("position").asLong()).isGreaterThanOrEqualTo(head);
        assertThat(lettersOf(dossier)).isEmpty();
    }

    @Test
    void a_database_error_that_fails_the_same_way_every_time_parks_the_event_and_the_projection_goes_on() {
        String refused = "HS-DUPLICATE-" + UUID.randomUUID();
        String healthy = "HS-AFTER-DUPLICATE-" + UUID.randomUUID();
        FaultyHandler.DUPLICATE_KEY.add(refused);

        append(refused, 0, DossierEvents.received(refused));
        long head = append(healthy, 0, DossierEvents.received(healthy));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(projectionStatus().get("position").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(lettersOf(refused)).hasSize(1);
        });
        JsonNode letter = lettersOf(refused).get(0);
        assertThat(letter.get("causeType").asText()).isEqualTo(MongoWriteException.class.getName());
        assertThat(letter.get("attempts").asInt()).isEqualTo(3);
        assertThat(view(healthy)).isNotNull();
        FaultyHandler.DUPLICATE_KEY.remove(refused);
    }

    @Test
    void every_projection_parks_in_a_queue_of_its_own_by_stream_the_shared_ones_in_mongodb() {
        List<String> groups = eventProcessing.eventProcessors().keySet().stream().sorted().toList();

        assertThat(groups).contains("dossiers", "timeliness", "timeliness-index", "staff", "personnel", "reference");
        for (String group : groups) {
            // every document a projection writes is keyed by one stream, so a retried event meets no later write
            assertThat(eventProcessing.sequencingPolicy(group)).as(group)
                    .isInstanceOf(SequentialPerAggregatePolicy.class);
            assertThat(eventProcessing.deadLetterQueue(group)).as(group).isPresent();
            assertThat(eventProcessing.sequencedDeadLetterProcessor(group)).as(group).isPresent();
        }
    }

    @Test
    void an_unknown_or_malformed_id_is_a_404_and_an_unknown_projection_a_400() {
        assertProblem(rest.postForEntity("/api/v1/admin/dead-letters/0123456789abcdef01234567/retry", null,
                                         JsonNode.class), HttpStatus.NOT_FOUND, "dead-letter-not-found");
        assertProblem(rest.postForEntity("/api/v1/admin/dead-letters/nope/retry", null, JsonNode.class),
                      HttpStatus.NOT_FOUND, "dead-letter-not-found");
        assertProblem(asAdmin("/api/v1/admin/dead-letters?projection=no-such"), HttpStatus.BAD_REQUEST,
                      "invalid-input");
        assertProblem(asAdmin("/api/v1/admin/dead-letters?size=0"), HttpStatus.BAD_REQUEST, "invalid-input");
    }

    private List<JsonNode> lettersOf(String dossierId) {
        List<JsonNode> letters = new ArrayList<>();
        asAdmin("/api/v1/admin/dead-letters?projection=" + PROJECTION + "&size=1000").getBody().get("content")
                .forEach(letter -> {
                    if (letter.get("sequenceId").asText().equals(dossierId)) {
                        letters.add(letter);
                    }
                });
        return letters;
    }

    private ResponseEntity<JsonNode> asAdmin(String path) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(vn.province.govtrack.query.ActingOfficials.token(minter,
                vn.province.govtrack.security.Role.ADMIN, null));
        return rest.exchange(path, org.springframework.http.HttpMethod.GET,
                             new org.springframework.http.HttpEntity<>(headers), JsonNode.class);
    }

    private JsonNode projectionStatus() {
        return status(PROJECTION);
    }

    private JsonNode status(String projection) {
        return rest.getForEntity("/api/v1/admin/projections/" + projection, JsonNode.class).getBody();
    }

    /** This test's unit's July 2025 totals once the index has taken {@code position}. */
    private JsonNode totals(long position) {
        return rest.getForEntity("/api/v1/timeliness?groupBy=unit&unitCode=" + unit + "&from=2025-07-01&to=2025-07-31"
                                 + "&minPosition=" + position, JsonNode.class).getBody().get("total");
    }

    private Document fact(String dossierId) {
        return mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection("timeliness_fact")
                          .find(new Document("_id", dossierId)).first();
    }

    private static DossierReceivedEvent receivedAt(String unitCode, String dossierId) {
        DossierReceivedEvent received = DossierEvents.received(dossierId);
        return new DossierReceivedEvent(dossierId, received.procedureCode(), received.field(), unitCode,
                received.channel(), received.applicant(), received.receivedAt(), received.processingHours(),
                received.clockStartsAt(), received.dueAt());
    }

    private List<JsonNode> letters(String projection) {
        List<JsonNode> letters = new ArrayList<>();
        asAdmin("/api/v1/admin/dead-letters?projection=" + projection + "&size=1000").getBody().get("content")
                .forEach(letters::add);
        return letters;
    }

    private void rebuild() {
        rebuildProjection(PROJECTION);
    }

    private void rebuildProjection(String projection) {
        assertThat(rest.postForEntity("/api/v1/admin/projections/" + projection + "/rebuild", null, JsonNode.class)
                       .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = status(projection);
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("progress").asInt()).isEqualTo(100);
        });
    }

    private Document view(String dossierId) {
        return mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection("dossier_view")
                          .find(new Document("_id", dossierId)).first();
    }

    private List<Document> views(String... dossierIds) {
        return mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection("dossier_view")
                          .find(in("_id", List.of(dossierIds))).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** The meter's value for the dossiers projection, read from /actuator/metrics as an operator would. */
    private double meter(String name, String... tags) {
        StringBuilder path = new StringBuilder("/actuator/metrics/" + name + "?tag=projection:" + PROJECTION);
        for (String tag : tags) {
            path.append("&tag=").append(tag);
        }
        ResponseEntity<JsonNode> answer = asAdmin(path.toString());
        if (answer.getStatusCode() == HttpStatus.NOT_FOUND) {
            return 0;
        }
        return answer.getBody().get("measurements").get(0).get("value").asDouble();
    }

    private long append(String dossierId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Dossier", dossierId, sequence, payload,
                Map.of(EventMetadata.ACTOR, "clerk"), UUID.randomUUID().toString(), Instant.now()));
        return ((GlobalSequenceTrackingToken) eventStore.createHeadToken()).getGlobalIndex();
    }
}
