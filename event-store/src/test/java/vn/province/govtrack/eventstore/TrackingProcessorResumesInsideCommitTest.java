package vn.province.govtrack.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static vn.province.govtrack.eventstore.StoreFixture.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;

/**
 * A real Axon tracking processor over the engine, wired as the query side's are (one segment, a
 * MongoTokenStore on the same database, handler errors propagated so that the batch is retried) but
 * with batches of 3 over commits of 4 events and of 1, so that the token it stores at the end of a
 * batch often lies inside a commit. Whether the processor is restarted there, hands its segment to
 * another instance there, or fails a batch that began there, the projection ends up holding every
 * event, and only a failed batch is ever delivered twice.
 *
 * <p>The log, in commits: 1-4, 5, 6-9, 10-13, 14, 15-18, 19, 20-23, 24-27. From the start, batches of
 * 3 end at 3, 6, 9, 12 ...; the tokens 3, 6, 12, 15, 21 and 24 lie inside commits.
 */
class TrackingProcessorResumesInsideCommitTest {

    private static final String PROCESSOR = "copies";
    private static final int BATCH_SIZE = 3;
    private static final List<Integer> COMMIT_SIZES = List.of(4, 1, 4, 4, 1, 4, 1, 4, 4);
    /** A bound on every wait; a run takes a few seconds at most. */
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final StoreFixture fixture = new StoreFixture();
    private final MongoCollection<Document> copyCollection = fixture.database.getCollection("event_copies");
    private final List<Commit> commits = new ArrayList<>();
    private final Map<Long, String> idsByPosition = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    /** Newest first, so that they stop in the reverse order of their creation. */
    private final List<AutoCloseable> running = new ArrayList<>();

    /** The positions one {@code appendEvents} call wrote. */
    private record Commit(long first, long last) {

        boolean contains(long position) {
            return first <= position && position <= last;
        }
    }

    @BeforeEach
    void appendTheLog() {
        MongoEventStorageEngine engine = engine();
        int aggregate = 0;
        for (int size : COMMIT_SIZES) {
            String aggregateId = "dossier-" + ++aggregate;
            List<DomainEventMessage<?>> events = LongStream.range(0, size)
                    .<DomainEventMessage<?>>mapToObj(seq -> event(aggregateId, seq, aggregateId + " #" + seq))
                    .toList();
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            engine.appendEvents(events);
            long last = MongoEventStorageEngine.lastAppendedPosition(unitOfWork).orElseThrow();
            unitOfWork.commit();
            commits.add(new Commit(last - size + 1, last));
            for (int i = 0; i < size; i++) {
                idsByPosition.put(last - size + 1 + i, events.get(i).getIdentifier());
            }
        }
    }

    @AfterEach
    void stopEverythingAndDropTheDatabase() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
        fixture.close();
    }

    @Test
    void a_processor_restarted_with_its_token_inside_a_commit_delivers_the_rest_of_that_commit_exactly_once() {
        EventCopies copies = new EventCopies("query-side-1");
        Hold hold = copies.holdAfterBatchEndingInsideCommit();
        Instance first = instance(copies);

        first.start();
        long stoppedAt = hold.position();
        first.shutDownWhile(hold);

        assertThat(stoppedAt).as("the first run stopped inside commit %s", commitOf(stoppedAt))
                             .isLessThan(commitOf(stoppedAt).last());
        assertThat(storedPosition()).isEqualTo(stoppedAt);
        assertThat(deliveredPositions()).containsExactlyElementsOf(positionsFrom(1, stoppedAt));

        // a process restart: a new engine, event store, token store and processor over the same database
        Instance restarted = instance(new EventCopies("query-side-1"));
        restarted.start();
        awaitCaughtUp(restarted);

        assertThat(storedPositions()).containsExactlyElementsOf(positionsFrom(1, head()));
        assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(idsByPosition.values());
        assertThat(deliveredMoreThanOnce()).isEmpty();
    }

    @Test
    void another_instance_taking_over_the_segment_inside_a_commit_delivers_the_rest_of_that_commit_exactly_once() {
        EventCopies copiesOfA = new EventCopies("query-side-1");
        Hold hold = copiesOfA.holdAfterBatchEndingInsideCommit();
        Instance a = instance(copiesOfA);
        Instance b = instance(new EventCopies("query-side-2"));

        a.start();
        long handedOverAt = hold.position();
        b.start(); // cannot claim the segment while A holds it, and keeps trying
        a.shutDownWhile(hold);
        awaitCaughtUp(b);

        assertThat(handedOverAt).as("A handed over inside commit %s", commitOf(handedOverAt))
                                .isLessThan(commitOf(handedOverAt).last());
        assertThat(storedPositions()).containsExactlyElementsOf(positionsFrom(1, head()));
        assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(idsByPosition.values());
        assertThat(deliveredMoreThanOnce()).isEmpty();
        assertThat(deliveredBy("query-side-2")).as("B went on from A's token")
                                               .containsExactlyElementsOf(positionsFrom(handedOverAt + 1, head()));
    }

    @Test
    void a_database_error_in_a_batch_that_began_inside_a_commit_is_retried_and_no_event_is_lost() {
        EventCopies copies = new EventCopies("query-side-1");
        long failing = 8; // the middle of batch 7-9, which begins inside commit 6-9
        copies.failOnceAt(failing);
        Instance instance = instance(copies);

        instance.start();
        awaitCaughtUp(instance);

        List<Long> failedBatch = copies.failedBatch();
        assertThat(failedBatch).as("the batch that failed").contains(failing).last().isNotEqualTo(failing);
        assertThat(commitOf(failedBatch.get(0)).first()).as("the failed batch began inside a commit")
                                                        .isLessThan(failedBatch.get(0));
        // Upserting by event id makes the second delivery of the failed batch's first events harmless.
        assertThat(storedPositions()).containsExactlyElementsOf(positionsFrom(1, head()));
        assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(idsByPosition.values());
        assertThat(deliveredMoreThanOnce()).as("only the failed batch came again").isSubsetOf(failedBatch);
    }

    // ------------------------------------------------------------------ the projection under test

    /** Who handled which position, in order of delivery. */
    private record Delivery(String owner, long position) {
    }

    /**
     * The read model of one query-side instance: a copy of each event in {@code event_copies},
     * upserted by event id, with the position it came at. Every delivery is also logged, and the
     * test can hold the processor's thread at a chosen batch end or fail one write.
     */
    final class EventCopies {

        private final String owner;
        private final List<Long> failedBatch = new CopyOnWriteArrayList<>();
        private volatile Hold hold;
        private volatile long failAt = -1;

        EventCopies(String owner) {
            this.owner = owner;
        }

        /**
         * After the first batch that ends inside a commit with at least two of that commit's events
         * still to come, the processor's thread waits (its token not yet stored) until the hold is
         * released.
         */
        Hold holdAfterBatchEndingInsideCommit() {
            hold = new Hold();
            return hold;
        }

        void failOnceAt(long position) {
            failAt = position;
        }

        @EventHandler
        void on(StoreFixture.Note note, EventMessage<?> event, TrackingToken token) {
            long position = token.position().orElseThrow();
            deliveries.add(new Delivery(owner, position));
            BatchingUnitOfWork<?> batch = (BatchingUnitOfWork<?>) CurrentUnitOfWork.get();
            if (position == failAt) {
                failAt = -1;
                batch.getMessages().forEach(message -> failedBatch.add(positionOf(message)));
                throw new MongoException("connection reset during write (injected once)");
            }
            copyCollection.replaceOne(eq("_id", event.getIdentifier()),
                                      new Document("_id", event.getIdentifier()).append("position", position)
                                                                                .append("text", note.text()),
                                      new ReplaceOptions().upsert(true));
            Hold current = hold;
            if (current != null && batch.isLastMessage() && commitOf(position).last() - position >= 2) {
                hold = null;
                current.reachedAt(position);
            }
        }

        List<Long> failedBatch() {
            return failedBatch;
        }
    }

    /** A processor thread waiting at a batch end, and the position it waits at. */
    static final class Hold {

        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile long position;

        void reachedAt(long position) {
            this.position = position;
            reached.countDown();
            await(released);
        }

        long position() {
            await(reached);
            return position;
        }

        void release() {
            released.countDown();
        }
    }

    // ------------------------------------------------------------------ wiring, as the query side has it

    /** One query-side process: its own engine and event store, a token store owner, one processor. */
    private record Instance(TrackingEventProcessor processor, EmbeddedEventStore eventStore) implements AutoCloseable {

        void start() {
            processor.start();
        }

        /** Asks the processor to stop, then lets the held batch finish: it stores its token and the claim is released. */
        void shutDownWhile(Hold hold) {
            CompletableFuture<Void> stopped = processor.shutdownAsync();
            hold.release();
            stopped.join();
        }

        @Override
        public void close() {
            processor.shutDown();
            eventStore.shutDown();
        }
    }

    private Instance instance(EventCopies copies) {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine()).build();
        TokenStore tokenStore = MongoTokenStore.builder()
                                               .mongoTemplate(DefaultMongoTemplate.builder()
                                                                                  .mongoDatabase(fixture.database)
                                                                                  .build())
                                               .serializer(StoreFixture.SERIALIZER)
                                               .nodeId(copies.owner)
                                               .build();
        SimpleEventHandlerInvoker handlers = SimpleEventHandlerInvoker.builder()
                                                                      .eventHandlers(copies)
                                                                      .listenerInvocationErrorHandler(
                                                                              PropagatingErrorHandler.instance())
                                                                      .build();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(PROCESSOR)
                .eventHandlerInvoker(handlers)
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                           .andBatchSize(BATCH_SIZE)
                                                           .andTokenClaimInterval(100, TimeUnit.MILLISECONDS))
                .build();
        Instance instance = new Instance(processor, eventStore);
        running.add(0, instance);
        return instance;
    }

    /** A reader stuck at a hole would fence it after this long and skip it: the outcome shows within seconds. */
    private MongoEventStorageEngine engine() {
        return fixture.engine();
    }

    // ------------------------------------------------------------------ reading the outcome

    private void awaitCaughtUp(Instance instance) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (System.nanoTime() < deadline) {
            boolean caughtUp = instance.processor().processingStatus().values().stream()
                                       .anyMatch(status -> status.getCurrentPosition().orElse(0) >= head());
            if (caughtUp) {
                return;
            }
            sleep(20);
        }
        fail("the processor did not reach position %d within %s: %s", head(), CATCH_UP,
             instance.processor().processingStatus());
    }

    private long head() {
        return commits.get(commits.size() - 1).last();
    }

    /** The position of the token stored for the processor's one segment, read without claiming it. */
    private long storedPosition() {
        Document entry = fixture.database.getCollection("trackingtokens").find(eq("processorName", PROCESSOR)).first();
        assertThat(entry).as("a stored token").isNotNull();
        GenericTokenEntry<byte[]> token = new GenericTokenEntry<>(
                entry.get("token", Binary.class).getData(), entry.getString("tokenType"), null,
                entry.getString("owner"), PROCESSOR, entry.getInteger("segment"), byte[].class);
        return token.getToken(StoreFixture.SERIALIZER).position().orElseThrow();
    }

    /** The positions of the events the projection holds a copy of, in order. */
    private List<Long> storedPositions() {
        return copyCollection.find().map(document -> document.getLong("position")).into(new ArrayList<>())
                             .stream().sorted().toList();
    }

    private List<String> storedIds() {
        return copyCollection.find().map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    private List<Long> deliveredPositions() {
        return deliveries.stream().map(Delivery::position).toList();
    }

    private List<Long> deliveredBy(String owner) {
        return deliveries.stream().filter(d -> d.owner().equals(owner)).map(Delivery::position).toList();
    }

    private Set<Long> deliveredMoreThanOnce() {
        Set<Long> seen = new HashSet<>();
        return deliveries.stream().map(Delivery::position).filter(position -> !seen.add(position))
                         .collect(Collectors.toCollection(TreeSet::new));
    }

    private Commit commitOf(long position) {
        return commits.stream().filter(commit -> commit.contains(position)).findFirst().orElseThrow();
    }

    private static List<Long> positionsFrom(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static long positionOf(Message<?> message) {
        return ((TrackedEventMessage<?>) message).trackingToken().position().orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(CATCH_UP.toSeconds(), TimeUnit.SECONDS)) {
                fail("waited %s in vain", CATCH_UP);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
