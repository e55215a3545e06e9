package vn.province.govtrack.eventstore;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Writes a log back from an export of the whole log ({@link LogExport}, from position 1): the restore half
 * of a backup. Every commit and void slot goes back to its positions with its events, recording time, key,
 * digests and chain hash exactly as exported, so the restored log verifies as the original did, against
 * the same signed checkpoints, which are written back too. Verify the export first ({@link LogExport#verify}):
 * this class checks only that it is whole, and that the commits follow each other from position 1.
 *
 * <p>Only into a store that holds no commit: the positions are the exported ones, and a log cannot be
 * merged into another. Commits are written in position order, in ordered batches, so a restore that stops
 * midway leaves a prefix of the log (and no layout record: drop the database and restore again). The
 * store's layout is recorded last.
 */
public final class LogRestore {

    /** Commits per insert: one database command, and on the embedded durable backend one durable commit. */
    private static final int BATCH_COMMITS = 256;
    /** A batch is written early once its events reach this many (a commit holds up to about 20,000). */
    private static final int BATCH_EVENTS = 4_096;

    private LogRestore() {
    }

    /** What a restore wrote: the log up to {@code lastPosition}. */
    public record Restored(long commits, long events, long lastPosition, int checkpoints) {
    }

    /**
     * Restores the log in {@code export} into the store whose collections in {@code database} start with
     * {@code prefix}, reporting progress in positions of the export's declared end.
     *
     * @throws IllegalStateException    when the store already holds a commit (nothing is written then)
     * @throws IllegalArgumentException when the export is not a whole export of the log from position 1, or its
     *                                  commits do not follow each other (what was written before stays)
     */
    public static Restored restore(MongoDatabase database, String prefix, InputStream export,
                                   ChainVerifier.Progress progress) throws IOException {
        MongoCollection<Document> commits = database.getCollection(prefix + "events")
                                                    .withWriteConcern(WriteConcern.MAJORITY);
        if (commits.find().limit(1).first() != null) {
            throw new IllegalStateException("The store already holds a log: a log is restored into an empty store only");
        }
        MongoEventStorageEngine.ensureIndexes(commits);
        Batches batches = new Batches(commits, progress);
        LogExport.Header header = LogExport.read(export, batches::header, batches::add);
        batches.flush();
        AuditCheckpoints checkpoints = new AuditCheckpoints(database, prefix);
        header.checkpoints().forEach(checkpoints::record);
        MongoEventStorageEngine.recordCurrentLayout(
                database.getCollection(prefix + "event_positions").withWriteConcern(WriteConcern.MAJORITY));
        return new Restored(batches.commitsWritten, batches.events, batches.next - 1, header.checkpoints().size());
    }

    /** Collects commits in position order and writes them in ordered batches. */
    private static final class Batches {

        private final MongoCollection<Document> commits;
        private final ChainVerifier.Progress progress;
        private final List<Document> pending = new ArrayList<>();
        private int pendingEvents;
        private long declaredEnd;
        private long next = 1;
        private long commitsWritten;
        private long commitsRead;
        private long events;

        Batches(MongoCollection<Document> commits, ChainVerifier.Progress progress) {
            this.commits = commits;
            this.progress = progress;
        }

        void header(LogExport.Header header) {
            if (header.aggregateId() != null || header.fromPosition() != 1) {
                throw new IllegalArgumentException("Only an export of the whole log, from position 1, can be restored;"
                                                   + " this one starts at " + header.fromPosition()
                                                   + (header.aggregateId() == null ? "" : " and shows one stream"));
            }
            declaredEnd = header.toPosition();
        }

        void add(LoggedCommit commit) {
            if (commit.first() != next || commit.last() < commit.first()) {
                throw new IllegalArgumentException("The export's commit at " + commit.first() + ".." + commit.last()
                                                   + " does not follow position " + (next - 1));
            }
            pending.add(CommitCodec.restored(commit));
            pendingEvents += commit.events().size();
            events += commit.events().size();
            commitsRead++;
            next = commit.last() + 1;
            if (pending.size() >= BATCH_COMMITS || pendingEvents >= BATCH_EVENTS) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                commits.insertMany(pending);
                pending.clear();
                pendingEvents = 0;
                commitsWritten = commitsRead;
            }
            progress.verified(next - 1, declaredEnd);
        }
    }
}
