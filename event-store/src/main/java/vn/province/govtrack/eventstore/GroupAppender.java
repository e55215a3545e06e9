package vn.province.govtrack.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * Writes commits at the head of the log, the commits of concurrent appenders together: one ordered
 * {@code insertMany} for every commit that was waiting while the previous one ran (group commit).
 *
 * <p>Why: a commit must be written at the head, so commits of one log are written one after the
 * other, and each write waits for the database to make it durable. One insert per commit would
 * make the write rate one over the database's write latency, and each commit would also pay for a
 * read of the head. Here the appender holding the lock writes everything queued in one command,
 * at the positions after the head this instance knows; the others wait for the lock and find
 * their commit written. One writer costs one database command per group of commits.
 *
 * <p>The insert is ordered, so when commit k of a group fails, commits 0..k-1 are written and k+1..
 * are not: the failure of k is either a position another instance took first (the head moved past
 * k's first position: k and the rest are written again after the new head) or a key of k's own
 * (an aggregate sequence, an event identifier or a commit key already stored: k fails alone, with
 * that error, and the rest are written again at the positions k would have had).
 *
 * <p>Each commit carries its chain hash (layout 4, {@link LogDigests}): the first of a group is chained
 * to the commit ending at the head, each other to the one before it in the group, and whenever the
 * group moves to other positions its hashes are computed again. Recording times never decrease along
 * the log: a commit's {@code committedAt} is the later of the clock and the previous commit's.
 */
final class GroupAppender {

    /** Commits per insert: bounded so that one group stays far below MongoDB's 48 MB per message. */
    static final int MAX_GROUP = 64;
    /** Times the rest of a group is written again after other writers took its positions. */
    private static final int MAX_CLAIMS = 1000;

    private final MongoCollection<Document> commits;
    private final LongSupplier knownHead;
    private final LongSupplier head;
    private final LongFunction<ChainTip> tipAt;
    private final Clock clock;
    private final LogDigests digests = new LogDigests();
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    /** The commit this appender last wrote or read at the head; guarded by {@link #writing}. */
    private ChainTip tip = ChainTip.EMPTY;

    /**
     * The end of the chain: the last position of a commit, its chain hash and its recording time.
     */
    record ChainTip(long last, byte[] hash, long committedAtMillis) {
        static final ChainTip EMPTY = new ChainTip(0, LogDigests.zeroHash(), Long.MIN_VALUE);
    }

    /**
     * @param knownHead a position every position up to which is written (cheap; may lag)
     * @param head      the contiguous head, asked of the database after a position conflict
     * @param tipAt     reads the commit ending at a position (the head) from the database
     */
    GroupAppender(MongoCollection<Document> commits, LongSupplier knownHead, LongSupplier head,
                  LongFunction<ChainTip> tipAt, Clock clock) {
        this.commits = commits;
        this.knownHead = knownHead;
        this.head = head;
        this.tipAt = tipAt;
        this.clock = clock;
    }

    /** One commit to write: its events' documents, their stream keys and its commit key (or null). */
    static final class Pending {
        private final List<Document> events;
        private final List<String> streamKeys;
        private final String key;
        private long first;
        private RuntimeException failure;
        private boolean done;

        Pending(List<Document> events, List<String> streamKeys, String key) {
            this.events = events;
            this.streamKeys = streamKeys;
            this.key = key;
        }

        /** This commit at {@code position}, chained to {@code previous}; answers the new tip of the chain. */
        private ChainTip seal(long position, ChainTip previous, Clock clock, LogDigests digests, List<Document> into) {
            long committedAt = Math.max(clock.millis(), previous.committedAtMillis());
            Document commit = CommitCodec.commit(position, events, streamKeys, key, Instant.ofEpochMilli(committedAt));
            byte[] hash = CommitCodec.seal(commit, previous.hash(), digests);
            into.add(commit);
            return new ChainTip(position + events.size() - 1, hash, committedAt);
        }

        private long length() {
            return events.size();
        }

        private void written(long position) {
            first = position;
            done = true;
        }

        private void failed(RuntimeException e) {
            failure = e;
            done = true;
        }
    }

    /**
     * Writes the commit, possibly in one insert with others, and answers its first position. Throws
     * the {@link MongoWriteException} of a key of its own already stored (duplicate key: the caller
     * tells which key), or the exception that made the outcome unknown (a {@link MongoException}, or a
     * failure to read the end of the chain), which every commit of its group then fails with.
     */
    long append(Pending pending) {
        enqueue(pending);
        return awaitWritten(pending);
    }

    /** Queues the commit for the next group (the first half of {@link #append}). */
    void enqueue(Pending pending) {
        queue.add(pending);
    }

    /** Writes queued groups until the commit is written or refused (the second half of {@link #append}). */
    long awaitWritten(Pending pending) {
        writing.lock();
        try {
            while (!pending.done) {
                writeGroup();
            }
        } finally {
            writing.unlock();
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
        return pending.first;
    }

    /**
     * Under the lock: writes up to {@link #MAX_GROUP} queued commits, each one to its outcome. Every commit
     * taken off the queue leaves it done, whatever is thrown: an appender whose commit was in the group
     * would otherwise wait for it under the lock, and so would every appender after it.
     */
    private void writeGroup() {
        Deque<Pending> group = new ArrayDeque<>();
        for (Pending next; group.size() < MAX_GROUP && (next = queue.poll()) != null; ) {
            group.add(next);
        }
        try {
            write(group);
        } catch (RuntimeException e) {
            // not acknowledged, and unknown whether written (or the chain's end could not be read):
            // each fails with the cause, and the next group reads the head it writes after
            failAll(group, e);
            tip = ChainTip.EMPTY;
        }
    }

    /** Writes the group at the head, removing each commit from it once it is written or refused. */
    private void write(Deque<Pending> group) {
        long known = knownHead.getAsLong();
        if (known > tip.last()) {
            tip = tipAt.apply(known);
        }
        for (int claim = 1; !group.isEmpty(); ) {
            List<Document> documents = new ArrayList<>(group.size());
            List<ChainTip> tips = new ArrayList<>(group.size());
            long first = tip.last() + 1;
            ChainTip next = tip;
            for (Pending pending : group) {
                next = pending.seal(next.last() + 1, next, clock, digests, documents);
                tips.add(next);
            }
            try {
                commits.insertMany(documents, new InsertManyOptions().ordered(true));
                writtenFrom(group, group.size(), first);
                tip = next;
                return;
            } catch (MongoBulkWriteException e) {
                BulkWriteError error = e.getWriteErrors().isEmpty() ? null : e.getWriteErrors().get(0);
                if (error == null) {
                    failAll(group, e); // a write concern error: written, but not as durably as asked
                    tip = next;
                    return;
                }
                first = writtenFrom(group, error.getIndex(), first);
                if (error.getIndex() > 0) {
                    tip = tips.get(error.getIndex() - 1);
                }
                long trueHead = ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY
                        ? head.getAsLong() : 0;
                if (trueHead >= first) {
                    // another instance wrote at these positions first: the rest goes after its commits
                    if (++claim > MAX_CLAIMS) {
                        failAll(group, new EventStoreException(
                                "Other commits took the head positions " + MAX_CLAIMS + " times in a row; giving up"));
                        return;
                    }
                    tip = tipAt.apply(trueHead);
                } else {
                    group.removeFirst().failed(new MongoWriteException(
                            new WriteError(error.getCode(), error.getMessage(), error.getDetails()),
                            e.getServerAddress(), e.getErrorLabels()));
                }
            }
        }
    }

    /** Marks the first {@code count} commits of the group written from {@code first} on; answers the position after them. */
    private static long writtenFrom(Deque<Pending> group, int count, long first) {
        long position = first;
        for (int i = 0; i < count; i++) {
            Pending pending = group.removeFirst();
            pending.written(position);
            position += pending.length();
        }
        return position;
    }

    private static void failAll(Deque<Pending> group, RuntimeException e) {
        while (!group.isEmpty()) {
            group.removeFirst().failed(e);
        }
    }
}
