package vn.province.govtrack.query.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.JULY_1;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.JULY_16;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.ZONE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.dossier.DossierAssignedEvent;
import vn.province.govtrack.kernel.dossier.DossierEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;
import vn.province.govtrack.kernel.dossier.PaymentRequestedEvent;
import vn.province.govtrack.query.dossier.DossierEvents;
import vn.province.govtrack.query.projection.RebuildScope;

/**
 * The timeliness projection against a real wire-protocol server, driven through Axon's handler
 * adapter the way its tracking processor drives it: the hand-made province, stored as facts and
 * counted back, exactly, however often its events arrive.
 */
class TimelinessProjectionTest {

    private static MongoClient client;
    private static MongoProperties properties;

    private DossierFacts facts;
    private TimelinessProjection projection;
    private AnnotationEventHandlerAdapter handlers;
    private MongoCollection<Document> collection;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri());
        properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName("timeliness_projection"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void noFacts() {
        facts = new DossierFacts(client, properties, new ObjectMapper().findAndRegisterModules());
        facts.clear();
        projection = new TimelinessProjection(facts);
        handlers = new AnnotationEventHandlerAdapter(projection);
        collection = client.getDatabase(properties.getDatabase()).getCollection(DossierFacts.COLLECTION);
    }

    @Test
    void the_province_counted_from_the_stored_facts_is_the_province_counted_by_hand() {
        deliver(positioned(), false);

        Period firstHalf = Period.of(JULY_1, JULY_16, ZONE);
        TimelinessReport stored = storedReport(firstHalf, GroupBy.UNIT, null);
        assertThat(stored.total()).isEqualTo(new TimelinessRow("PROVINCE", 14, 6, 1, 3, 2, 9, 3, 0.6667, 3.42,
                13.33, 20));
        for (GroupBy groupBy : GroupBy.values()) {
            for (Period period : List.of(firstHalf, Period.of(JULY_1, LocalDate.of(2025, 7, 5), ZONE),
                    Period.of(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 31), ZONE))) {
                TimelinessReport byHand = TimelinessReportTest.report(period, groupBy, null);
                TimelinessReport fromStore = storedReport(period, groupBy, null);
                assertThat(fromStore.rows()).as("%s %s", groupBy, period).isEqualTo(byHand.rows());
                assertThat(fromStore.total()).as("%s %s", groupBy, period).isEqualTo(byHand.total());
            }
        }
    }

    @Test
    void only_received_dossiers_have_a_fact_and_each_reads_back_as_the_fold_made_it() {
        deliver(positioned(), false);

        assertThat(collection.countDocuments()).isEqualTo(17);
        assertThat(facts.find("HS-14")).isEmpty();
        Map<String, DossierFact> folded = new HashMap<>();
        positioned().forEach(event -> folded.compute(((DossierEvent) event.event()).dossierId(),
                (id, fact) -> TimelinessFold.evolve(fact, event.event(), event.position())));
        folded.values().stream().filter(Objects::nonNull)
              .forEach(expected -> assertThat(facts.find(expected.dossierId())).contains(expected));
        assertThat(facts.find("HS-03").orElseThrow().pauses()).extracting(DossierFact.Pause::untilPosition)
                                                               .allMatch(position -> position > 0);
    }

    @Test
    void a_fact_stored_before_positions_were_counts_as_recorded_at_its_stored_position_and_keeps_it_when_it_changes() {
        DossierFact received = TimelinessFold.evolve(null, DossierEvents.received("HS-92"), 3);
        Document legacy = facts.toDocument(received, 7);
        legacy.remove("receivedPosition");
        collection.insertOne(legacy);

        List<DossierFact> loaded = new ArrayList<>();
        facts.forEachStored((fact, lastPosition) -> loaded.add(fact));
        assertThat(loaded).containsExactly(TimelinessFold.evolve(null, DossierEvents.received("HS-92"), 7));

        deliver(new Positioned(9, DossierEvents.resolvedEarly("HS-92")), false);

        DossierFact resolved = facts.find("HS-92").orElseThrow();
        assertThat(resolved.receivedPosition()).isEqualTo(7);
        assertThat(resolved.holdings()).extracting(DossierFact.Holding::position).containsExactly(7L);
        assertThat(resolved.endedPosition()).isEqualTo(9);
        assertThat(resolved.asKnownAt(8)).isEqualTo(loaded.get(0));
    }

    @Test
    void every_event_delivered_twice_and_earlier_events_delivered_again_leave_the_facts_of_a_single_delivery() {
        List<Positioned> events = positioned();
        deliver(events, false);
        List<Document> once = storedFacts();
        facts.clear();

        for (int i = 0; i < events.size(); i++) {
            deliver(events.get(i), false);
            deliver(events.get(i), false);
            deliver(events.get(i / 2), false);
        }

        assertThat(storedFacts()).isEqualTo(once);
    }

    @Test
    void a_reset_and_a_replay_from_the_first_event_rebuild_identical_facts() {
        List<Positioned> events = positioned();
        deliver(events, false);
        List<Document> before = storedFacts();

        handlers.prepareReset(RebuildScope.everything());
        assertThat(collection.countDocuments()).isZero();
        deliver(events, true);

        assertThat(storedFacts()).isEqualTo(before);
    }

    @Test
    void a_reset_keeping_the_facts_last_touched_before_a_position_and_a_replay_from_the_first_event_rebuild_identical_facts() {
        List<Positioned> events = positioned();
        deliver(events, false);
        List<Document> before = storedFacts();
        long keptUpTo = events.size() / 2;

        handlers.prepareReset(new RebuildScope(keptUpTo));
        assertThat(collection.find().map(fact -> fact.getLong("lastPosition")))
                .as("the facts kept").isNotEmpty().allSatisfy(last -> assertThat(last).isLessThanOrEqualTo(keptUpTo));
        assertThat(collection.countDocuments()).isLessThan(before.size());
        deliver(events, true);

        assertThat(storedFacts()).isEqualTo(before);
    }

    @Test
    void an_event_that_does_not_bear_on_timeliness_leaves_the_fact_and_its_position_as_they_were() {
        deliver(new Positioned(1, DossierEvents.received("HS-90")), false);
        Document received = collection.find(new Document("_id", "HS-90")).first();

        deliver(new Positioned(2, DossierEvents.assigned("HS-90", "CB-017")), false);
        deliver(new Positioned(3, DossierEvents.paymentRequested("HS-90", 20_000)), false);

        assertThat(collection.find(new Document("_id", "HS-90")).first()).isEqualTo(received);
        assertThat(received.getLong("lastPosition")).isEqualTo(1);
    }

    @Test
    void the_processor_passes_over_the_dossier_events_that_do_not_bear_on_timeliness_by_their_type_alone() {
        assertThat(handlers.canHandleType(DossierAssignedEvent.class)).isFalse();
        assertThat(handlers.canHandleType(PaymentRequestedEvent.class)).isFalse();
        assertThat(handlers.canHandleType(DossierSubmittedOnlineEvent.class)).isFalse();
        assertThat(handlers.canHandleType(DossierReceivedEvent.class)).isTrue();
        assertThat(handlers.canHandleType(DossierResolvedEvent.class)).isTrue();
    }

    @Test
    void a_fact_is_stored_in_its_compact_form_with_its_id_once_and_no_empty_history() {
        deliver(new Positioned(1, DossierEvents.received("HS-91")), false);

        Document stored = collection.find(new Document("_id", "HS-91")).first();

        assertThat(stored.keySet()).containsExactly("_id", "procedureCode", "field", "unitCode", "receivedAt",
                "dueAt", "receivedPosition", "lastPosition");
        assertThat(stored.get("receivedAt")).isInstanceOf(java.util.Date.class);
        assertThat(facts.find("HS-91")).contains(TimelinessFold.evolve(null, DossierEvents.received("HS-91"), 1));
    }

    private record Positioned(long position, Object event) {
    }

    /** The province's events in one global order: dossier by dossier, positions from 1. */
    private static List<Positioned> positioned() {
        List<Positioned> events = new ArrayList<>();
        for (Map.Entry<String, List<Object>> stream : HandMadeProvince.streams().entrySet()) {
            for (Object event : stream.getValue()) {
                events.add(new Positioned(events.size() + 1, event));
            }
        }
        return events;
    }

    private void deliver(List<Positioned> events, boolean replay) {
        events.forEach(event -> deliver(event, replay));
    }

    /** A replayed event carries a ReplayToken around its own position, reset at the last position. */
    private void deliver(Positioned event, boolean replay) {
        TrackingToken token = new GlobalSequenceTrackingToken(event.position());
        if (replay) {
            token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(Long.MAX_VALUE), token);
        }
        try {
            handlers.handle(new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage(event.event())));
        } catch (Exception e) {
            throw new AssertionError("delivery of " + event + " failed", e);
        }
    }

    private TimelinessReport storedReport(Period period, GroupBy groupBy, String unitCode) {
        TimelinessReport report = new TimelinessReport(period, groupBy, unitCode);
        facts.forEachStored((fact, lastPosition) -> report.count(fact));
        return report;
    }

    private List<Document> storedFacts() {
        return collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
