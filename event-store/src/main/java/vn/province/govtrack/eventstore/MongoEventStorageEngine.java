package vn.province.govtrack.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * An Axon {@code EventStorageEngine} on MongoDB with a dense, totally ordered global position,
 * atomic commits and per-aggregate optimistic concurrency, without multi-document transactions.
 *
 * <p>Contract (see docs/adr/0001-event-store.md for the reasoning):
 * <ul>
 *   <li>Every event has a global position, starting at 1. An {@code appendEvents} call writes all its
 *       events as one document at the positions right after the head of the log, claiming each
 *       position under the store's unique index in the same insert: readers see all of a commit or
 *       none of it, and two commits can never hold the same position. A writer that finds its
 *       positions taken by another commit claims the next free ones.</li>
 *   <li>The log has no holes: a commit is written only right after the last written position, so a
 *       reader that meets an unwritten position has reached the end of the log. It never skips a
 *       position.</li>
 *   <li>Two commits can never hold the same sequence number of one aggregate (a unique multikey
 *       index on the commits' stream keys); the loser gets {@link ConcurrencyException}
 *       (or {@link AggregateStreamCreationException} when both tried to create the aggregate).</li>
 *   <li>Tracking tokens are {@link GlobalSequenceTrackingToken}s whose index is the position, so
 *       Axon's replay status and progress work.</li>
 * </ul>
 * A commit appended inside a unit of work (Axon appends a command's events in its root unit of work's
 * prepare-commit phase, on the thread that commits it, whichever command bus dispatched the command)
 * records its last position in that root unit of work, where {@link #lastAppendedPosition} reads it
 * until the unit of work ends.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    /** The metadata entry that carries a commit's key unless the builder names another. */
    public static final String DEFAULT_COMMIT_KEY_METADATA = "idempotencyKey";

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);
    private static final String COUNTER_ID = "global";
    /** The root unit of work's resource holding the last position its commits reached. */
    private static final String LAST_APPENDED = MongoEventStorageEngine.class.getName() + ".lastAppendedPosition";
    /** How often a writer claims the next free positions after another commit took its own, before it gives up. */
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
    private static final int LAYOUT_WINDOW = 1000;
    private static final String LAYOUT_ID = "layout";
    private static final int LAYOUT_VERSION = 4;

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> layout;
    private final Clock clock;
    private final String commitKeyMetaData;
    private final Object headLock = new Object();
    private volatile long knownContiguousHead;
    private final GroupAppender appender;
    private final LogReader logReader;
    private final AuditCheckpoints auditCheckpoints;
    private final AppendObserver appendObserver;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        String prefix = builder.collectionPrefix;
        // Majority writes and reads: an event a reader has seen can never be rolled back on a replica set.
        this.commits = database.getCollection(prefix + "events")
                               .withWriteConcern(WriteConcern.MAJORITY)
                               .withReadConcern(ReadConcern.MAJORITY);
        this.layout = database.getCollection(prefix + "event_positions").withWriteConcern(WriteConcern.MAJORITY);
        this.snapshots = database.getCollection(prefix + "snapshots").withWriteConcern(WriteConcern.MAJORITY);
        this.clock = builder.clock;
        this.commitKeyMetaData = builder.commitKeyMetaData;
        this.appendObserver = builder.appendObserver;
        this.logReader = new LogReader(commits);
        this.auditCheckpoints = new AuditCheckpoints(database, prefix);
        ensureIndexes(commits);
        upgradeLayout();
        advanceKnownHead(logReader.searchHead());
        this.appender = new GroupAppender(commits, () -> knownContiguousHead, this::headPosition, logReader::tipAt, clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the one secondary index the store relies on, unique over the commits' keys (aggregate
     * sequences, event identifiers, commit keys); idempotent, run at start-up.
     */
    static void ensureIndexes(MongoCollection<Document> commits) {
        commits.createIndex(Indexes.ascending(CommitCodec.STREAMS),
                            new IndexOptions().unique(true).name("unique_stream_sequence"));
    }

    // ---------------------------------------------------------------- writing

    /**
     * Appends the events as one commit, written by {@link GroupAppender} in one insert with the
     * commits of concurrent appenders. Refuses, appending nothing: a sequence of an aggregate that
     * is already stored or appears twice among the events, an event identifier already stored or
     * repeated ({@link ConcurrencyException}, or {@link AggregateStreamCreationException} when the
     * first event creates its aggregate; through the persistence exception resolver, as Axon's other
     * engines do), and a commit key already used ({@link CommitKeyUsedException}). Each commit written is
     * reported to the builder's {@link AppendObserver}; a refused one is not.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<Document> eventDocuments = events.stream().map(e -> CommitCodec.eventDocument(e, serializer)).toList();
        Optional<List<String>> streamKeys = CommitCodec.streamKeys(eventDocuments);
        if (streamKeys.isEmpty()) {
            handlePersistenceException(new DuplicateInCommitException(), events.get(0));
        }
        String key = commitKey(events);
        long first;
        try {
            first = appender.append(new GroupAppender.Pending(eventDocuments, streamKeys.get(), key));
        } catch (MongoWriteException e) {
            // the commit's positions were free, so a sequence, an identifier or the commit key was taken
            if (key != null && e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                Optional<KeyedCommit> earlier = commitWithKey(key);
                if (earlier.isPresent()) {
                    throw new CommitKeyUsedException(key, earlier.get().lastPosition(), e);
                }
            }
            handlePersistenceException(e, events.get(0));
            return;
        }
        long last = first + eventDocuments.size() - 1;
        recordInUnitOfWork(last);
        // everything before `first` was written when the appender chose it, and so is `first..last` now
        advanceKnownHead(last);
        appendObserver.committed(eventDocuments.size(), System.nanoTime() - started);
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

    /** The value of the counter engines before layout 3 reserved positions from; 0 without one. */
    private long legacyCounter() {
        Document counter = layout.find(eq(CommitCodec.ID, COUNTER_ID)).first();
        return counter == null ? 0 : counter.getLong("next");
    }

    /**
     * The global position of the last event appended while {@code unitOfWork}'s root was current, if any
     * was: for a command, its commit's last position (an event store may append a commit in several
     * rounds, when handlers publish more events while it is prepared; this is the last of them). Nested
     * units of work commit in their root, so the answer is the root's: known from the root's
     * prepare-commit phase on (its after-commit handlers read it) until the unit of work ends.
     */
    public static OptionalLong lastAppendedPosition(UnitOfWork<?> unitOfWork) {
        Object position = unitOfWork.root().getResource(LAST_APPENDED);
        return position == null ? OptionalLong.empty() : OptionalLong.of((Long) position);
    }

    /** Records {@code last} in the current root unit of work for {@link #lastAppendedPosition}; outside one, nothing. */
    private static void recordInUnitOfWork(long last) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources()
                             .merge(LAST_APPENDED, last, (earlier, later) -> Math.max((Long) earlier, (Long) later));
        }
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

    /**
     * The events of several aggregates, each in sequence order, read together; aggregates without
     * events are absent from the answer. Made for the aggregates of one commit (a batch of the history
     * import), which it reads in three queries whatever their number: the first aggregate's next key
     * alone, whose commit continues every aggregate it holds; then, once a key finds nothing, every
     * remaining aggregate's next key at once, which finds nothing for the aggregates that end there.
     * Asking all the keys at once from the start would cost mongo-java-server a full read of a large
     * commit for every key it holds (it loads a document once per matching key, before any
     * projection). Index lookups on every server.
     */
    public Map<String, List<DomainEventMessage<?>>> readStreams(Collection<String> aggregateIdentifiers) {
        Map<String, List<DomainEventData<?>>> read = new LinkedHashMap<>();
        Map<String, Long> next = new LinkedHashMap<>();
        aggregateIdentifiers.forEach(id -> next.put(id, 0L));
        while (!next.isEmpty()) {
            Map.Entry<String, Long> probe = next.entrySet().iterator().next();
            Collection<Document> probed = commitsHolding(List.of(CommitCodec.streamKey(probe.getKey(), probe.getValue())));
            if (!probed.isEmpty()) {
                continueStreams(probed, next, read, false);
                continue;
            }
            next.remove(probe.getKey());
            List<String> keys = next.entrySet().stream()
                                    .map(entry -> CommitCodec.streamKey(entry.getKey(), entry.getValue())).toList();
            if (!keys.isEmpty()) {
                continueStreams(commitsHolding(keys), next, read, true);
            }
        }
        Map<String, List<DomainEventMessage<?>>> streams = new LinkedHashMap<>();
        read.forEach((id, events) -> streams.put(id, EventStreamUtils.upcastAndDeserializeDomainEvents(
                events.stream(), getEventSerializer(), upcasterChain).asStream().<DomainEventMessage<?>>map(e -> e)
                .toList()));
        return streams;
    }

    /**
     * Adds to {@code read} each pending aggregate's events in {@code commits} that continue its stream,
     * advancing {@code next}; with {@code askedAll}, the commits answer every pending aggregate's next
     * key, so an aggregate they do not continue has no more events and leaves {@code next}.
     */
    private static void continueStreams(Collection<Document> commits, Map<String, Long> next,
                                        Map<String, List<DomainEventData<?>>> read, boolean askedAll) {
        Map<String, Map<Long, DomainEventData<?>>> found = new HashMap<>();
        for (Document commit : commits) {
            for (TrackedDomainEventData<String> event : CommitCodec.trackedEvents(commit)) {
                Long wanted = next.get(event.getAggregateIdentifier());
                if (wanted != null && event.getSequenceNumber() >= wanted) {
                    found.computeIfAbsent(event.getAggregateIdentifier(), id -> new HashMap<>())
                         .put(event.getSequenceNumber(), event);
                }
            }
        }
        for (Iterator<Map.Entry<String, Long>> pending = next.entrySet().iterator(); pending.hasNext(); ) {
            Map.Entry<String, Long> aggregate = pending.next();
            Map<Long, DomainEventData<?>> events = found.getOrDefault(aggregate.getKey(), Map.of());
            long sequence = aggregate.getValue();
            // Only the run that continues the stream: a later run may have come with another aggregate's commit.
            while (events.containsKey(sequence)) {
                read.computeIfAbsent(aggregate.getKey(), id -> new ArrayList<>()).add(events.get(sequence));
                sequence++;
            }
            if (sequence != aggregate.getValue()) {
                aggregate.setValue(sequence);
            } else if (askedAll) {
                pending.remove();
            }
        }
    }

    /** The commits that hold any of {@code keys}, each once (mongo-java-server answers one once per key). */
    private Collection<Document> commitsHolding(List<String> keys) {
        Map<Long, Document> byId = new HashMap<>();
        commits.find(in(CommitCodec.STREAMS, keys)).forEach(doc -> byId.put(doc.getLong(CommitCodec.ID), doc));
        return byId.values();
    }

    /** Whether the aggregate has any event: one indexed lookup of its first sequence's key. */
    public boolean hasStream(String aggregateIdentifier) {
        return commits.find(eq(CommitCodec.STREAMS, CommitCodec.streamKey(aggregateIdentifier, 0)))
                      .projection(Projections.include(CommitCodec.ID)).first() != null;
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
     * Looks positions up by {@code _id $in [...]} windows (an index lookup on every server) and stops
     * at the first unwritten position, the end of the log.
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
            // check the position would look like the end of the log, and the rest of the commit would
            // be skipped. (The known head is always a commit's last position, so a reader that follows
            // the head needs no look back.)
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
            // An unwritten position inside the window is the end of the log: nothing is ever written past one.
            if (result.size() >= batchSize || expected < windowEnd) {
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
        // every commit starting at or below the contiguous head ends there too: none holds a later position
        if (position > headPosition()) {
            return Optional.empty();
        }
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

    // ---------------------------------------------------------------- the log as stored, for auditors

    /** The log as stored, read without deserialisation (ADR 0010). */
    public LogReader logReader() {
        return logReader;
    }

    /** The log's signed checkpoints. */
    public AuditCheckpoints auditCheckpoints() {
        return auditCheckpoints;
    }

    /**
     * Verifies the whole log from position 1 up to the head, and every stored checkpoint under
     * {@code trustedKey} (the published key; null checks no checkpoint, and then a rewrite of the whole
     * log with recomputed hashes goes unnoticed).
     */
    public VerificationResult verifyLog(PublicKey trustedKey, ChainVerifier.Progress progress) {
        return ChainVerifier.verifyStored(logReader, auditCheckpoints, 1, Long.MAX_VALUE, headPosition(), trustedKey,
                                          progress);
    }

    // ---------------------------------------------------------------- positions

    /**
     * The position up to which every slot is written: a reader starting from 0 can read everything
     * up to and including it without waiting. 0 for an empty store.
     */
    public long headPosition() {
        long head = logReader.headFrom(knownContiguousHead);
        advanceKnownHead(head);
        return head;
    }

    /**
     * The last position the store had recorded at {@code instant}: the end of the last commit whose
     * recording time ({@code committedAt}) is at or before it, 0 if none is. Reports "as known at" an
     * instant read the log up to this position. Recording times never decrease along the log: the writer
     * guarantees it, recording each commit at the later of its clock and the previous commit's time (so a
     * clock that goes back cannot break the order; layout 4), and a binary search over the positions up
     * to the head finds it in about 2 log2(head) indexed lookups of one small projection each.
     *
     * <p>A commit or void slot without a recording time (possible in stores from before recording times)
     * counts as recorded before any instant: it predates the recording times after it. The recording
     * times of commits written before layout 4, and of the void slots the layout 3 upgrade made, come from
     * the clocks of several writers and may decrease along the log, so over that part of an upgraded store
     * the answer, and a report "as known at" an instant, is approximate.
     */
    public long positionRecordedBy(Instant instant) {
        if (instant.isBefore(Instant.EPOCH)) {
            return 0;
        }
        Date limit = Date.from(instant);
        long recorded = 0;
        long unrecorded = headPosition() + 1;
        while (unrecorded - recorded > 1) {
            long middle = recorded + (unrecorded - recorded) / 2;
            Document commit = commits.find(eq(CommitCodec.STREAMS, CommitCodec.positionKey(middle)))
                                     .projection(Projections.include(CommitCodec.ID, CommitCodec.LAST,
                                                                     CommitCodec.COMMITTED_AT))
                                     .first();
            Date recordedAt = commit == null ? null : commit.getDate(CommitCodec.COMMITTED_AT);
            if (commit != null && (recordedAt == null || !recordedAt.after(limit))) {
                recorded = Math.max(middle, commit.getLong(CommitCodec.LAST));
            } else {
                unrecorded = commit == null ? middle : commit.getLong(CommitCodec.ID);
            }
        }
        return recorded;
    }

    /**
     * When the commit holding {@code position} was recorded; empty for a position not written yet, and for
     * a commit or void slot without a recording time (stores from before recording times). One indexed
     * lookup of one small projection.
     */
    public Optional<Instant> recordedAt(long position) {
        Document commit = commits.find(eq(CommitCodec.STREAMS, CommitCodec.positionKey(position)))
                                 .projection(Projections.include(CommitCodec.COMMITTED_AT))
                                 .first();
        return Optional.ofNullable(commit).map(found -> found.getDate(CommitCodec.COMMITTED_AT)).map(Date::toInstant);
    }

    private void advanceKnownHead(long position) {
        synchronized (headLock) {
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
     * Repairs what engines before layout 3 could leave in a store, once per store, before this engine
     * reads or writes (several instances may do it at once: every step is idempotent). It walks the
     * log in position order, as a reader from the first event does.
     *
     * <p>Stray void slots (layout 2 repairs them): a reader whose token lay inside a commit took the
     * next position for a hole and, after the abandon timeout, fenced the rest of that commit one
     * slot at a time. Each void slot that lies inside a commit is deleted.
     *
     * <p>Unwritten reservations (layout 3): engines before it reserved positions from a counter before
     * writing, and a writer that died in between left a hole that a reader fenced only when it came
     * by. Layout 3 writes at the head of the log and has no holes, so every position up to the old
     * counter that holds nothing becomes a void slot now. Every instance of an older engine must be
     * stopped first: one still writing would find its reservation taken and its command refused.
     *
     * <p>Chain hashes (layout 4): every commit and void slot written before it gets its chain hash and
     * every event its digest ({@link #chainLog()}).
     */
    private void upgradeLayout() {
        Document recorded = layout.find(eq(CommitCodec.ID, LAYOUT_ID)).first();
        int version = recorded == null ? 0 : ((Number) recorded.get("version")).intValue();
        if (version >= LAYOUT_VERSION) {
            return;
        }
        if (version < 3) {
            repairReservations();
        }
        chainLog();
        recordCurrentLayout(layout);
    }

    /** Records that the store in {@code layout}'s database is of this engine's layout (never lowers it). */
    static void recordCurrentLayout(MongoCollection<Document> layout) {
        layout.updateOne(eq(CommitCodec.ID, LAYOUT_ID), Updates.max("version", LAYOUT_VERSION),
                         new UpdateOptions().upsert(true));
    }

    /** Layouts 2 and 3: deletes stray void slots inside commits and makes unwritten reserved positions void. */
    private void repairReservations() {
        long end = legacyCounter() + 1;
        long next = 1;
        int removed = 0;
        int filled = 0;
        // up to the old counter, and on as long as there are commits
        boolean more = true;
        for (long from = 1; from < end || more; from += LAYOUT_WINDOW) {
            List<Document> window = new ArrayList<>(commitsAt(from, LAYOUT_WINDOW).values());
            more = !window.isEmpty();
            window.sort(Comparator.comparingLong(doc -> doc.getLong(CommitCodec.ID)));
            for (Document doc : window) {
                long id = doc.getLong(CommitCodec.ID);
                if (id > next) {
                    filled += voidSlots(next, id - 1);
                }
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
            // a window ends with positions an earlier commit covers, or a hole the next window shows
        }
        if (next < end) {
            filled += voidSlots(next, end - 1);
        }
        if (removed > 0 || filled > 0) {
            log.warn("Store layout 3: removed {} void slots that lay inside commits and made {} unwritten reserved "
                     + "positions void (left by earlier engines; see ADR 0001)", removed, filled);
        }
    }

    /**
     * Layout 4: walks the log once in position order and stores the digest {@code h} of every event and
     * the chain hash {@code hash} of every commit and void slot that lacks them. The values depend on
     * the stored fields alone, so instances doing this at once write the same values, and doing it again
     * changes nothing. A stored hash that differs from the recomputed one means the log was edited: the
     * engine refuses to start, as the store needs an operator (and an auditor). These hashes attest only
     * that nothing changed after the upgrade (ADR 0010).
     */
    private void chainLog() {
        LogDigests digests = new LogDigests();
        byte[] previous = LogDigests.zeroHash();
        long next = 1;
        int chained = 0;
        while (true) {
            Map<Long, Document> window = commitsAt(next, LAYOUT_WINDOW);
            if (!window.containsKey(next)) {
                break;
            }
            List<UpdateOneModel<Document>> updates = new ArrayList<>();
            for (Document commit; (commit = window.get(next)) != null; next = commit.getLong(CommitCodec.LAST) + 1) {
                byte[] stored = CommitCodec.bytes(commit.get(CommitCodec.HASH));
                List<Document> events = CommitCodec.isFence(commit) ? List.of()
                        : commit.getList(CommitCodec.EVENTS, Document.class);
                List<Boolean> eventHashed = events.stream().map(event -> event.containsKey(CommitCodec.DIGEST)).toList();
                previous = CommitCodec.seal(commit, previous, digests);
                if (stored != null) {
                    if (!Arrays.equals(stored, previous)) {
                        throw new EventStoreException("The chain hash stored with the commit at position " + next
                                                      + " is not the one its contents give: the log was edited;"
                                                      + " the store needs an operator (ADR 0010)");
                    }
                    continue;
                }
                List<Bson> sets = new ArrayList<>();
                for (int i = 0; i < events.size(); i++) {
                    if (!eventHashed.get(i)) {
                        sets.add(Updates.set(CommitCodec.EVENTS + "." + i + "." + CommitCodec.DIGEST,
                                             events.get(i).get(CommitCodec.DIGEST)));
                    }
                }
                sets.add(Updates.set(CommitCodec.HASH, commit.get(CommitCodec.HASH)));
                updates.add(new UpdateOneModel<>(eq(CommitCodec.ID, next), Updates.combine(sets)));
            }
            if (!updates.isEmpty()) {
                commits.bulkWrite(updates, new BulkWriteOptions().ordered(false));
                chained += updates.size();
            }
        }
        if (chained > 0) {
            log.warn("Store layout 4: chained {} commits written before it (their hashes attest only that nothing"
                     + " changed after this upgrade; see ADR 0010)", chained);
        }
    }

    /** Makes positions {@code first..last} void, unless another instance wrote there first; answers how many it made void. */
    private int voidSlots(long first, long last) {
        try {
            commits.insertOne(CommitCodec.fence(first, last, clock.instant()));
            return (int) (last - first + 1);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw new EventStoreException("Could not make positions " + first + ".." + last + " void", e);
            }
            return 0;
        }
    }

    /** Builds a {@link MongoEventStorageEngine}; the database and serializers are required. */
    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private String collectionPrefix = "";
        private Clock clock = Clock.systemUTC();
        private String commitKeyMetaData = DEFAULT_COMMIT_KEY_METADATA;
        private AppendObserver appendObserver = AppendObserver.NONE;

        Builder() {
            persistenceExceptionResolver(MongoEventStorageEngine::isDuplicateKeyViolation);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /**
         * Prefix of the collections ({@code events}, {@code event_positions}, {@code snapshots},
         * {@code audit_checkpoints}).
         */
        public Builder collectionPrefix(String collectionPrefix) {
            this.collectionPrefix = Objects.requireNonNull(collectionPrefix);
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

        /** Told of every commit written; {@link AppendObserver#NONE} by default. */
        public Builder appendObserver(AppendObserver appendObserver) {
            this.appendObserver = Objects.requireNonNull(appendObserver);
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
