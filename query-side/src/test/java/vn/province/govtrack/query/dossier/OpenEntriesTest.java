package vn.province.govtrack.query.dossier;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import vn.province.govtrack.kernel.dossier.DossierEvent;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.query.projection.ReadModelStore;

/**
 * The open entries' position guard and tombstones (ADR 0013), against a real wire-protocol server. A
 * stale writer is played by handing {@link DossierViews#writeOpenEntries} the view it had computed, at
 * the moment its entry write arrives: after another writer's later ones.
 */
class OpenEntriesTest {

    private static final String UNIT = "W-BA-DINH";
    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private static final Instant PAST_DUE = DossierEvents.DUE_AT.plus(Duration.ofHours(1));
    private static final DossierFilter RECEIVED_HERE = new DossierFilter(UNIT, Set.of(DossierStatus.RECEIVED), null, null);
    private static final DossierFilter OVERDUE = new DossierFilter(null, Set.of(), true, null);
    private static final DossierFilter OPEN_NOT_OVERDUE = new DossierFilter(null, Set.of(DossierStatus.RECEIVED), false, null);

    private static MongoClient client;
    private static MongoProperties properties;

    private final SettableClock clock = new SettableClock(T0);
    private DossierViews views;
    private DossierProjection projection;
    private MongoCollection<Document> entries;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri());
        properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName("open_entries"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyReadModel() {
        views = new DossierViews(client, properties, new ObjectMapper().findAndRegisterModules(), clock);
        views.clear();
        projection = new DossierProjection(views);
        entries = client.getDatabase(properties.getDatabase()).getCollection(DossierViews.OPEN_COLLECTION);
    }

    // ------------------------------------------------------------------ stale writers

    @Test
    void a_stale_received_entry_arriving_after_the_dossier_was_returned_does_not_list_it_again() {
        projection.on(DossierEvents.received("HS44-0000091"), new GlobalSequenceTrackingToken(5904));
        DossierView computedByTheWriterThatLostItsClaim = views.find("HS44-0000091").orElseThrow();
        projection.on(DossierEvents.returned("HS44-0000091"), new GlobalSequenceTrackingToken(5924));

        views.writeOpenEntries(List.of(new ReadModelStore.Written<>(null, computedByTheWriterThatLostItsClaim)));

        assertThat(entry("HS44-0000091")).containsEntry("position", 5924L).containsEntry("closed", true)
                                         .doesNotContainKey("status");
        assertThat(views.page(RECEIVED_HERE, PAST_DUE, 0, 10).total()).isZero();
        assertThat(views.page(OVERDUE, PAST_DUE, 0, 10).content()).isEmpty();
    }

    @Test
    void a_stale_tombstone_arriving_after_a_newer_open_entry_leaves_the_open_entry() {
        projection.on(DossierEvents.received("HS-2"), new GlobalSequenceTrackingToken(10));
        projection.on(DossierEvents.extended("HS-2"), new GlobalSequenceTrackingToken(20));
        Document newer = entry("HS-2");
        DossierView closedAt15 = DossierFold.evolve(DossierFold.evolve(DossierFold.initial("HS-2"),
                DossierEvents.received("HS-2")), DossierEvents.resolvedEarly("HS-2")).atPosition(15);

        views.writeOpenEntries(List.of(new ReadModelStore.Written<>(null, closedAt15)));

        assertThat(entry("HS-2")).isEqualTo(newer).containsEntry("position", 20L).doesNotContainKey("closed");
        assertThat(views.page(OVERDUE, DossierEvents.EXTENDED_DUE_AT.plusSeconds(60), 0, 10).content())
                .extracting(DossierView::dossierId).containsExactly("HS-2");
    }

    @Test
    void a_stale_open_entry_arriving_after_a_newer_one_leaves_the_newer_one() {
        projection.on(DossierEvents.received("HS-3"), new GlobalSequenceTrackingToken(10));
        DossierView receivedAt10 = views.find("HS-3").orElseThrow();
        projection.on(DossierEvents.transferred("HS-3", "W-HOAN-KIEM"), new GlobalSequenceTrackingToken(20));
        Document newer = entry("HS-3");

        views.writeOpenEntries(List.of(new ReadModelStore.Written<>(receivedAt10, receivedAt10)));

        assertThat(entry("HS-3")).isEqualTo(newer).containsEntry("unitCode", "W-HOAN-KIEM");
        assertThat(views.page(RECEIVED_HERE, PAST_DUE, 0, 10).total()).as("moved away from " + UNIT).isZero();
    }

    @Test
    void an_entry_a_killed_writer_never_wrote_is_written_by_the_next_write_of_its_dossier_even_when_unchanged() {
        projection.on(DossierEvents.received("HS-4"), new GlobalSequenceTrackingToken(1));
        Document receivedEntry = entry("HS-4");
        projection.on(DossierEvents.returned("HS-4"), new GlobalSequenceTrackingToken(2));
        // the writer of position 2 was killed after its view write: its tombstone never arrived
        entries.replaceOne(eq("_id", "HS-4"), receivedEntry);

        // the next holder folds the dossier's next event, which changes nothing an entry shows
        views.apply("HS-4", 3, view -> view);

        assertThat(entry("HS-4")).containsEntry("position", 3L).containsEntry("closed", true);
        assertThat(views.page(RECEIVED_HERE, PAST_DUE, 0, 10).total()).isZero();
    }

    // ------------------------------------------------------------------ races inside one bulk write

    @Test
    void entries_another_writer_changed_after_they_were_read_are_decided_again_while_the_rest_of_the_bulk_applies() {
        projection.on(DossierEvents.received("HS-5A"), new GlobalSequenceTrackingToken(5));
        projection.on(DossierEvents.received("HS-5B"), new GlobalSequenceTrackingToken(6));
        Map<String, Long> read = views.storedPositions(List.of("HS-5A", "HS-5B", "HS-5C", "HS-5D"));
        // meanwhile a newer writer writes HS-5B (a replace that will match nothing) and HS-5C (an insert
        // that will meet a duplicate key)
        projection.on(DossierEvents.extended("HS-5B"), new GlobalSequenceTrackingToken(40));
        projection.on(DossierEvents.received("HS-5C"), new GlobalSequenceTrackingToken(30));
        Document newerB = entry("HS-5B");
        Document newerC = entry("HS-5C");
        Map<String, Document> stale = new LinkedHashMap<>();
        stale.put("HS-5A", DossierViews.entry(received("HS-5A", 8), T0));
        stale.put("HS-5B", DossierViews.entry(received("HS-5B", 9), T0));
        stale.put("HS-5C", DossierViews.entry(received("HS-5C", 20), T0));
        stale.put("HS-5D", DossierViews.entry(received("HS-5D", 21), T0));

        boolean allApplied = views.writeOver(stale, read);

        assertThat(read).containsOnlyKeys("HS-5A", "HS-5B");
        assertThat(allApplied).isFalse();
        assertThat(entry("HS-5A")).containsEntry("position", 8L);
        assertThat(entry("HS-5B")).isEqualTo(newerB);
        assertThat(entry("HS-5C")).isEqualTo(newerC);
        assertThat(entry("HS-5D")).containsEntry("position", 21L);

        views.writeOpenEntries(List.of(new ReadModelStore.Written<>(null, received("HS-5B", 9)),
                                       new ReadModelStore.Written<>(null, received("HS-5C", 20)),
                                       new ReadModelStore.Written<>(null, received("HS-5D", 22))));

        assertThat(entry("HS-5B")).as("decided again: a newer entry is stored").isEqualTo(newerB);
        assertThat(entry("HS-5C")).isEqualTo(newerC);
        assertThat(entry("HS-5D")).containsEntry("position", 22L);
    }

    @Test
    void an_entry_written_before_entries_carried_a_position_is_replaced_by_the_next_write() {
        entries.insertOne(new Document("_id", "HS-6").append("unitCode", UNIT).append("status", "RECEIVED")
                                                     .append("dueAt", java.util.Date.from(DossierEvents.DUE_AT))
                                                     .append("clockRunning", true));

        views.writeOpenEntries(List.of(new ReadModelStore.Written<>(null, returned("HS-6", 7))));

        assertThat(entry("HS-6")).containsEntry("position", 7L).containsEntry("closed", true);
    }

    // ------------------------------------------------------------------ tombstones

    @Test
    void lists_and_their_counts_leave_out_tombstones() {
        projection.on(DossierEvents.received("HS-7A"), new GlobalSequenceTrackingToken(1));
        projection.on(DossierEvents.received("HS-7B"), new GlobalSequenceTrackingToken(2));
        projection.on(DossierEvents.received("HS-7C"), new GlobalSequenceTrackingToken(3));
        projection.on(DossierEvents.resolvedEarly("HS-7B"), new GlobalSequenceTrackingToken(4));
        projection.on(DossierEvents.returned("HS-7C"), new GlobalSequenceTrackingToken(5));

        assertThat(entries.countDocuments()).as("one entry or tombstone each").isEqualTo(3);
        DossierViews.Slice notOverdue = views.page(OPEN_NOT_OVERDUE, DossierEvents.RECEIVED_AT, 0, 10);
        DossierViews.Slice overdue = views.page(OVERDUE, PAST_DUE, 0, 10);
        assertThat(notOverdue.total()).isEqualTo(1);
        assertThat(notOverdue.content()).extracting(DossierView::dossierId).containsExactly("HS-7A");
        assertThat(overdue.total()).isEqualTo(1);
        assertThat(overdue.content()).extracting(DossierView::dossierId).containsExactly("HS-7A");
        assertThat(views.page(new DossierFilter(UNIT, Set.of(DossierStatus.RECEIVED), false, null),
                              DossierEvents.RECEIVED_AT, 1, 10).total()).isEqualTo(1);
    }

    @Test
    void tombstones_are_removed_once_older_than_the_grace_period_and_open_entries_stay() {
        OpenEntryTombstones purge = new OpenEntryTombstones(views, clock, Duration.ofMinutes(10), Duration.ofMinutes(1));
        projection.on(DossierEvents.received("HS-8A"), new GlobalSequenceTrackingToken(1));
        projection.on(DossierEvents.received("HS-8B"), new GlobalSequenceTrackingToken(2));
        projection.on(DossierEvents.returned("HS-8B"), new GlobalSequenceTrackingToken(3));
        clock.set(T0.plus(Duration.ofMinutes(5)));
        projection.on(DossierEvents.received("HS-8C"), new GlobalSequenceTrackingToken(4));
        projection.on(DossierEvents.resolvedEarly("HS-8C"), new GlobalSequenceTrackingToken(5));

        clock.set(T0.plus(Duration.ofMinutes(9)));
        purge.check();
        assertThat(ids()).containsExactly("HS-8A", "HS-8B", "HS-8C");

        clock.set(T0.plus(Duration.ofMinutes(11)));
        purge.check();
        assertThat(ids()).as("HS-8B's tombstone is 11 minutes old").containsExactly("HS-8A", "HS-8C");

        clock.set(T0.plus(Duration.ofMinutes(16)));
        purge.check();
        assertThat(ids()).containsExactly("HS-8A");
        assertThat(entry("HS-8A")).containsEntry("status", "RECEIVED").containsEntry("position", 1L);
    }

    @Test
    void a_tombstone_that_changed_after_the_purge_read_it_is_not_removed() {
        projection.on(DossierEvents.received("HS-9"), new GlobalSequenceTrackingToken(1));
        projection.on(DossierEvents.returned("HS-9"), new GlobalSequenceTrackingToken(2));
        clock.set(T0.plus(Duration.ofMinutes(30)));
        // the dossier's next event rewrites its tombstone at a new position (and a new time)
        views.apply("HS-9", 3, view -> view);

        assertThat(views.removeTombstonesClosedBefore(T0.plus(Duration.ofMinutes(20)))).isZero();
        assertThat(entry("HS-9")).containsEntry("position", 3L);
    }

    // ------------------------------------------------------------------ rebuilds

    @Test
    void a_rebuild_gives_the_live_open_entries_and_lists_even_after_stale_writes_and_purges() {
        List<DossierEvent> log = List.of(DossierEvents.received("HS-10A"), DossierEvents.received("HS-10B"),
                DossierEvents.received("HS-10C"), DossierEvents.extended("HS-10A"),
                DossierEvents.resolvedEarly("HS-10B"), DossierEvents.returned("HS-10B"),
                DossierEvents.transferred("HS-10C", "W-HOAN-KIEM"), DossierEvents.submittedOnline("HS-10D"),
                DossierEvents.refused("HS-10D"));
        DossierView staleB = null;
        for (int i = 0; i < log.size(); i++) {
            projection.on(log.get(i), new GlobalSequenceTrackingToken(i + 1));
            if (i == 1) {
                staleB = views.find("HS-10B").orElseThrow();
            }
        }
        views.writeOpenEntries(List.of(new ReadModelStore.Written<>(null, staleB)));
        clock.set(T0.plus(Duration.ofHours(1)));
        views.removeTombstonesClosedBefore(clock.instant().minus(Duration.ofMinutes(10)));
        List<Document> liveOpen = openEntriesOnly();
        List<Slice> liveLists = lists();

        new org.axonframework.eventhandling.AnnotationEventHandlerAdapter(projection)
                .prepareReset(vn.province.govtrack.query.projection.RebuildScope.everything());
        for (int i = 0; i < log.size(); i++) {
            projection.on(log.get(i), ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(log.size()),
                                                                    new GlobalSequenceTrackingToken(i + 1)));
        }

        assertThat(openEntriesOnly()).isEqualTo(liveOpen);
        assertThat(liveOpen).extracting(entry -> entry.getString("_id")).containsExactly("HS-10A", "HS-10C");
        assertThat(lists()).isEqualTo(liveLists);
        assertThat(entries.countDocuments(eq("closed", true))).as("the replay's tombstones, until purged").isEqualTo(2);
    }

    // ------------------------------------------------------------------ helpers

    private record Slice(List<String> ids, long total) {
    }

    /** What the lists that read open entries answer. */
    private List<Slice> lists() {
        List<Slice> answers = new ArrayList<>();
        for (DossierFilter filter : List.of(RECEIVED_HERE, OVERDUE, OPEN_NOT_OVERDUE,
                new DossierFilter("W-HOAN-KIEM", Set.of(), null, 72))) {
            DossierViews.Slice slice = views.page(filter, PAST_DUE, 0, 10);
            answers.add(new Slice(slice.content().stream().map(DossierView::dossierId).toList(), slice.total()));
        }
        return answers;
    }

    private static DossierView received(String dossierId, long position) {
        return DossierFold.evolve(DossierFold.initial(dossierId), DossierEvents.received(dossierId)).atPosition(position);
    }

    private static DossierView returned(String dossierId, long position) {
        return DossierFold.evolve(DossierFold.evolve(DossierFold.initial(dossierId), DossierEvents.received(dossierId)),
                                  DossierEvents.returned(dossierId)).atPosition(position);
    }

    private Document entry(String dossierId) {
        return entries.find(eq("_id", dossierId)).first();
    }

    private List<String> ids() {
        return entries.find().sort(new Document("_id", 1)).map(entry -> entry.getString("_id")).into(new ArrayList<>());
    }

    private List<Document> openEntriesOnly() {
        return entries.find(ne("closed", true)).sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    /** A clock the test moves. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
