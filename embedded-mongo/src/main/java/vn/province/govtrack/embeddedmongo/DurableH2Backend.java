package vn.province.govtrack.embeddedmongo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.Housekeeping;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.SerializedKeyCachingH2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend, made durable per acknowledged write.
 *
 * <p>Out of the box the backend's MVStore is committed by H2's background writer about once a
 * second, and even that writer hands the chunk to asynchronous executors; a {@code kill -9}
 * loses the writes of the last second although the clients were told they succeeded. Here the
 * store is opened with auto-commit disabled (no background writer, every store runs on the
 * calling thread) and every command that may change data commits the MVStore before its reply
 * leaves: {@link #handleCommand} returns only after the chunk holding the change has been
 * written to the file. {@link MVStore#commit()} takes the store lock and stores only if there are
 * unsaved changes, so a thread whose change another thread's commit already wrote waits for that
 * commit to finish instead of writing again.
 *
 * <p>What a reply shows is durable too. A change is visible to every reader the moment it is applied,
 * before its commit reaches the file; a reader shown a change that a {@code kill -9} then lost would
 * build on something that never happened (the crash suite caught a query side whose event cache
 * served a commit the database lost, in place of the commit that took its position after the
 * restart). So a read-only command commits the store as well before its reply leaves: usually there
 * is nothing unsaved and it costs a lock; otherwise it writes, or waits for, the commit of what it
 * may have seen. MongoDB gives the same guarantee with read concern {@code majority}, which the event
 * store asks for.
 *
 * <p>Written means handed to the operating system: that survives the death of this process.
 * With {@code fsync} each commit is also forced to the device, which survives a power loss too
 * and costs a disk flush per write command.
 *
 * <p>The price of a commit per write is file size: each commit writes a new chunk of the pages
 * it changed (tens of KB). Without H2's background writer nothing would ever free them: every chunk
 * keeps a few live pages, so none becomes empty. A housekeeping thread therefore runs H2's own
 * housekeeping ({@link Housekeeping}) several times a second: it rewrites the live pages of sparse
 * chunks into the next commit, after which the old chunks are free, and moves chunks towards the
 * start of the file so that its end can be cut off. H2 reuses a freed chunk only after its
 * retention time (5 s, or H2's default 45 s with fsync), so under a steady write load the file also
 * holds that many seconds' worth of chunks. A clean {@link #close()} compacts the file fully.
 */
final class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    /** Commands that never change data (lower case); any other command is followed by a commit. */
    private static final Set<String> READ_ONLY_COMMANDS = Set.of(
            "find", "getmore", "count", "distinct", "listcollections", "listindexes", "listdatabases",
            "ismaster", "hello", "ping", "buildinfo", "serverstatus", "whatsmyuri", "getlasterror", "getlog",
            "hostinfo", "connectionstatus", "getcmdlineopts", "getfreemonitoringstatus", "getparameter",
            "endsessions", "killcursors", "dbstats", "collstats");

    private static final int COMPACT_ON_CLOSE_MILLIS = 5_000;
    private static final int RETENTION_WITHOUT_FSYNC_MILLIS = 5_000;
    /** H2's background writer does its housekeeping every 100 ms; a little less often costs less CPU. */
    private static final long HOUSEKEEPING_INTERVAL_MILLIS = 250;

    private final MVStore store;
    private final boolean fsync;
    /** Runs after a write command, before its commit (a test seam: a commit held back). */
    private volatile Runnable beforeCommittingAWrite = () -> { };
    /** Runs inside a write command's share of {@link #changes}, after its change (a test seam). */
    private volatile Runnable whileApplyingAWrite = () -> { };
    /**
     * Commits store whole commands only. mongo-java-server applies a write to a collection's document map and
     * then, one after the other, to its index maps; a commit taken in between (by another command's reply, or
     * by housekeeping) would write a document without its index entry to the file, and a {@code kill -9}
     * before the next commit would leave it so for good: the crash suite found a read-model document whose
     * entry in the unique index {@code {_id, lastPosition}} was missing, so every compare-and-set on it
     * matched nothing and its projection retried the same batch for ever. Write commands therefore apply
     * their changes under the read lock, any number at a time, and every commit (and housekeeping pass)
     * takes the write lock, waiting for the changes under way to be whole. Fair, so that a steady stream of
     * writes cannot hold a commit off.
     */
    private final ReentrantReadWriteLock changes = new ReentrantReadWriteLock(true);
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "h2-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    private DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.store = store;
        this.fsync = fsync;
    }

    /** Opens (or creates) the store file; its parent directory must exist. */
    static DurableH2Backend open(Path file, boolean fsync) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                // LZF per page: the stored documents and index keys are Java-serialized objects, whose
                // repeated class descriptors compress well (measured: 152 MB of live pages became 66 MB).
                .compress()
                .open();
        if (!fsync) {
            // H2 keeps superseded chunks 45 s in case the disk has not flushed them; without fsync we
            // promise only survival of the process's death (the OS holds every written byte), so a
            // short retention is as safe and keeps the file ~9x smaller under a steady write load.
            store.setRetentionTime(RETENTION_WITHOUT_FSYNC_MILLIS);
        }
        DurableH2Backend backend = new DurableH2Backend(store, fsync);
        backend.persist();
        backend.housekeeping.scheduleWithFixedDelay(backend::keepHouse, HOUSEKEEPING_INTERVAL_MILLIS,
                HOUSEKEEPING_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return backend;
    }

    /** Databases whose unique indexes compare keys without serializing them at every step ({@link SerializedKeyCachingH2Database}). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new SerializedKeyCachingH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        boolean write = mayWrite(command, query);
        try {
            if (!write) {
                return super.handleCommand(channel, databaseName, command, query);
            }
            Lock applying = changes.readLock();
            applying.lock();
            try {
                Document reply = super.handleCommand(channel, databaseName, command, query);
                whileApplyingAWrite.run();
                return reply;
            } finally {
                applying.unlock();
            }
        } finally {
            // After a write, also a failed one: an ordered bulk insert may have written a prefix. After a
            // read: what it saw (see the class comment).
            if (write) {
                beforeCommittingAWrite.run();
            }
            persist();
        }
    }

    /** Test seam: {@code action} runs while a write command holds its share of the changes' lock, its change applied. */
    void whileApplyingAWrite(Runnable action) {
        whileApplyingAWrite = action;
    }

    /** Test seam: {@code action} runs after every write command's change is applied and before its commit. */
    void beforeCommittingAWrite(Runnable action) {
        beforeCommittingAWrite = action;
    }

    /** Whether every applied change is in the file (test seam). */
    boolean everythingCommitted() {
        return !store.hasUnsavedChanges();
    }

    @Override
    public void close() {
        housekeeping.shutdown();
        try {
            if (!housekeeping.awaitTermination(COMPACT_ON_CLOSE_MILLIS, TimeUnit.MILLISECONDS)) {
                log.warn("Housekeeping of {} did not stop in time", this);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.compactFile(COMPACT_ON_CLOSE_MILLIS);
        } catch (RuntimeException e) {
            log.warn("Could not compact {} before closing it: {}", this, e.toString());
        }
        super.close();
    }

    private static boolean mayWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return query.get("pipeline") instanceof List<?> stages && stages.stream()
                    .anyMatch(stage -> stage instanceof Document document
                            && (document.containsKey("$out") || document.containsKey("$merge")));
        }
        return !READ_ONLY_COMMANDS.contains(name);
    }

    /**
     * One pass of H2's housekeeping; its rewritten pages are committed here when no write commits
     * them first. A failure is logged and the next pass tries again: the data is never at stake,
     * only how soon space is reused.
     */
    private void keepHouse() {
        Lock committing = changes.writeLock();
        committing.lock();
        try {
            Housekeeping.run(store);
            if (store.hasUnsavedChanges() && !store.isClosed()) {
                persist();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Housekeeping of {} failed (retried in {} ms): {}", this, HOUSEKEEPING_INTERVAL_MILLIS, e.toString());
        } finally {
            committing.unlock();
        }
    }

    /** Commits (and with fsync forces) every change applied so far, once no write command is half applied. */
    private void persist() {
        Lock committing = changes.writeLock();
        committing.lock();
        try {
            store.commit();
            if (fsync) {
                store.sync();
            }
        } finally {
            committing.unlock();
        }
    }
}
