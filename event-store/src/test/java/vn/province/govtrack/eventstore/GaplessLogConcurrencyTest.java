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
 * Many writers race for the head of the log (some on the same aggregates, some through engines of
 * their own, as instances would) while several readers follow the log. Every reader must receive
 * exactly the committed events, each once, in position order, and every position up to the head
 * must hold an event: the log has no holes.
 */
class GaplessLogConcurrencyTest {

    private static final int WRITERS = 6;
    private static final int COMMITS_PER_WRITER = 120;
    private static final int READERS = 3;

    private final StoreFixture fixture = new StoreFixture();

    @AfterEach
    void dropDatabase() {
        fixture.close();
    }

    @Test
    void every_reader_receives_exactly_the_committed_events_once_and_in_order() throws Exception {
        MongoEventStorageEngine writerEngine = fixture.engine();
        Set<String> committed = ConcurrentHashMap.newKeySet();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newCachedThreadPool();

        List<Future<List<TrackedEventMessage<?>>>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            MongoEventStorageEngine readerEngine = fixture.engine();
            readers.add(pool.submit(() -> follow(readerEngine, writing, committed)));
        }
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            // half the writers share an engine, the others have one each, as separate instances would
            MongoEventStorageEngine engine = w % 2 == 0 ? writerEngine : fixture.engine();
            writers.add(pool.submit(() -> write(engine, writer, committed, conflicts)));
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
        assertThat(conflicts).as("contended aggregates really raced").hasPositiveValue();
        assertEveryPositionUpToTheHeadIsAnEvent(writerEngine, received.get(0));
        assertEveryAggregateStreamIsContiguous(writerEngine, received.get(0));
        assertTheHashChainIsIntactUpToTheHead(writerEngine, received.get(0).size());
    }

    /** Groups, lost races and commits of several engines still make one chain (ADR 0010). */
    private static void assertTheHashChainIsIntactUpToTheHead(MongoEventStorageEngine engine, int events) {
        VerificationResult result = engine.verifyLog(null, (done, total) -> { });
        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.verifiedThrough()).isEqualTo(engine.headPosition());
        assertThat(result.eventsChecked()).isEqualTo(events);
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

    private void assertEveryPositionUpToTheHeadIsAnEvent(MongoEventStorageEngine engine,
                                                         List<TrackedEventMessage<?>> events) {
        assertThat(fixture.database.getCollection("events").countDocuments(new Document("fence", true)))
                .as("no position is void").isZero();
        assertThat(events).extracting(e -> position(e.trackingToken()))
                          .containsExactlyElementsOf(LongStream.rangeClosed(1, engine.headPosition()).boxed().toList());
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
