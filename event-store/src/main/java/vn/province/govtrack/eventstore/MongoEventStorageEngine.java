package vn.province.govtrack.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;
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
import com.mongodb.client.model.UpdateOptions;
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

    /** The metadata entry that carries a commit's key unless the builder names another. */
    public static final String DEFAULT_COMMIT_KEY_METADATA = "idempotencyKey";

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);
    private static final String COUNTER_ID = "global";
    private static final int MAX_FENCED_RETRIES = 5;
    /**
     * Lookups by key start with {@value #FIRST_WINDOW} keys and double, up to {@value #STREAM_WINDOW} for
     * an aggregate's stream and the batch size for the log, while each window turns out full. On
     * mongo-java-server every key of an {@code $in} costs an index lookup that serializes the key
     * (measured: lookups were 47% of its CPU while seeding the demo, most of them for positions and
     * sequences that did not exist yet), so a reader at the head of the log, or of a short stream, asks
     * for a few keys only. On MongoDB it spares the index as well.
     */
    private static final int FIRST_WINDOW = 8;
    private static final int STREAM_WINDOW = 64;
    private static final int HEAD_WINDOW = 1024;
    private static final int LAYOUT_WINDOW = 1000;
    private static final String LAYOUT_ID = "layout";
    private static final int LAYOUT_VERSION = 2;

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> counters;
    private final Duration abandonTimeout;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final String commitKeyMetaData;
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
        this.commitKeyMetaData = builder.commitKeyMetaData;
        ensureIndexes();
        upgradeLayout();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the one secondary index the store relies on, unique over the commits' keys (aggregate
     * sequences, event identifiers, commit keys); idempotent, run at start-up.
     */
    private void ensureIndexes() {
        commits.createIndex(Indexes.ascending(CommitCodec.STREAMS),
                            new IndexOptions().unique(true).name("unique_stream_sequence"));
    }

    // ---------------------------------------------------------------- writing

    /**
     * Appends the events as one commit. Refuses, appending nothing: a sequence of an aggregate that
     * is already stored or appears twice among the events, an event identifier already stored or
     * repeated ({@link ConcurrencyException}, or {@link AggregateStreamCreationException} when the
     * first event creates its aggregate; through the persistence exception resolver, as Axon's other
     * engines do), and a commit key already used ({@link CommitKeyUsedException}).
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> eventDocuments = events.stream().map(e -> CommitCodec.eventDocument(e, serializer)).toList();
        Optional<List<String>> streamKeys = CommitCodec.streamKeys(eventDocuments);
        if (streamKeys.isEmpty()) {
            handlePersistenceException(new DuplicateInCommitException(), events.get(0));
        }
        String key = commitKey(events);
        for (int attempt = 1; attempt <= MAX_FENCED_RETRIES; attempt++) {
            long first = reservePositions(eventDocuments.size());
            try {
                commits.insertOne(CommitCodec.commit(first, eventDocuments, streamKeys.get(), key, clock.instant()));
                lastAppended.set(first + eventDocuments.size() - 1);
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY && isFenced(first)) {
                    log.warn("Reservation at position {} was fenced by a reader after {}; retrying with a new one",
                             first, abandonTimeout);
                    continue;
                }
                voidReservation(first, eventDocuments.size());
                if (key != null && e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    Optional<KeyedCommit> earlier = commitWithKey(key);
                    if (earlier.isPresent()) {
                        throw new CommitKeyUsedException(key, earlier.get().lastPosition(), e);
                    }
                }
                handlePersistenceException(e, events.get(0));
            }
        }
        throw new EventStoreException("Commit was fenced " + MAX_FENCED_RETRIES + " times in a row; giving up");
    }

    /** The commit key the events carry in their metadata, or null; all events of a commit must agree. */
    private String commitKey(List<? extends EventMessage<?>> events) {
        if (commitKeyMetaData == null) {
            return null;
        }
        Set<Object> keys = events.stream().map(e -> e.getMetaData().get(commitKeyMetaData))
                                 .collect(Collectors.toCollection(HashSet::new));
        if (keys.size() != 1) {
            throw new EventStoreException("The events of one commit carry different values of '" + commitKeyMetaData
                                          + "': " + keys);
        }
        Object key = keys.iterator().next();
        return key == null ? null : key.toString();
    }

    /** Whether {@code e} is a violation of one of the store's unique keys; the default persistence exception resolver. */
    static boolean isDuplicateKeyViolation(Exception e) {
        return e instanceof DuplicateInCommitException
                || e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /** Two events of one commit claim the same aggregate sequence or share an identifier. */
    private static final class DuplicateInCommitException extends RuntimeException {
        DuplicateInCommitException() {
            super("Two events of one commit claim the same aggregate sequence or share an identifier", null, false, false);
        }
    }

    /**
     * The commit recorded under {@code key}, with its events as stored (upcast and deserialized),
     * if any. An index lookup on every server.
     */
    public Optional<KeyedCommit> commitWithKey(String key) {
        Document commit = commits.find(eq(CommitCodec.STREAMS, CommitCodec.commitKey(key))).first();
        if (commit == null) {
            return Optional.empty();
        }
        List<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(
                CommitCodec.trackedEvents(commit).stream(), getEventSerializer(), upcasterChain).toList();
        return Optional.of(new KeyedCommit(commit.getLong(CommitCodec.ID), commit.getLong(CommitCodec.LAST), events));
    }

    /**
     * A commit made under a commit key: its first and last global position and its events.
     *
     * @param events the commit's events in position order, as readers see them
     */
    public record KeyedCommit(long firstPosition, long lastPosition, List<TrackedEventMessage<?>> events) {
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
        commits.insertOne(CommitCodec.commit(first, docs, CommitCodec.streamKeys(docs).orElseThrow(), null, clock.instant()));
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
        int window = FIRST_WINDOW;
        while (true) {
            long from = next;
            int size = window;
            List<String> keys = LongStream.range(from, from + size)
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
            if (next < from + size) {
                // Sequences are contiguous: had `next` existed, this window would have found it.
                return result;
            }
            window = Math.min(window * 2, STREAM_WINDOW);
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
        int maxWindow = Math.max(batchSize, FIRST_WINDOW);
        // Behind the known head the positions exist: read a batch's worth at once. At the head, a few.
        int window = expected <= knownContiguousHead
                ? (int) Math.min(maxWindow, knownContiguousHead - expected + 1 + FIRST_WINDOW)
                : FIRST_WINDOW;
        Map<Long, Document> byId = commitsAt(expected, window);
        if (!byId.containsKey(expected) && expected - 1 != knownContiguousHead) {
            // The token may lie inside a commit (a processor stores its token at the end of each batch,
            // and a batch may end mid-commit): deliver the rest of that commit first. Without this
            // check the position would look like a hole, and fencing it would skip the rest for good.
            // (The known head is always a commit's last position, so a reader that follows the head
            // needs no look back.)
            Optional<Document> containing = commitContaining(expected);
            if (containing.isPresent()) {
                result.addAll(CommitCodec.trackedEvents(containing.get(), expected));
                expected = containing.get().getLong(CommitCodec.LAST) + 1;
                byId = commitsAt(expected, window);
            }
        }
        while (true) {
            long windowEnd = expected + window;
            while (byId.containsKey(expected)) {
                Document commit = byId.get(expected);
                result.addAll(CommitCodec.trackedEvents(commit));
                expected = commit.getLong(CommitCodec.LAST) + 1;
            }
            boolean holeInWindow = expected < windowEnd;
            // At a hole, hand over what was read, and look at the hole itself only when there is
            // nothing before it to deliver.
            if (result.size() >= batchSize || holeInWindow && (!result.isEmpty() || !resolveGap(expected, byId))) {
                break;
            }
            window = Math.min(window * 2, maxWindow);
            byId = commitsAt(expected, window);
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

    /**
     * The commit that holds {@code position} without starting there, if any. Looks backwards from
     * the position in {@code _id $in} windows for the nearest commit or void slot: every position
     * below a delivered one is written, so the nearest document below is found within the length of
     * one commit.
     */
    private Optional<Document> commitContaining(long position) {
        for (long to = position; to > 1; to -= STREAM_WINDOW) {
            long from = Math.max(1, to - STREAM_WINDOW);
            Optional<Document> nearest = commitsAt(from, (int) (to - from)).values().stream()
                    .max(Comparator.comparingLong(doc -> doc.getLong(CommitCodec.ID)));
            if (nearest.isPresent()) {
                return nearest.filter(doc -> doc.getLong(CommitCodec.LAST) >= position);
            }
        }
        return Optional.empty();
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
        int window = FIRST_WINDOW;
        while (true) {
            Map<Long, Document> byId = commitsAt(head + 1, window);
            window = Math.min(window * 2, HEAD_WINDOW);
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

    /**
     * The token just before the first event, in position order, whose timestamp is at or after
     * {@code dateTime}: a reader from it reads that event and everything after it, including later
     * positions with earlier timestamps. The head token if no event is that late. Never beyond the
     * contiguous head, so a reader from it cannot skip a commit still being written.
     *
     * <p>Commits whose latest timestamp ({@code maxTs}) is earlier are skipped unread; commits
     * written before the engine stored {@code maxTs} are read and compared event by event.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long head = headPosition();
        Bson mayHoldLaterEvent = or(gte(CommitCodec.MAX_TS, Date.from(dateTime)),
                                    and(exists(CommitCodec.MAX_TS, false), ne(CommitCodec.FENCE, true)));
        for (Document commit : commits.find(mayHoldLaterEvent).sort(Indexes.ascending(CommitCodec.ID))) {
            long position = commit.getLong(CommitCodec.ID);
            if (position > head) {
                break;
            }
            for (Document event : commit.getList(CommitCodec.EVENTS, Document.class)) {
                if (!CommitCodec.timestamp(event).isBefore(dateTime)) {
                    return new GlobalSequenceTrackingToken(position - 1);
                }
                position++;
            }
        }
        return new GlobalSequenceTrackingToken(head);
    }

    // ---------------------------------------------------------------- layout

    /**
     * Repairs what engines before layout 2 could leave in a store, once per store (several instances
     * may run it at once: every step is idempotent).
     *
     * <p>Stray fences: a reader whose token lay inside a commit took the next position for a hole and,
     * after the abandon timeout, fenced the rest of that commit one slot at a time. Readers from the
     * commit's start never saw those fences (they jump from a commit to its {@code last}), but a reader
     * resuming inside the commit stopped at them, and the audit log listed them as void slots over
     * positions that hold events. Each is deleted. A void slot or commit that lies inside another
     * commit is found by walking the log in position order, as a reader does from the first event.
     */
    private void upgradeLayout() {
        if (counters.find(and(eq(CommitCodec.ID, LAYOUT_ID), gte("version", LAYOUT_VERSION))).first() != null) {
            return;
        }
        long end = reservedEnd();
        long next = 1;
        int removed = 0;
        for (long from = 1; from < end; from += LAYOUT_WINDOW) {
            List<Document> window = new ArrayList<>(commitsAt(from, LAYOUT_WINDOW).values());
            window.sort(Comparator.comparingLong(doc -> doc.getLong(CommitCodec.ID)));
            for (Document doc : window) {
                long id = doc.getLong(CommitCodec.ID);
                if (id >= next) {
                    next = doc.getLong(CommitCodec.LAST) + 1;
                } else if (CommitCodec.isFence(doc)) {
                    commits.deleteOne(and(eq(CommitCodec.ID, id), eq(CommitCodec.FENCE, true)));
                    removed++;
                } else {
                    throw new EventStoreException("Commit at position " + id + " overlaps the commit before it, which"
                                                  + " ends at " + (next - 1) + "; the store needs an operator");
                }
            }
        }
        if (removed > 0) {
            log.warn("Removed {} void slots that lay inside commits (left by an earlier engine; see ADR 0001)", removed);
        }
        counters.updateOne(eq(CommitCodec.ID, LAYOUT_ID), Updates.max("version", LAYOUT_VERSION),
                           new UpdateOptions().upsert(true));
    }

    /** Builds a {@link MongoEventStorageEngine}; the database and serializers are required. */
    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private String collectionPrefix = "";
        private Duration abandonTimeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;
        private String commitKeyMetaData = DEFAULT_COMMIT_KEY_METADATA;

        Builder() {
            persistenceExceptionResolver(MongoEventStorageEngine::isDuplicateKeyViolation);
        }

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

        /**
         * The metadata entry whose value, when the events of a commit carry one, is recorded as the
         * commit's key: unique across the store, so a second commit with the same key is refused with
         * {@link CommitKeyUsedException}, and {@link #commitWithKey} finds the commit. Defaults to
         * {@value MongoEventStorageEngine#DEFAULT_COMMIT_KEY_METADATA}; null turns commit keys off.
         */
        public Builder commitKeyMetaData(String commitKeyMetaData) {
            this.commitKeyMetaData = commitKeyMetaData;
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
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
