package vn.province.govtrack.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.eventstore.StoreFixture.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/**
 * Many writers race (some on the same aggregates), some writers reserve positions and die, some
 * stall past the abandon timeout and then try to write, while several readers follow the log.
 * Every reader must receive exactly the committed events, each once, in position order, and every
 * reserved position must end up either an event or a fence.
 */
class GaplessLogConcurrencyTest {

    private static final Duration ABANDON_TIMEOUT = Duration.ofMillis(300);
    private static final int WRITERS = 6;
    private static final int COMMITS_PER_WRITER = 120;
    private static final int READERS = 3;
    private static final int CRASHED_RESERVATIONS = 6;
    private static final int STALLED_WRITERS = 2;

    private final StoreFixture fixture = new StoreFixture();

    @AfterEach
    void dropDatabase() {
        fixture.close();
    }

    @Test
    void every_reader_receives_exactly_the_committed_events_once_and_in_order() throws Exception {
        MongoEventStorageEngine writerEngine = fixture.engine(ABANDON_TIMEOUT);
        Set<String> committed = ConcurrentHashMap.newKeySet();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger refusedLateWrites = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newCachedThreadPool();

        List<Future<List<TrackedEventMessage<?>>>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            MongoEventStorageEngine readerEngine = fixture.engine(ABANDON_TIMEOUT);
            readers.add(pool.submit(() -> follow(readerEngine, writing, committed)));
        }
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> write(writerEngine, writer, committed, conflicts)));
        }
        writers.add(pool.submit(() -> crashAfterReserving(writerEngine)));
        for (int s = 0; s < STALLED_WRITERS; s++) {
            writers.add(pool.submit(() -> stallThenWrite(writerEngine, refusedLateWrites)));
        }
        for (Future<?> writer : writers) {
            writer.get(3, TimeUnit.MINUTES);
        }
        writing.set(false);

        List<List<TrackedEventMessage<?>>> received = new ArrayList<>();
        for (Future<List<TrackedEventMessage<?>>> reader : readers) {
            received.add(reader.get(3, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(committed).hasSizeGreaterThan(WRITERS * COMMITS_PER_WRITER);
        for (List<TrackedEventMessage<?>> events : received) {
            List<Long> positions = events.stream().map(e -> position(e.trackingToken())).toList();
            assertThat(positions).as("positions strictly increasing").isSorted().doesNotHaveDuplicates();
            assertThat(events).extracting(TrackedEventMessage::getIdentifier)
                              .doesNotHaveDuplicates()
                              .containsExactlyInAnyOrderElementsOf(committed);
        }
        assertThat(refusedLateWrites).as("stalled writers were fenced out").hasValue(STALLED_WRITERS);
        assertThat(conflicts).as("contended aggregates really raced").hasPositiveValue();
        assertEveryReservedPositionIsAnEventOrAFence(received.get(0));
        assertEveryAggregateStreamIsContiguous(writerEngine, received.get(0));
    }

    /** A writer appending 1–3 event commits, to its own aggregates and to two contended ones. */
    private static void write(MongoEventStorageEngine engine, int writer, Set<String> committed,
                              AtomicInteger conflicts) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int commit = 0; commit < COMMITS_PER_WRITER; commit++) {
            boolean contended = random.nextInt(4) == 0;
            String aggregate = contended ? "shared-" + random.nextInt(2) : "w" + writer + "-" + (commit / 10);
            while (true) {
                long next = engine.lastSequenceNumberFor(aggregate).map(seq -> seq + 1).orElse(0L);
                List<DomainEventMessage<?>> events = new ArrayList<>();
                int size = 1 + random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    events.add(event(aggregate, next + i, "w" + writer + " c" + commit + " e" + i));
                }
                try {
                    engine.appendEvents(events);
                    events.forEach(e -> committed.add(e.getIdentifier()));
                    break;
                } catch (ConcurrencyException | org.axonframework.modelling.command.AggregateStreamCreationException e) {
                    conflicts.incrementAndGet(); // the loser reloads and tries again, as a command retry would
                }
            }
        }
    }

    /** Reserves positions and dies before writing them. */
    private static void crashAfterReserving(MongoEventStorageEngine engine) {
        for (int i = 0; i < CRASHED_RESERVATIONS; i++) {
            engine.reservePositions(1 + i % 3);
            sleep(50);
        }
    }

    /**
     * Reserves, stalls until a reader has fenced the reservation (which it must do once the abandon
     * timeout has passed), then tries to write into it: the write must be refused.
     */
    private void stallThenWrite(MongoEventStorageEngine engine, AtomicInteger refused) {
        long first = engine.reservePositions(2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (fixture.database.getCollection("events").find(new Document("_id", first)).first() == null) {
            assertThat(System.nanoTime()).as("a reader fences the abandoned reservation").isLessThan(deadline);
            sleep(ABANDON_TIMEOUT.toMillis());
        }
        List<DomainEventMessage<?>> events = List.of(event("late-" + first, 0, "late"), event("late-" + first, 1, "late"));
        try {
            engine.writeCommit(first, events, StoreFixture.SERIALIZER);
        } catch (MongoWriteException e) {
            assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
            refused.incrementAndGet();
        }
    }

    /** Follows the log like a tracking processor until writing stopped and everything committed arrived. */
    private static List<TrackedEventMessage<?>> follow(MongoEventStorageEngine engine, AtomicBoolean writing,
                                                       Set<String> committed) {
        List<TrackedEventMessage<?>> received = new ArrayList<>();
        TrackingToken token = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            boolean done = !writing.get();
            for (TrackedEventMessage<?> event : StoreFixture.readAll(engine, token)) {
                received.add(event);
                token = event.trackingToken();
            }
            if (done && received.size() >= committed.size()) {
                return received;
            }
            sleep(5);
        }
        return received;
    }

    private void assertEveryReservedPositionIsAnEventOrAFence(List<TrackedEventMessage<?>> events) {
        Set<Long> accounted = new HashSet<>();
        events.forEach(e -> accounted.add(position(e.trackingToken())));
        for (Document fence : fixture.database.getCollection("events").find(new Document("fence", true))) {
            for (long slot = fence.getLong("_id"); slot <= fence.getLong("last"); slot++) {
                assertThat(accounted.add(slot)).as("a fence never hides an event").isTrue();
            }
        }
        long reserved = fixture.database.getCollection("event_positions").find(new Document("_id", "global")).first().getLong("next");
        assertThat(accounted).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, reserved).boxed().toList());
    }

    private static void assertEveryAggregateStreamIsContiguous(MongoEventStorageEngine engine,
                                                               List<TrackedEventMessage<?>> events) {
        events.stream().map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()).distinct().forEach(aggregate ->
                assertThat(engine.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber))
                        .as(aggregate).containsExactlyElementsOf(
                                LongStream.range(0, engine.lastSequenceNumberFor(aggregate).orElseThrow() + 1)
                                          .boxed().toList()));
    }

    private static long position(TrackingToken token) {
        return ((GlobalSequenceTrackingToken) token).getGlobalIndex();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
