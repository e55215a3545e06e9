package vn.province.govtrack.query.dossier;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
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

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.dossier.DossierDigitisedEvent;
import vn.province.govtrack.kernel.dossier.DossierRatedEvent;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.PaymentChannel;
import vn.province.govtrack.kernel.dossier.PaymentRecordedEvent;
import vn.province.govtrack.query.projection.RebuildScope;

/** The projection against a real wire-protocol server, driven the way a tracking processor drives it. */
class DossierProjectionTest {

    private static MongoClient client;
    private static MongoProperties properties;

    private DossierProjection projection;
    private DossierViews views;
    private MongoCollection<Document> collection;
    private MongoCollection<Document> openEntries;
    private long lastPosition;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri());
        properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName("dossier_projection"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyReadModel() {
        views = new DossierViews(client, properties, new ObjectMapper().findAndRegisterModules(), Clock.systemUTC());
        views.clear();
        projection = new DossierProjection(views);
        collection = client.getDatabase(properties.getDatabase()).getCollection(DossierViews.COLLECTION);
        openEntries = client.getDatabase(properties.getDatabase()).getCollection(DossierViews.OPEN_COLLECTION);
    }

    @Test
    void delivering_the_same_event_twice_leaves_the_document_and_the_count_as_after_the_first_delivery() {
        projection.on(DossierEvents.received("HS-1"), new GlobalSequenceTrackingToken(5));
        Document afterFirst = dossier("HS-1");
        long countAfterFirst = collection.countDocuments();

        projection.on(DossierEvents.received("HS-1"), new GlobalSequenceTrackingToken(5));

        assertThat(dossier("HS-1")).isEqualTo(afterFirst);
        assertThat(collection.countDocuments()).isEqualTo(countAfterFirst).isEqualTo(1);
        assertThat(afterFirst.getLong("lastPosition")).isEqualTo(5);
    }

    @Test
    void a_view_is_stored_by_field_name_with_its_id_once_dates_as_dates_and_its_query_fields() {
        projection.on(DossierEvents.received("HS-20"), new GlobalSequenceTrackingToken(2));

        Document stored = dossier("HS-20");

        assertThat(stored).doesNotContainKey("dossierId")
                          .containsEntry("status", "RECEIVED").containsEntry("statusCode", 2)
                          .containsEntry("unitCode", "W-BA-DINH").containsEntry("clockRunning", true)
                          .containsEntry("processingHours", 24).containsEntry("amountRequested", 0L)
                          .containsEntry("lastPosition", 2L);
        assertThat(stored.getDate("receivedAt").toInstant()).isEqualTo(DossierEvents.RECEIVED_AT);
        assertThat(stored.getDate("dueAt").toInstant()).isEqualTo(DossierEvents.DUE_AT);
        assertThat(stored.get("applicant", Document.class)).containsOnlyKeys("keyId", "ciphertext");
    }

    @Test
    void a_redelivered_earlier_event_does_not_undo_a_later_one() {
        projection.on(DossierEvents.received("HS-2"), new GlobalSequenceTrackingToken(3));
        projection.on(DossierEvents.resolvedEarly("HS-2"), new GlobalSequenceTrackingToken(4));
        Document resolved = dossier("HS-2");

        projection.on(DossierEvents.received("HS-2"), new GlobalSequenceTrackingToken(3));

        assertThat(dossier("HS-2")).isEqualTo(resolved);
        assertThat(resolved.getString("status")).isEqualTo(DossierStatus.RESOLVED.name());
        assertThat(resolved.getInteger("statusCode")).isEqualTo(9);
        assertThat(resolved.getLong("lastPosition")).isEqualTo(4);
    }

    @Test
    void a_replayed_event_is_placed_at_its_own_position_not_the_position_the_reset_started_from() {
        projection.on(DossierEvents.received("HS-3"),
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(6)));

        assertThat(dossier("HS-3").getLong("lastPosition")).isEqualTo(6);
    }

    @Test
    void the_stored_document_reads_back_as_the_state_the_fold_produced() {
        projection.on(DossierEvents.received("HS-4"), new GlobalSequenceTrackingToken(8));

        DossierView expected = DossierFold.evolve(DossierFold.initial("HS-4"), DossierEvents.received("HS-4"))
                                          .atPosition(8);
        assertThat(new DossierViews(client, properties, new ObjectMapper().findAndRegisterModules(), Clock.systemUTC()).find("HS-4")).contains(expected);
    }

    @Test
    void a_reset_removes_every_dossier_the_projection_wrote() {
        projection.on(DossierEvents.received("HS-5"), new GlobalSequenceTrackingToken(1));
        projection.on(DossierEvents.received("HS-6"), new GlobalSequenceTrackingToken(2));

        resetThroughAxon(RebuildScope.everything());

        assertThat(collection.countDocuments()).isZero();
        assertThat(openEntries.countDocuments()).isZero();
    }

    @Test
    void a_rebuild_from_a_position_recomputes_the_dossiers_touched_after_it_and_ends_as_a_full_rebuild() {
        List<Object> log = List.of(DossierEvents.received("HS-12"), DossierEvents.received("HS-13"),
                DossierEvents.received("HS-14"), DossierEvents.paymentRequested("HS-13", 30_000),
                DossierEvents.resolvedEarly("HS-14"));
        for (int i = 0; i < log.size(); i++) {
            deliver(log.get(i), i + 1);
        }
        List<Document> rightViews = all(collection);
        List<Document> rightEntries = all(openEntries);
        // a faulty release folded the payment request at position 4 wrongly
        collection.updateOne(eq("_id", "HS-13"), new Document("$set", new Document("amountRequested", 3)));

        resetThroughAxon(new RebuildScope(3));

        assertThat(collection.find().map(d -> d.getString("_id"))).as("kept: last event at or before 3")
                                                                 .containsExactly("HS-12");
        assertThat(openEntries.find().map(d -> d.getString("_id"))).containsExactly("HS-12");
        for (int i = 0; i < log.size(); i++) {
            replay(log.get(i), i + 1, log.size());
        }
        assertThat(all(collection)).isEqualTo(rightViews);
        assertThat(withoutClosedAt(all(openEntries))).as("open entries and tombstones, but when a tombstone was written")
                                                     .isEqualTo(withoutClosedAt(rightEntries));
    }

    // ------------------------------------------------------------------ redelivery of lifecycle events

    @Test
    void a_redelivered_payment_is_counted_once() {
        projection.on(DossierEvents.received("HS-7"), new GlobalSequenceTrackingToken(1));
        projection.on(DossierEvents.paymentRequested("HS-7", 50_000), new GlobalSequenceTrackingToken(2));
        projection.on(DossierEvents.paymentRecorded("HS-7", 50_000), new GlobalSequenceTrackingToken(3));
        Document paid = dossier("HS-7");

        projection.on(DossierEvents.paymentRequested("HS-7", 50_000), new GlobalSequenceTrackingToken(2));
        projection.on(DossierEvents.paymentRecorded("HS-7", 50_000), new GlobalSequenceTrackingToken(3));

        assertThat(dossier("HS-7")).isEqualTo(paid);
        assertThat(paid.getLong("amountRequested")).isEqualTo(50_000);
        assertThat(paid.getLong("amountPaid")).isEqualTo(50_000);
    }

    @Test
    void a_redelivered_online_payment_is_counted_online_once() {
        PaymentRecordedEvent online =
                new PaymentRecordedEvent("HS-8", 50_000, DossierEvents.PAID_AT, PaymentChannel.ONLINE);
        projection.on(DossierEvents.received("HS-8"), new GlobalSequenceTrackingToken(1));
        projection.on(DossierEvents.paymentRequested("HS-8", 50_000), new GlobalSequenceTrackingToken(2));
        projection.on(online, new GlobalSequenceTrackingToken(3));
        Document paid = dossier("HS-8");

        projection.on(online, new GlobalSequenceTrackingToken(3));

        assertThat(dossier("HS-8")).isEqualTo(paid);
        assertThat(paid.getLong("amountPaidOnline")).isEqualTo(50_000);
        assertThat(paid.getString("paymentChannel")).isEqualTo("ONLINE");
    }

    @Test
    void a_view_stored_before_the_national_index_inputs_existed_still_reads_without_them() {
        projection.on(DossierEvents.received("HS-31"), new GlobalSequenceTrackingToken(1));
        projection.on(DossierEvents.paymentRequested("HS-31", 50_000), new GlobalSequenceTrackingToken(2));
        projection.on(DossierEvents.paymentRecorded("HS-31", 50_000), new GlobalSequenceTrackingToken(3));
        Document unset = new Document();
        for (String field : List.of("amountPaidOnline", "paymentChannel", "parts", "digitisedParts", "reusedParts",
                                    "populationDataUsed", "digitisedAt", "electronicResultIssuedAt", "ratingScore",
                                    "ratedAt")) {
            unset.append(field, "");
        }
        collection.updateOne(eq("_id", "HS-31"), new Document("$unset", unset));

        DossierView old = views.find("HS-31").orElseThrow();
        DossierView rated = DossierFold.evolve(old, new DossierRatedEvent("HS-31", 5, DossierEvents.PAID_AT));

        assertThat(old.amountPaid()).isEqualTo(50_000);
        assertThat(old.amountPaidOnline()).isZero();
        assertThat(old.paymentChannel()).isNull();
        assertThat(old.parts()).isNull();
        assertThat(old.populationDataUsed()).isNull();
        assertThat(old.ratingScore()).isNull();
        assertThat(old.lastPosition()).isEqualTo(3);
        assertThat(rated.ratingScore()).isEqualTo(5);
    }

    @Test
    void redelivered_transfers_and_extensions_are_counted_once() {
        projection.on(DossierEvents.received("HS-8"), new GlobalSequenceTrackingToken(1));
        projection.on(DossierEvents.transferred("HS-8", "W-HOAN-KIEM"), new GlobalSequenceTrackingToken(2));
        projection.on(DossierEvents.extended("HS-8"), new GlobalSequenceTrackingToken(3));

        projection.on(DossierEvents.transferred("HS-8", "W-HOAN-KIEM"), new GlobalSequenceTrackingToken(2));
        projection.on(DossierEvents.extended("HS-8"), new GlobalSequenceTrackingToken(3));

        Document moved = dossier("HS-8");
        assertThat(moved.getInteger("transfers")).isEqualTo(1);
        assertThat(moved.getInteger("extensions")).isEqualTo(1);
        assertThat(moved.getString("unitCode")).isEqualTo("W-HOAN-KIEM");
        assertThat(moved.getDate("dueAt").toInstant()).isEqualTo(DossierEvents.EXTENDED_DUE_AT);
    }

    @Test
    void every_lifecycle_event_delivered_twice_gives_the_view_of_a_single_delivery() {
        List<Object> events = List.of(DossierEvents.received("HS-9"), DossierEvents.assigned("HS-9", "CB-017"),
                DossierEvents.supplementRequested("HS-9", 1), DossierEvents.supplementProvided("HS-9"),
                DossierEvents.paymentRequested("HS-9", 20_000), DossierEvents.paymentRecorded("HS-9", 20_000),
                DossierEvents.extended("HS-9"), DossierEvents.transferred("HS-9", "W-HOAN-KIEM"),
                new DossierDigitisedEvent("HS-9", 3, 2, 1, true, DossierEvents.PAID_AT),
                DossierEvents.withdrawalRequested("HS-9"), DossierEvents.stopped("HS-9"));
        DossierView once = DossierFold.initial("HS-9");
        for (int i = 0; i < events.size(); i++) {
            deliver(events.get(i), i + 1);
            deliver(events.get(i), i + 1);
            if (i > 0) {
                deliver(events.get(i - 1), i);
            }
            once = DossierFold.evolve(once, events.get(i));
        }

        assertThat(views.find("HS-9")).contains(once.atPosition(events.size()));
    }

    // ------------------------------------------------------------------ open entries

    @Test
    void an_open_dossier_has_an_open_entry_that_follows_its_unit_status_and_deadline_and_goes_when_it_ends() {
        projection.on(DossierEvents.received("HS-10"), new GlobalSequenceTrackingToken(1));
        Document received = openEntry("HS-10");
        projection.on(DossierEvents.supplementRequested("HS-10", 1), new GlobalSequenceTrackingToken(2));
        Document paused = openEntry("HS-10");
        projection.on(DossierEvents.supplementProvided("HS-10"), new GlobalSequenceTrackingToken(3));
        projection.on(DossierEvents.transferred("HS-10", "W-HOAN-KIEM"), new GlobalSequenceTrackingToken(4));
        Document moved = openEntry("HS-10");
        projection.on(DossierEvents.resolvedEarly("HS-10"), new GlobalSequenceTrackingToken(5));

        assertThat(received.getBoolean("clockRunning")).isTrue();
        assertThat(received.getString("unitCode")).isEqualTo("W-BA-DINH");
        assertThat(paused.getBoolean("clockRunning")).isFalse();
        assertThat(paused.getString("status")).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(moved.getString("unitCode")).isEqualTo("W-HOAN-KIEM");
        assertThat(moved.getDate("dueAt").toInstant()).isEqualTo(DossierEvents.DUE_AFTER_SUPPLEMENT);
        assertThat(openEntry("HS-10")).as("a tombstone at the position it closed")
                                      .containsOnlyKeys("_id", "position", "closed", "closedAt")
                                      .containsEntry("position", 5L).containsEntry("closed", true);
    }

    @Test
    void an_open_entry_lost_between_the_two_writes_comes_back_when_the_event_is_delivered_again() {
        projection.on(DossierEvents.received("HS-11"), new GlobalSequenceTrackingToken(1));
        Document entry = openEntry("HS-11");
        openEntries.deleteOne(eq("_id", "HS-11"));

        projection.on(DossierEvents.received("HS-11"), new GlobalSequenceTrackingToken(1));

        assertThat(openEntry("HS-11")).isEqualTo(entry);
    }

    @Test
    void a_refused_submission_leaves_a_tombstone_in_place_of_its_open_entry() {
        projection.on(DossierEvents.submittedOnline("HS-12"), new GlobalSequenceTrackingToken(1));
        assertThat(openEntry("HS-12")).isNotNull();

        projection.on(DossierEvents.refused("HS-12"), new GlobalSequenceTrackingToken(2));

        assertThat(openEntry("HS-12")).containsEntry("closed", true).doesNotContainKey("status");
    }

    // ------------------------------------------------------------------ lists

    @Test
    void lists_read_from_the_open_entries_and_from_the_views_agree_with_the_fold() {
        Instant now = DossierEvents.DUE_AT.plus(Duration.ofHours(1));
        deliverNext(DossierEvents.received("HS-20"));
        deliverNext(DossierEvents.received("HS-21"), DossierEvents.supplementRequested("HS-21", 1));
        deliverNext(DossierEvents.received("HS-22"), DossierEvents.extended("HS-22"));
        deliverNext(DossierEvents.received("HS-23"), DossierEvents.resolvedEarly("HS-23"));
        deliverNext(DossierEvents.received("HS-24"), DossierEvents.transferred("HS-24", "W-HOAN-KIEM"));

        assertThat(ids(new DossierFilter(null, Set.of(), true, null), now)).containsExactly("HS-20", "HS-24");
        assertThat(ids(new DossierFilter("W-BA-DINH", Set.of(), true, null), now)).containsExactly("HS-20");
        assertThat(ids(new DossierFilter(null, Set.of(), false, null), now))
                .containsExactly("HS-21", "HS-22", "HS-23");
        assertThat(ids(new DossierFilter(null, Set.of(), null, 24 * 8), now)).containsExactly("HS-22");
        assertThat(ids(new DossierFilter(null, Set.of(DossierStatus.SUPPLEMENT_REQUESTED), null, null), now))
                .containsExactly("HS-21");
        assertThat(ids(new DossierFilter(null, Set.of(DossierStatus.RESOLVED, DossierStatus.RECEIVED), null, null),
                now)).containsExactly("HS-20", "HS-22", "HS-23", "HS-24");
        assertThat(views.page(new DossierFilter(null, Set.of(), null, null), now, 3, 10).total()).isEqualTo(5);
        assertThat(views.page(new DossierFilter(null, Set.of(), null, null), now, 3, 10).content())
                .extracting(DossierView::dossierId).containsExactly("HS-23", "HS-24");
    }

    private List<String> ids(DossierFilter filter, Instant now) {
        return views.page(filter, now, 0, 100).content().stream().map(DossierView::dossierId).toList();
    }

    /** Delivers the events at the positions after the last one delivered. */
    private void deliverNext(Object... events) {
        for (Object event : events) {
            deliver(event, ++lastPosition);
        }
    }

    /** Through Axon's handler adapter, as the tracking processor delivers: the overload for the payload type. */
    private void deliver(Object event, long at) {
        try {
            new AnnotationEventHandlerAdapter(projection).handle(
                    new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(at),
                            GenericEventMessage.asEventMessage(event)));
        } catch (Exception e) {
            throw new AssertionError("delivery of " + event + " failed", e);
        }
    }

    /** As the tracking processor replays after a reset at {@code resetAt}: a ReplayToken around the event's position. */
    private void replay(Object event, long at, long resetAt) {
        try {
            new AnnotationEventHandlerAdapter(projection).handle(new GenericTrackedEventMessage<>(
                    ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(resetAt),
                                                  new GlobalSequenceTrackingToken(at)),
                    GenericEventMessage.asEventMessage(event)));
        } catch (Exception e) {
            throw new AssertionError("replay of " + event + " failed", e);
        }
    }

    /** Through Axon's handler adapter, as a processor's reset calls the {@code @ResetHandler}. */
    private void resetThroughAxon(RebuildScope scope) {
        new AnnotationEventHandlerAdapter(projection).prepareReset(scope);
    }

    private static List<Document> all(MongoCollection<Document> documents) {
        return documents.find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private static List<Document> withoutClosedAt(List<Document> entries) {
        entries.forEach(entry -> entry.remove("closedAt"));
        return entries;
    }

    private Document openEntry(String dossierId) {
        return openEntries.find(eq("_id", dossierId)).first();
    }

    private Document dossier(String dossierId) {
        return collection.find(eq("_id", dossierId)).first();
    }
}
