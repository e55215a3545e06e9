package vn.province.govtrack.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.embeddedmongo.TestMongo;

/**
 * Records folded during a batch are read once and written once, when the batch's last event has
 * been handled, with the same guards as a write per event.
 */
class BatchedWritesTest {

    /** A record that counts the events folded into it. */
    record Tally(String id, int events, long lastSeen) {
    }

    /** A counter whose id is stored only as {@code _id}. */
    record Counter(String id, int n) {
    }

    private final MongoClient client = MongoClients.create(TestMongo.uri());
    private final MongoDatabase database = client.getDatabase(TestMongo.freshDatabaseName("batched_writes"));
    private final MongoCollection<Document> collection = database.getCollection("tallies");
    private final ReadModelStore<Tally> tallies =
            new ReadModelStore<>(collection, new ObjectMapper(), Tally.class, tally -> Map.of());

    @AfterEach
    void drop() {
        database.drop();
        client.close();
    }

    @Test
    void a_batch_folds_every_event_into_its_records_and_writes_each_record_once_at_its_end() throws Exception {
        tallies.apply("b", 1, () -> new Tally("b", 0, 0), t -> new Tally("b", t.events() + 1, 1));

        handleBatch(List.of(2L, 3L, 4L, 5L), position -> {
            String id = position == 3 ? "b" : "a";
            tallies.apply(id, position, () -> new Tally(id, 0, 0), t -> new Tally(id, t.events() + 1, position));
            if (position < 5) {
                assertThat(collection.countDocuments(new Document("_id", "a"))).as("nothing written mid-batch").isZero();
            }
        });

        assertThat(tallies.find("a")).contains(new Tally("a", 3, 5));
        assertThat(tallies.find("b")).contains(new Tally("b", 2, 3));
        assertThat(tallies.lastPosition("a")).isEqualTo(5);
    }

    @Test
    void events_a_record_already_reflects_change_nothing_in_a_batch_either() throws Exception {
        tallies.apply("a", 7, () -> new Tally("a", 0, 0), t -> new Tally("a", t.events() + 1, 7));

        handleBatch(List.of(6L, 7L), position ->
                tallies.apply("a", position, () -> new Tally("a", 0, 0), t -> new Tally("a", t.events() + 1, position)));

        assertThat(tallies.find("a")).contains(new Tally("a", 1, 7));
    }

    @Test
    void a_record_changed_by_another_writer_during_the_batch_fails_the_batch_and_keeps_the_other_write() {
        tallies.apply("a", 1, () -> new Tally("a", 0, 0), t -> new Tally("a", 1, 1));

        Exception failure = null;
        try {
            handleBatch(List.of(2L, 3L), position -> {
                tallies.apply("a", position, () -> new Tally("a", 0, 0), t -> new Tally("a", t.events() + 1, position));
                if (position == 2) {
                    // another instance folds event 2 first, as after a claim handover
                    collection.replaceOne(new Document("_id", "a"),
                                          new Document("_id", "a").append("id", "a").append("events", 99)
                                                                  .append("lastSeen", 2).append("lastPosition", 2L));
                }
            });
        } catch (Exception e) {
            failure = e;
        }

        assertThat(failure).isNotNull();
        assertThat(tallies.find("a")).contains(new Tally("a", 99, 2));
    }

    @Test
    void guarded_documents_are_folded_in_memory_written_once_and_their_follow_up_writes_told_after_the_bulk_write()
            throws Exception {
        List<List<ReadModelStore.Written<Counter>>> told = new ArrayList<>();
        MongoCollection<Document> counters = database.getCollection("counters");
        ReadModelStore<Counter> documents = counters(counters, written -> {
            written.forEach(w -> assertThat(counters.find(new Document("_id", w.after().id())).first())
                    .as("told after the write").containsEntry("n", w.after().n()));
            told.add(written);
        });
        documents.apply("b", 1, stored -> new Counter("b", 1));
        assertThat(told).as("told after each write outside a batch").hasSize(1);
        assertThat(told.get(0).get(0).before()).isNull();
        told.clear();

        handleBatch(List.of(2L, 3L, 4L, 5L), position -> {
            String id = position == 3 ? "b" : "a";
            Counter after = documents.apply(id, position,
                    stored -> new Counter(id, stored == null ? 1 : stored.n() + 1));
            assertThat(after).as("the record as the batch has it so far")
                             .isEqualTo(new Counter(id, Map.of(2L, 1, 3L, 2, 4L, 2, 5L, 3).get(position)));
            if (position < 5) {
                assertThat(counters.countDocuments(new Document("_id", "a"))).as("nothing written mid-batch").isZero();
            }
        });

        assertThat(counters.find(new Document("_id", "a")).first()).containsEntry("n", 3).containsEntry("lastPosition", 5L);
        assertThat(counters.find(new Document("_id", "b")).first()).containsEntry("n", 2).containsEntry("lastPosition", 3L);
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).extracting(w -> w.after().id()).containsExactly("a", "b");
        assertThat(told.get(0).get(0).before()).as("a was not stored before the batch").isNull();
        assertThat(told.get(0).get(1).before()).isEqualTo(new Counter("b", 1));
        assertThat(counters.find(new Document("_id", "a")).first()).as("the id is stored as _id only")
                                                                  .doesNotContainKey("id");
    }

    @Test
    void a_batch_whose_events_are_all_reflected_already_writes_nothing_but_tells_what_is_stored() throws Exception {
        List<ReadModelStore.Written<Counter>> told = new ArrayList<>();
        ReadModelStore<Counter> documents = counters(database.getCollection("counters"), told::addAll);
        documents.apply("a", 7, stored -> new Counter("a", 1));
        told.clear();

        handleBatch(List.of(6L, 7L), position -> documents.apply("a", position, stored -> new Counter("a", 99)));

        assertThat(database.getCollection("counters").find().first()).containsEntry("n", 1);
        assertThat(told).singleElement().satisfies(written -> {
            assertThat(written.before()).as("unknown: follow-up writes are made again").isNull();
            assertThat(written.after()).isEqualTo(new Counter("a", 1));
        });
    }

    @Test
    void a_change_that_returns_the_record_it_was_given_writes_nothing_and_keeps_the_position() throws Exception {
        MongoCollection<Document> counters = database.getCollection("counters");
        ReadModelStore<Counter> documents = counters(counters, written -> { });
        documents.apply("a", 1, stored -> new Counter("a", 1));

        documents.apply("a", 2, stored -> stored);
        handleBatch(List.of(3L, 4L), position -> documents.apply("a", position, stored -> stored));

        assertThat(documents.lastPosition("a")).isEqualTo(1);
        assertThat(documents.find("a")).contains(new Counter("a", 1));
    }

    @Test
    void instants_are_stored_as_dates_and_read_back_from_dates_or_from_iso_text() {
        MongoCollection<Document> stamps = database.getCollection("stamps");
        ReadModelStore<Stamp> store = new ReadModelStore<>(stamps, new ObjectMapper().findAndRegisterModules(),
                                                           Stamp.class);
        Instant at = Instant.parse("2025-07-01T02:00:00.123Z");

        store.apply("s", 1, stored -> new Stamp("s", at));
        stamps.insertOne(new Document("_id", "t").append("id", "t").append("at", "2025-07-01T02:00:00.123456Z")
                                                 .append("lastPosition", 1L));

        assertThat(stamps.find(new Document("_id", "s")).first().get("at")).isEqualTo(Date.from(at));
        assertThat(store.find("s")).contains(new Stamp("s", at));
        assertThat(store.find("t")).contains(new Stamp("t", Instant.parse("2025-07-01T02:00:00.123456Z")));
    }

    @Test
    void removal_takes_the_documents_touched_after_a_position_in_chunks_and_keeps_the_others() {
        MongoCollection<Document> counters = database.getCollection("counters");
        ReadModelStore<Counter> documents = counters(counters, written -> { });
        int count = ReadModelStore.REMOVAL_CHUNK * 2 + 7;
        List<Document> many = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            many.add(new Document("_id", "d" + i).append("lastPosition", (long) i));
        }
        counters.insertMany(many);

        documents.removeTouchedAfter(5);
        assertThat(counters.countDocuments()).isEqualTo(5);

        documents.removeTouchedAfter(0);
        assertThat(counters.countDocuments()).isZero();
    }

    record Stamp(String id, Instant at) {
    }

    private static ReadModelStore<Counter> counters(MongoCollection<Document> collection,
                                                    Consumer<List<ReadModelStore.Written<Counter>>> told) {
        return new ReadModelStore<>(collection, new ObjectMapper(), Counter.class, "id", counter -> Map.of(), told);
    }

    interface Handler {
        void handle(long position) throws Exception;
    }

    /** Handles the positions as one batch of an event processor, through the interceptor, as the processors do. */
    private static void handleBatch(List<Long> positions, Handler handler) throws Exception {
        List<EventMessage<?>> messages = positions.stream()
                .<EventMessage<?>>map(position -> GenericEventMessage.asEventMessage(position)).toList();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        var result = batch.executeWithResult(() -> new DefaultInterceptorChain<>(
                (UnitOfWork<EventMessage<?>>) batch, List.of(new BatchedWrites.FlushAtBatchEnd()),
                message -> {
                    handler.handle((Long) message.getPayload());
                    return null;
                }).proceed());
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
    }
}
