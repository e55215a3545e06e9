package vn.province.govtrack.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * An Axon {@code EventStorageEngine} on MongoDB with a dense, totally ordered global position,
 * atomic commits and per-aggregate optimistic concurrency, without multi-document transactions.
 *
 * <p>Contract (see docs/adr/0001-event-store.md for the reasoning):
 * <ul>
 *   <li>Every event has a global position, starting at 1. An {@code appendEvents} call reserves a
 *       contiguous block of positions from an atomic counter and writes all its events as one
 *       document: readers see all of a commit or none of it.</li>
 *   <li>A reader never skips a position: it reads positions in order and stops at the first one
 *       that is reserved but not yet written. A reservation left unwritten for longer than
 *       {@code abandonTimeout} is fenced (an explicit void slot is inserted under the same unique
 *       key); a writer arriving after that fails on the key, takes a fresh reservation and retries,
 *       so nothing can ever appear behind a reader.</li>
 *   <li>Two commits can never hold the same sequence number of one aggregate (a unique multikey
 *       index on the commits' stream keys); the loser gets {@link ConcurrencyException}
 *       (or {@link AggregateStreamCreationException} when both tried to create the aggregate).</li>
 *   <li>Tracking tokens are {@link GlobalSequenceTrackingToken}s whose index is the position, so
 *       Axon's replay status and progress work.</li>
 * </ul>
 * Commits must be appended on the thread that handles the command (Axon's SimpleCommandBus) for
 * {@link #takeLastAppendedPosition()} to report them.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);
    private static final String COUNTER_ID = "global";
    private static final int MAX_FENCED_RETRIES = 5;
    private static final int STREAM_WINDOW = 64;

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> counters;
    private final Duration abandonTimeout;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Map<Long, GapObservation> gaps = new ConcurrentHashMap<>();
    private final ThreadLocal<Long> lastAppended = new ThreadLocal<>();
    private volatile long knownContiguousHead;

    private record GapObservation(long firstSeenNanos, long reservedEnd) {
    }

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        String prefix = builder.collectionPrefix;
        // Majority writes and reads: an event a reader has seen can never be rolled back on a replica set.
        this.commits = database.getCollection(prefix + "events")
                               .withWriteConcern(WriteConcern.MAJORITY)
                               .withReadConcern(ReadConcern.MAJORITY);
        this.counters = database.getCollection(prefix + "event_positions").withWriteConcern(WriteConcern.MAJORITY);
        this.snapshots = database.getCollection(prefix + "snapshots").withWriteConcern(WriteConcern.MAJORITY);
        this.abandonTimeout = builder.abandonTimeout;
        this.clock = builder.clock;
        this.nanoTime = builder.nanoTime;
        ensureIndexes();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the one secondary index the store relies on; idempotent, run at start-up. */
    private void ensureIndexes() {
        commits.createIndex(Indexes.ascending(CommitCodec.STREAMS),
                            new IndexOptions().unique(true).name("unique_stream_sequence"));
    }

    // ---------------------------------------------------------------- writing

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> eventDocuments = events.stream().map(e -> CommitCodec.eventDocument(e, serializer)).toList();
        for (int attempt = 1; attempt <= MAX_FENCED_RETRIES; attempt++) {
            long first = reservePositions(eventDocuments.size());
            try {
                commits.insertOne(CommitCodec.commit(first, eventDocuments, clock.instant()));
                lastAppended.set(first + eventDocuments.size() - 1);
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw new EventStoreException("Could not append events at position " + first, e);
                }
                if (!isFenced(first)) {
                    voidReservation(first, eventDocuments.size());
                    throw conflict(events, e);
                }
                log.warn("Reservation at position {} was fenced by a reader after {}; retrying with a new one",
                         first, abandonTimeout);
            }
        }
        throw new EventStoreException("Commit was fenced " + MAX_FENCED_RETRIES + " times in a row; giving up");
    }

    /**
     * Reserves {@code count} positions and answers the first; package-visible so tests can abandon one.
     * Reads the counter as it was BEFORE the increment: mongo-java-server 1.47.0 answers
     * {@code returnDocument(AFTER)} from a live document that concurrent updates keep changing
     * (measured: 272 duplicates in 16,000 concurrent increments), while BEFORE is a copy.
     */
    long reservePositions(int count) {
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);
        Document before;
        try {
            before = counters.findOneAndUpdate(eq(CommitCodec.ID, COUNTER_ID), Updates.inc("next", (long) count), options);
        } catch (MongoCommandException | MongoWriteException e) {
            // Two first-ever upserts raced on a real MongoDB; the counter exists now.
            before = counters.findOneAndUpdate(eq(CommitCodec.ID, COUNTER_ID), Updates.inc("next", (long) count), options);
        }
        return (before == null ? 0 : before.getLong("next")) + 1;
    }

    /** Writes a commit at an already reserved position; package-visible for tests of late writers. */
    void writeCommit(long first, List<? extends EventMessage<?>> events, Serializer serializer) {
        List<Document> docs = events.stream().map(e -> CommitCodec.eventDocument(e, serializer)).toList();
        commits.insertOne(CommitCodec.commit(first, docs, clock.instant()));
    }

    /**
     * Closes a reservation its writer will not use (the commit lost a concurrency race), so that
     * readers step over it at once instead of waiting for the abandon timeout.
     */
    private void voidReservation(long first, int count) {
        try {
            commits.insertOne(CommitCodec.fence(first, first + count - 1, clock.instant()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                log.warn("Could not void reservation at {}; readers will fence it after {}", first, abandonTimeout, e);
            }
        }
    }

    private long reservedEnd() {
        Document counter = counters.find(eq(CommitCodec.ID, COUNTER_ID)).first();
        return counter == null ? 1 : counter.getLong("next") + 1;
    }

    private boolean isFenced(long position) {
        Document existing = commits.find(eq(CommitCodec.ID, position)).first();
        return existing != null && CommitCodec.isFence(existing);
    }

    private RuntimeException conflict(List<? extends EventMessage<?>> events, Exception cause) {
        EventMessage<?> first = events.get(0);
        if (first instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() == 0) {
            return new AggregateStreamCreationException(
                    "Aggregate " + domain.getAggregateIdentifier() + " already exists", cause);
        }
        String target = first instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() + " at sequence " + domain.getSequenceNumber()
                : first.getIdentifier();
        return new ConcurrencyException("A concurrent change was committed first for " + target, cause);
    }

    /**
     * The position of the last event appended by this thread since the previous call, or 0 if
     * none; the command side answers it as the command's {@code position}.
     */
    public long takeLastAppendedPosition() {
        Long position = lastAppended.get();
        lastAppended.remove();
        return position == null ? 0 : position;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document doc = CommitCodec.eventDocument(snapshot, serializer);
        doc.put(CommitCodec.ID, snapshot.getAggregateIdentifier());
        try {
            // Only ever replaces an older snapshot: a newer one already stored makes the filter miss
            // and the upsert collide on _id, which is ignored.
            snapshots.replaceOne(and(eq(CommitCodec.ID, snapshot.getAggregateIdentifier()),
                                     lt("seq", snapshot.getSequenceNumber())),
                                 doc, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw new EventStoreException("Could not store snapshot of " + snapshot.getAggregateIdentifier(), e);
            }
        }
    }

    // ---------------------------------------------------------------- reading one aggregate

    /**
     * All events of the aggregate from {@code firstSequenceNumber}, in sequence order. Reads through
     * the unique stream-key index in windows of sequence numbers, so it stays an index lookup on
     * every server; it returns the whole remainder of the stream regardless of {@code batchSize}.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                    long firstSequenceNumber, int batchSize) {
        List<DomainEventData<?>> result = new ArrayList<>();
        long next = firstSequenceNumber;
        while (true) {
            long from = next;
            List<String> keys = LongStream.range(from, from + STREAM_WINDOW)
                                          .mapToObj(seq -> CommitCodec.streamKey(aggregateIdentifier, seq))
                                          .toList();
            // Keyed by _id: a commit holding several of the keys may come back once per key.
            Map<Long, Document> found = new HashMap<>();
            commits.find(in(CommitCodec.STREAMS, keys)).forEach(doc -> found.put(doc.getLong(CommitCodec.ID), doc));
            List<TrackedDomainEventData<String>> events = found.values().stream()
                    .flatMap(doc -> CommitCodec.trackedEvents(doc).stream())
                    .filter(e -> aggregateIdentifier.equals(e.getAggregateIdentifier()) && e.getSequenceNumber() >= from)
                    .sorted(Comparator.comparingLong(TrackedDomainEventData::getSequenceNumber))
                    .toList();
            if (events.isEmpty()) {
                return result;
            }
            result.addAll(events);
            next = events.get(events.size() - 1).getSequenceNumber() + 1;
            if (next < from + STREAM_WINDOW) {
                // Sequences are contiguous: had `next` existed, this window would have found it.
                return result;
            }
        }
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<? extends DomainEventData<?>> events = fetchDomainEvents(aggregateIdentifier, 0, Integer.MAX_VALUE);
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1).getSequenceNumber());
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document doc = snapshots.find(eq(CommitCodec.ID, aggregateIdentifier)).first();
        if (doc == null) {
            return Stream.empty();
        }
        doc.put("agg", aggregateIdentifier);
        return Stream.of(CommitCodec.entry(doc));
    }

    // ---------------------------------------------------------------- reading the global log

    /**
     * Committed events after {@code lastToken}, in position order, with no position skipped.
     * Looks positions up by {@code _id $in [...]} windows (an index lookup on every server), stops
     * at the first reserved-but-unwritten position and fences it once it has been abandoned longer
     * than the timeout.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long expected = positionAfter(lastToken);
        List<TrackedEventData<?>> result = new ArrayList<>();
        int window = Math.max(batchSize, 16);
        while (result.size() < batchSize) {
            long windowEnd = expected + window;
            Map<Long, Document> byId = commitsAt(expected, window);
            while (byId.containsKey(expected)) {
                Document commit = byId.get(expected);
                result.addAll(CommitCodec.trackedEvents(commit));
                expected = commit.getLong(CommitCodec.LAST) + 1;
            }
            if (expected >= windowEnd) {
                continue;
            }
            // `expected` lies inside the window and is not written: hand over what was read, and
            // look at the hole itself only when there is nothing before it to deliver.
            if (!result.isEmpty() || !resolveGap(expected, byId)) {
                break;
            }
        }
        if (!result.isEmpty()) {
            advanceKnownHead(expected - 1);
        }
        return result;
    }

    private static long positionAfter(TrackingToken token) {
        if (token == null) {
            return 1;
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex() + 1;
        }
        throw new IllegalArgumentException("Unsupported token type " + token.getClass().getName());
    }

    private Map<Long, Document> commitsAt(long from, int window) {
        List<Long> ids = LongStream.range(from, from + window).boxed().toList();
        Map<Long, Document> byId = new HashMap<>();
        for (Document doc : commits.find(in(CommitCodec.ID, ids))) {
            byId.put(doc.getLong(CommitCodec.ID), doc);
        }
        return byId;
    }

    /**
     * {@code position} is not written. If it is not reserved either, the log simply ends there.
     * If it is reserved, wait; once it has stayed unwritten past the abandon timeout, fence every
     * slot from it up to the next written commit that was already reserved when the gap was first
     * seen. Answers whether the reader should look again now.
     */
    private boolean resolveGap(long position, Map<Long, Document> window) {
        long nextWritten = window.keySet().stream().filter(id -> id > position).min(Long::compare).orElse(Long.MAX_VALUE);
        long reservedEnd = nextWritten != Long.MAX_VALUE ? nextWritten : reservedEnd();
        if (reservedEnd <= position) {
            gaps.remove(position);
            return false;
        }
        GapObservation gap = gaps.computeIfAbsent(position, p -> new GapObservation(nanoTime.getAsLong(), reservedEnd));
        if (nanoTime.getAsLong() - gap.firstSeenNanos() < abandonTimeout.toNanos()) {
            return false;
        }
        Document written = commits.find(gt(CommitCodec.ID, position)).sort(Indexes.ascending(CommitCodec.ID)).first();
        long fenceEnd = Math.min(gap.reservedEnd(), written == null ? Long.MAX_VALUE : written.getLong(CommitCodec.ID));
        fence(position, fenceEnd);
        gaps.remove(position);
        return true;
    }

    /**
     * Fences slots in order from {@code from}, stopping at the first one already taken: that is a
     * commit (or another reader's fence) and the caller re-reads it. Fencing in order never puts a
     * fence inside a commit: every slot after a fenced reservation start belongs either to that dead
     * reservation or to the next reservation, whose start is fenced next.
     */
    private void fence(long from, long toExclusive) {
        log.warn("Fencing positions [{}, {}) reserved but unwritten for more than {}", from, toExclusive, abandonTimeout);
        for (long position = from; position < toExclusive; position++) {
            try {
                commits.insertOne(CommitCodec.fence(position, position, clock.instant()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw new EventStoreException("Could not fence abandoned position " + position, e);
                }
                return;
            }
        }
    }

    // ---------------------------------------------------------------- positions

    /**
     * The position up to which every slot is written: a reader starting from 0 can read everything
     * up to and including it without waiting. 0 for an empty store.
     */
    public long headPosition() {
        long head = knownContiguousHead;
        while (true) {
            Map<Long, Document> byId = commitsAt(head + 1, 1000);
            long expected = head + 1;
            while (byId.containsKey(expected)) {
                expected = byId.get(expected).getLong(CommitCodec.LAST) + 1;
            }
            if (expected - 1 == head) {
                advanceKnownHead(head);
                return head;
            }
            head = expected - 1;
        }
    }

    private void advanceKnownHead(long position) {
        synchronized (gaps) {
            if (position > knownContiguousHead) {
                knownContiguousHead = position;
            }
        }
    }

    @Override
    public TrackingToken createHeadToken() {
        long head = headPosition();
        return head == 0 ? null : new GlobalSequenceTrackingToken(head);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    /** Builds a {@link MongoEventStorageEngine}; the database and serializers are required. */
    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private String collectionPrefix = "";
        private Duration abandonTimeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** Prefix of the three collections ({@code events}, {@code event_positions}, {@code snapshots}). */
        public Builder collectionPrefix(String collectionPrefix) {
            this.collectionPrefix = Objects.requireNonNull(collectionPrefix);
            return this;
        }

        /** How long a reserved position may stay unwritten before readers fence it. */
        public Builder abandonTimeout(Duration abandonTimeout) {
            this.abandonTimeout = Objects.requireNonNull(abandonTimeout);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder snapshotFilter(org.axonframework.eventsourcing.snapshotting.SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("The MongoDatabase is a hard requirement and should be provided");
            }
        }

        public MongoEventStorageEngine build() {
            return new MongoEventStorageEngine(this);
        }
    }
}
