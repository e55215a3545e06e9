package vn.province.govtrack.query.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.MINH_PHU;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.SOC_SON;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.ZONE;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.at;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.query.QuerySideHttpTest;
import vn.province.govtrack.query.projection.ConsistencyProperties;
import vn.province.govtrack.query.projection.RebuildLog;

/**
 * The timeliness endpoints as a client reads them, answered by this instance's index: the hand-made
 * province (see {@link HandMadeProvince}) appended through the real engine, every answer compared
 * with the report counted fact by fact ({@link TimelinessReport}); then the index's life: loaded from
 * the stored facts when it starts, following the events after the position it loaded at, and
 * rebuilt from the events when the facts are rebuilt, here or on another instance.
 *
 * <p>To tell a load from the facts from a fold of the events, some tests store a fact that no event
 * backs: an index loaded from the facts counts it, one rebuilt from the events does not.
 *
 * <p>A context, and so a store, of its own: its clock stands still.
 */
@Import(TimelinessIndexHttpTest.StoppedClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelinessIndexHttpTest extends QuerySideHttpTest {

    private static final String INDEX = TimelinessIndexProjection.PROCESSING_GROUP;
    private static final Period FIRST_HALF_OF_JULY = Period.of(HandMadeProvince.JULY_1, HandMadeProvince.JULY_16,
            ZONE);
    /** Received at Minh Phú on 2 July, due the next day, still open: overdue at the end of every July period. */
    private static final DossierFact STORED_ONLY = TimelinessFold.evolve(null, new DossierReceivedEvent(
            "HS-STORED-ONLY", HandMadeProvince.BIRTH, HandMadeProvince.JUSTICE, MINH_PHU, Channel.IN_PERSON,
            new SealedApplicant("key-x", "eA=="), at("2025-07-02T09:00"), 8, at("2025-07-02T09:00"),
            at("2025-07-03T09:00")), 1);

    @TestConfiguration
    static class StoppedClock {
        @Bean
        @Primary
        Clock stoppedClock() {
            return Clock.fixed(at("2025-07-21T08:00"), ZONE);
        }
    }

    @Autowired
    DossierFacts facts;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    RebuildLog rebuildLog;
    @Autowired
    ConsistencyProperties consistency;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    MongoProperties mongoProperties;

    /** Every dossier's events appended so far. */
    private final Map<String, List<Object>> streams = new LinkedHashMap<>();

    @BeforeAll
    void appendTheProvince() {
        HandMadeProvince.streams().forEach(this::append);
    }

    @Test
    void every_report_and_the_ranking_are_the_report_counted_over_the_facts() {
        List<Period> periods = List.of(FIRST_HALF_OF_JULY, Period.of(LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 6, 30), ZONE), Period.of(LocalDate.of(2025, 7, 5), LocalDate.of(2025, 7, 18), ZONE),
                Period.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), ZONE));
        for (Period period : periods) {
            for (GroupBy groupBy : GroupBy.values()) {
                for (String unitCode : Arrays.asList(null, SOC_SON, "X-NOWHERE")) {
                    assertReportIsTheOracles(period, groupBy, unitCode, facts());
                }
            }
            TimelinessReport oracle = oracle(period, GroupBy.UNIT, null, facts());
            assertThat(ok("/api/v1/timeliness/ranking?from=" + period.from() + "&to=" + period.to()).get("units"))
                    .isEqualTo(json(Ranking.of(oracle.tallies())));
        }
    }

    @Test
    void an_index_started_afresh_loads_the_stored_facts_and_follows_the_events_after_the_position_it_loaded_at() {
        storeFactNoEventBacks();
        try {
            startIndexAfresh();

            assertReportIsTheOracles(FIRST_HALF_OF_JULY, GroupBy.UNIT, null, factsAndStoredOnly());

            append("HS-LATER", List.of(
                    new DossierReceivedEvent("HS-LATER", HandMadeProvince.LAND_REGISTRATION, HandMadeProvince.LAND,
                            MINH_PHU, Channel.IN_PERSON, new SealedApplicant("key-y", "eQ=="),
                            at("2025-07-15T10:00"), 24, at("2025-07-15T10:00"), at("2025-07-18T10:00")),
                    new DossierTransferredEvent("HS-LATER", MINH_PHU, SOC_SON, "competent unit",
                            at("2025-07-16T11:00"))));
            for (GroupBy groupBy : GroupBy.values()) {
                assertReportIsTheOracles(FIRST_HALF_OF_JULY, groupBy, null, factsAndStoredOnly());
                assertReportIsTheOracles(FIRST_HALF_OF_JULY, groupBy, SOC_SON, factsAndStoredOnly());
            }
        } finally {
            forgetFactNoEventBacks();
        }
    }

    @Test
    void a_rebuild_of_the_facts_recorded_by_another_instance_rebuilds_the_index_from_the_events() {
        storeFactNoEventBacks();
        try {
            startIndexAfresh();
            assertReportIsTheOracles(FIRST_HALF_OF_JULY, GroupBy.UNIT, null, factsAndStoredOnly());

            // what another instance does once it has reset the facts' tokens
            rebuildLog.record(TimelinessProjection.PROCESSING_GROUP);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> assertReportIsTheOracles(FIRST_HALF_OF_JULY, GroupBy.UNIT, null, facts()));
        } finally {
            forgetFactNoEventBacks();
        }
    }

    @Test
    void a_rebuild_of_the_facts_here_has_rebuilt_the_index_when_it_is_answered() throws InterruptedException {
        storeFactNoEventBacks();
        startIndexAfresh();
        assertReportIsTheOracles(FIRST_HALF_OF_JULY, GroupBy.FIELD, null, factsAndStoredOnly());

        ResponseEntity<JsonNode> accepted = rest.postForEntity("/api/v1/admin/projections/timeliness/rebuild", null,
                JsonNode.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        // a position read before the rebuild may be reused for one poll interval (ReadYourWrites)
        Thread.sleep(consistency.pollInterval().multipliedBy(2).toMillis());
        assertReportIsTheOracles(FIRST_HALF_OF_JULY, GroupBy.FIELD, null, facts());
        assertThat(factCollection().countDocuments(Filters.eq("_id", STORED_ONLY.dossierId())))
                .as("the rebuilt facts").isZero();
    }

    // ------------------------------------------------------------------ helpers

    private void append(String dossierId, List<Object> events) {
        long sequence = streams.getOrDefault(dossierId, List.of()).size();
        for (Object event : events) {
            eventStore.publish(new GenericDomainEventMessage<>("Dossier", dossierId, sequence++, event, Map.of(),
                    UUID.randomUUID().toString(), at("2025-07-20T12:00")));
        }
        streams.computeIfAbsent(dossierId, id -> new ArrayList<>()).addAll(events);
    }

    private List<DossierFact> facts() {
        return RandomDossiers.facts(streams);
    }

    private List<DossierFact> factsAndStoredOnly() {
        List<DossierFact> facts = new ArrayList<>(facts());
        facts.add(STORED_ONLY);
        return facts;
    }

    private static TimelinessReport oracle(Period period, GroupBy groupBy, String unitCode, List<DossierFact> facts) {
        TimelinessReport oracle = new TimelinessReport(period, groupBy, unitCode);
        facts.forEach(oracle::count);
        return oracle;
    }

    private void assertReportIsTheOracles(Period period, GroupBy groupBy, String unitCode, List<DossierFact> facts) {
        TimelinessReport oracle = oracle(period, groupBy, unitCode, facts);
        JsonNode report = ok("/api/v1/timeliness?groupBy=" + groupBy + "&from=" + period.from() + "&to=" + period.to()
                             + (unitCode == null ? "" : "&unitCode=" + unitCode));
        assertThat(report.get("rows")).as("%s by %s for %s", period, groupBy, unitCode).isEqualTo(json(oracle.rows()));
        assertThat(report.get("total")).as("%s by %s for %s", period, groupBy, unitCode)
                                       .isEqualTo(json(oracle.total()));
    }

    /** A fact as if the projection had stored it from an event at position 1, which says nothing of it. */
    private void storeFactNoEventBacks() {
        factCollection().insertOne(facts.toDocument(STORED_ONLY, 1L));
    }

    private void forgetFactNoEventBacks() {
        factCollection().deleteOne(Filters.eq("_id", STORED_ONLY.dossierId()));
        startIndexAfresh();
    }

    /** As when this instance starts: the index's processor without a token, so that it loads the stored facts. */
    private void startIndexAfresh() {
        StreamingEventProcessor processor = eventProcessing.eventProcessor(INDEX, StreamingEventProcessor.class)
                                                           .orElseThrow();
        awaitCaughtUp(TimelinessProjection.PROCESSING_GROUP);
        processor.shutDown();
        eventProcessing.tokenStore(INDEX).deleteToken(INDEX, 0);
        processor.start();
        awaitCaughtUp(INDEX);
    }

    private void awaitCaughtUp(String name) {
        long head = head();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode list = ok("/api/v1/admin/projections").get("projections");
            JsonNode status = StreamSupport.stream(list.spliterator(), false)
                                           .filter(p -> p.get("name").asText().equals(name)).findFirst()
                                           .orElseThrow(() -> new AssertionError("no projection " + name));
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("position").asLong()).isGreaterThanOrEqualTo(head);
        });
    }

    /** Every query waits for the store's head (read-your-writes), as a client that just wrote would. */
    private JsonNode ok(String path) {
        String separator = path.contains("?") ? "&" : "?";
        ResponseEntity<JsonNode> response = rest.getForEntity(
                URI.create(rest.getRootUri() + path + separator + "minPosition=" + head()), JsonNode.class);
        assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getFirst("X-Projection-Stale")).as("GET %s", path).isNull();
        return response.getBody();
    }

    private long head() {
        return engine.createHeadToken().position().orElseThrow();
    }

    private JsonNode json(Object value) {
        try {
            return objectMapper.readTree(objectMapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private MongoCollection<Document> factCollection() {
        return mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection(DossierFacts.COLLECTION);
    }
}
