package vn.province.govtrack.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ReadConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * Reads the log as stored, for auditors and {@link ChainVerifier}: no upcasting, no deserialisation.
 * Commits are looked up by {@code _id $in} windows of positions, an index lookup on MongoDB and on
 * mongo-java-server alike (which would scan for a range query), and read lazily, one window at a time
 * (the next two read ahead while the current one is consumed): a province-year of events is never held
 * at once. Close the stream of {@link #read} if it is not read to its end.
 *
 * <p>Unlike a tracking reader, it does not stop at the first unwritten position: a position no commit
 * holds, with commits after it, is what a deleted commit leaves, and the verifier must see it. At a window
 * of positions that holds no commit it looks once for a commit anywhere after it, and goes on from there
 * if there is one: a hole wider than a window (many commits deleted, or one longer than a window) shows
 * as a hole, not as the end of the log. It ends when there is none.
 */
public final class LogReader {

    /** Positions asked per lookup at most, and commits a lookup aims at. */
    static final int WINDOW = 1024;
    static final int COMMITS_PER_WINDOW = 128;
    /** Windows read ahead at once: two, so that a two-core database works on both. */
    private static final int READ_AHEAD = 2;
    /** Daemon threads that read ahead for {@link #read}; an idle one ends after a few seconds. */
    private static final ExecutorService PREFETCH = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "log-reader-prefetch");
                thread.setDaemon(true);
                return thread;
            });
    /** Looking backwards for the commit that holds a position, positions asked per lookup. */
    private static final int BACK_WINDOW = 64;
    /** What a reader needs of a commit: everything but the index keys and the timestamp summary. */
    private static final Bson LOGGED_FIELDS = Projections.exclude(CommitCodec.STREAMS, CommitCodec.MAX_TS);
    private static final Bson EXTENT = Projections.include(CommitCodec.ID, CommitCodec.LAST);
    private static final int FIRST_HEAD_WINDOW = 8;
    private static final int HEAD_WINDOW = 1024;

    private final MongoCollection<Document> commits;

    LogReader(MongoCollection<Document> commits) {
        this.commits = commits;
    }

    /**
     * A reader of the log in {@code database} that writes nothing, for tools that verify a store without
     * running an engine on it (an engine opening a store may upgrade its layout). Reads with majority
     * read concern, as the engine does.
     */
    public static LogReader of(MongoDatabase database, String collectionPrefix) {
        return new LogReader(database.getCollection(collectionPrefix + "events").withReadConcern(ReadConcern.MAJORITY));
    }

    /**
     * The head of the log: the last position up to which every position is written, 0 for an empty log.
     * The log up to it is complete and never changes again (commits are only ever added after it), which
     * makes it the end of a consistent copy taken while writers append. Reads only.
     */
    public long head() {
        return headFrom(searchHead());
    }

    /**
     * The head, walking on from {@code known}, a position up to which every position is known to be
     * written: lookups by {@code _id $in} of {@value #FIRST_HEAD_WINDOW} positions, doubling up to
     * {@value #HEAD_WINDOW} while the log goes on (a reader at the head asks for a few keys only; on
     * mongo-java-server every key of an {@code $in} costs an index lookup).
     */
    long headFrom(long known) {
        long head = known;
        int window = FIRST_HEAD_WINDOW;
        while (true) {
            List<Long> ids = LongStream.range(head + 1, head + 1 + window).boxed().toList();
            TreeMap<Long, Long> lastById = new TreeMap<>();
            for (Document doc : commits.find(in(CommitCodec.ID, ids)).projection(EXTENT)) {
                lastById.put(doc.getLong(CommitCodec.ID), doc.getLong(CommitCodec.LAST));
            }
            window = Math.min(window * 2, HEAD_WINDOW);
            long expected = head + 1;
            while (lastById.containsKey(expected)) {
                expected = lastById.get(expected) + 1;
            }
            if (expected - 1 == head) {
                return head;
            }
            head = expected - 1;
        }
    }

    /**
     * A start for {@link #headFrom}: the head of the log, found in a few dozen lookups however long the
     * log is. Positions are gapless, so "position p is written" holds up to the head and fails after it;
     * doubling p finds a bound, and a binary search between the last written and the first unwritten
     * probe finds the head. Each probe asks the unique index for the position's key, which a commit holds
     * for each of its positions. Commits of stores written before layout 3 hold the key of their first
     * position only, so a probe inside one looks unwritten: the answer is then lower than the head, never
     * higher, and {@link #headFrom} walks on from it.
     */
    long searchHead() {
        long written = 0;
        long writtenEnd = 0;
        long unwritten = 1;
        for (Document commit; (commit = claiming(unwritten)) != null; unwritten *= 2) {
            written = unwritten;
            writtenEnd = commit.getLong(CommitCodec.LAST);
        }
        while (unwritten - written > 1) {
            long middle = written + (unwritten - written) / 2;
            Document commit = claiming(middle);
            if (commit != null) {
                written = middle;
                writtenEnd = commit.getLong(CommitCodec.LAST);
            } else {
                unwritten = middle;
            }
        }
        return writtenEnd;
    }

    /** The commit (or void slot) whose position keys include {@code position}, with its extent only. */
    private Document claiming(long position) {
        return commits.find(eq(CommitCodec.STREAMS, CommitCodec.positionKey(position))).projection(EXTENT).first();
    }

    /**
     * The commits and void slots holding positions {@code from..to}, in position order, read lazily:
     * beginning with the one holding {@code from}, ending with the one holding {@code to} (or the last).
     */
    public Stream<LoggedCommit> read(long from, long to) {
        long start = from <= 1 ? 1 : holding(from).map(doc -> doc.getLong(CommitCodec.ID)).orElse(from);
        Prefetching iterator = new Prefetching(start, to);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED
                                                                                  | Spliterator.NONNULL), false)
                            .onClose(iterator::close);
    }

    /**
     * One window of the log: the commits starting at positions {@code from..from+asked-1}, the position
     * after the last of them ({@code end}), and how wide the next lookup should be: about
     * {@value #COMMITS_PER_WINDOW} commits of the length seen. (mongo-java-server matches each document
     * it finds against every key of the {@code $in}, so a wide window of short commits costs it the
     * square of the width.)
     */
    private record Window(long from, List<LoggedCommit> commits, long end, int nextSize) {
    }

    private Window window(long from, int asked, int size) {
        TreeMap<Long, Document> found = commitsAt(from, asked);
        long end = from;
        List<LoggedCommit> logged = new ArrayList<>(found.size());
        for (Document doc : found.values()) {
            end = Math.max(end, doc.getLong(CommitCodec.LAST) + 1);
            logged.add(CommitCodec.logged(doc));
        }
        int nextSize = found.isEmpty() ? size
                : (int) Math.min(WINDOW, Math.max(1, (end - from) / found.size()) * COMMITS_PER_WINDOW);
        return new Window(from, logged, end, nextSize);
    }

    /**
     * Reads up to {@value #READ_AHEAD} windows ahead on threads of {@link #PREFETCH} while the consumer
     * works through the current one: the database's work, the decoding and the verifier's hashing run at
     * once instead of taking turns. Windows are consecutive ranges of positions; one that lies wholly
     * inside a commit already read holds nothing and is passed over. At an empty one after every commit
     * read it looks once for the first commit after it ({@link #firstFrom}), and ends when there is none.
     */
    private final class Prefetching implements Iterator<LoggedCommit> {
        private final long to;
        private final Deque<Future<Window>> pending = new ArrayDeque<>();
        private Iterator<LoggedCommit> current = List.<LoggedCommit>of().iterator();
        /** The first position no window asked for yet. */
        private long planned;
        /** The position after the last commit read. */
        private long covered;
        private int size = COMMITS_PER_WINDOW;
        private boolean ended;
        /** Whether the first commit after an empty window was looked for already. */
        private boolean probed;

        Prefetching(long start, long to) {
            this.to = to;
            this.planned = start;
            this.covered = start;
            plan();
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !pending.isEmpty()) {
                Window window = await(pending.poll());
                if (window.commits().isEmpty()) {
                    if (window.from() >= covered) {
                        // nothing written here and nothing before it reaches here: the end, or a wide hole
                        Optional<Long> after = probed ? Optional.empty() : firstFrom(window.from());
                        probed = true;
                        if (after.isEmpty() || after.get() > to) {
                            close();
                            return false;
                        }
                        pending.forEach(ahead -> ahead.cancel(true));
                        pending.clear();
                        planned = after.get();
                        covered = after.get();
                    }
                } else {
                    covered = Math.max(covered, window.end());
                    size = window.nextSize();
                }
                current = window.commits().iterator();
                plan();
            }
            return current.hasNext();
        }

        @Override
        public LoggedCommit next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        private void plan() {
            while (!ended && pending.size() < READ_AHEAD) {
                long from = Math.max(planned, covered);
                if (from > to) {
                    return;
                }
                int asked = (int) Math.min(size, to - from + 1);
                int width = size;
                pending.add(PREFETCH.submit(() -> window(from, asked, width)));
                planned = from + asked;
            }
        }

        void close() {
            ended = true;
            pending.forEach(window -> window.cancel(true));
            pending.clear();
        }

        private Window await(Future<Window> window) {
            try {
                return window.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the log", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("Could not read the log", e.getCause());
            }
        }
    }

    /**
     * The commits that hold events of the aggregate, in position order: what a single-stream export
     * carries (the commits between them travel as their chain hashes, {@link #hashBefore}).
     */
    public List<LoggedCommit> streamCommits(String aggregateId) {
        TreeMap<Long, Document> found = new TreeMap<>();
        long next = 0;
        while (true) {
            long from = next;
            List<String> keys = LongStream.range(from, from + WINDOW)
                                          .mapToObj(seq -> CommitCodec.streamKey(aggregateId, seq)).toList();
            long before = next;
            // mongo-java-server answers a commit once per key it holds: keyed by _id
            for (Document doc : commits.find(in(CommitCodec.STREAMS, keys)).projection(LOGGED_FIELDS)) {
                found.put(doc.getLong(CommitCodec.ID), doc);
                for (Document event : doc.getList(CommitCodec.EVENTS, Document.class)) {
                    if (aggregateId.equals(event.getString("agg"))) {
                        next = Math.max(next, ((Number) event.get("seq")).longValue() + 1);
                    }
                }
            }
            // sequences are contiguous: a window not filled is the end of the stream
            if (next == before || next < from + WINDOW) {
                break;
            }
        }
        List<LoggedCommit> result = new ArrayList<>(found.size());
        found.values().forEach(doc -> result.add(CommitCodec.logged(doc)));
        return result;
    }

    /**
     * The chain hash just before {@code position}, which must be the first position of a commit: the
     * stored hash of the commit ending at {@code position - 1}, the zero hash before position 1. As
     * stored, not verified: a verifier from here trusts it.
     */
    public byte[] hashBefore(long position) {
        if (position <= 1) {
            return LogDigests.zeroHash();
        }
        Document commit = holding(position - 1)
                .orElseThrow(() -> new IllegalArgumentException("No commit holds position " + (position - 1)));
        if (commit.getLong(CommitCodec.LAST) != position - 1) {
            throw new IllegalArgumentException("Position " + position + " is inside the commit at "
                                               + commit.getLong(CommitCodec.ID) + ", not the start of a commit");
        }
        byte[] hash = CommitCodec.bytes(commit.get(CommitCodec.HASH));
        if (hash == null) {
            throw new IllegalStateException("The commit ending at " + (position - 1) + " has no chain hash");
        }
        return hash;
    }

    /**
     * The end of the chain at {@code position}, the last position of a commit (the head): that commit's
     * chain hash and recording time, which the next commit is chained to and recorded no earlier than.
     */
    GroupAppender.ChainTip tipAt(long position) {
        if (position == 0) {
            return GroupAppender.ChainTip.EMPTY;
        }
        Document commit = holding(position).orElse(null);
        byte[] hash = commit == null ? null : CommitCodec.bytes(commit.get(CommitCodec.HASH));
        if (hash == null) {
            throw new IllegalStateException("The commit holding position " + position + " has no chain hash: was it"
                                            + " written by an engine before layout 4 while this one runs?");
        }
        Date committedAt = commit.getDate(CommitCodec.COMMITTED_AT);
        return new GroupAppender.ChainTip(commit.getLong(CommitCodec.LAST), hash,
                                          committedAt == null ? Long.MIN_VALUE : committedAt.getTime());
    }

    /**
     * The commit or void slot holding {@code position}, with its extent, hash and recording time: by the
     * position's key, or, for commits written before layout 3 (which claim their first position only),
     * the nearest commit below it.
     */
    private Optional<Document> holding(long position) {
        Bson extent = Projections.include(CommitCodec.ID, CommitCodec.LAST, CommitCodec.HASH, CommitCodec.COMMITTED_AT);
        Document commit = commits.find(eq(CommitCodec.STREAMS, CommitCodec.positionKey(position)))
                                 .projection(extent).first();
        if (commit != null) {
            return Optional.of(commit);
        }
        for (long to = position; to > 1; to -= BACK_WINDOW) {
            long from = Math.max(1, to - BACK_WINDOW);
            List<Long> ids = LongStream.range(from, to).boxed().toList();
            Document nearest = null;
            for (Document doc : commits.find(in(CommitCodec.ID, ids)).projection(extent)) {
                if (nearest == null || doc.getLong(CommitCodec.ID) > nearest.getLong(CommitCodec.ID)) {
                    nearest = doc;
                }
            }
            if (nearest != null) {
                return nearest.getLong(CommitCodec.LAST) >= position ? Optional.of(nearest)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The first position, at or after {@code position}, at which a commit or void slot starts. A range
     * query, which mongo-java-server answers by a scan: asked once per read, at its end.
     */
    private Optional<Long> firstFrom(long position) {
        Document first = commits.find(gte(CommitCodec.ID, position)).sort(Sorts.ascending(CommitCodec.ID))
                                .projection(Projections.include(CommitCodec.ID)).limit(1).first();
        return Optional.ofNullable(first).map(doc -> doc.getLong(CommitCodec.ID));
    }

    private TreeMap<Long, Document> commitsAt(long from, int size) {
        List<Long> ids = LongStream.range(from, from + size).boxed().toList();
        TreeMap<Long, Document> byId = new TreeMap<>();
        for (Document doc : commits.find(in(CommitCodec.ID, ids)).projection(LOGGED_FIELDS)) {
            byId.put(doc.getLong(CommitCodec.ID), doc);
        }
        return byId;
    }
}
