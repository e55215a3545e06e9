package vn.province.govtrack.command.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ReadConcern;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

import vn.province.govtrack.eventstore.AuditCheckpoints;
import vn.province.govtrack.eventstore.LogExport;
import vn.province.govtrack.eventstore.LogReader;
import vn.province.govtrack.eventstore.LoggedCommit;
import vn.province.govtrack.eventstore.LoggedEvent;
import vn.province.govtrack.kernel.applicant.ApplicantDataErasedEvent;
import vn.province.govtrack.personaldata.MongoApplicantKeys;

/**
 * Takes a consistent backup of a running store ({@link BackupFile}), reading only, while commands go on
 * being written.
 *
 * <p><b>Consistency.</b> The backup holds the log up to P, the head when it began: every position up to
 * it is written and no commit below it ever changes, so the log up to P is a consistent prefix whatever
 * is appended meanwhile (those commits are after P and not in the backup). Everything else the services
 * keep is derived from the log and rebuilt from it at start (read models, tokens, lookups, idempotency
 * claims, whose answers are rebuilt from the commits: ADR 0005), except the applicants' keys (ADR 0004),
 * which are read after the log: a key destroyed before they are read is in the backup as its tombstone,
 * and a key whose erasure the log up to P records is written as a tombstone even if its destruction had
 * not happened yet when it was read (the erasure records its event first, then destroys the key). Keys
 * created after P for commands after P may be in it too: keys without a dossier, which hold no personal
 * data in clear and are erased like any other.
 */
final class StoreBackup {

    private final MongoDatabase database;
    private final String databaseName;
    private final ObjectMapper json;
    private final Clock clock;

    StoreBackup(MongoDatabase database, ObjectMapper json, Clock clock) {
        this.database = database;
        this.databaseName = database.getName();
        this.json = json;
        this.clock = clock;
    }

    /** What a backup holds and what it cost. */
    record Summary(long position, long commits, long events, long applicantKeys, long erasedApplicantKeys,
                   long bytes, double seconds) {
    }

    /**
     * Writes the backup to {@code file}, which must not exist: first to {@code file.part}, renamed to
     * {@code file} once written whole; a backup that fails leaves no file.
     *
     * @return the backup's contents, before it is verified
     */
    Summary write(Path file, PrintStream progressOut) throws IOException {
        long started = System.nanoTime();
        Path part = file.resolveSibling(file.getFileName() + ".part");
        LogReader reader = LogReader.of(database, "");
        long position = reader.head();
        Instant createdAt = clock.instant();
        Map<String, Instant> erasedInLog = new HashMap<>();
        long[] commits = {0};
        long[] keys = {0, 0};
        long[] events = {0};
        try (BackupFile.Writer writer = new BackupFile.Writer(part)) {
            try (PositionProgress progress = new PositionProgress("backup", position, progressOut)) {
                writer.entry(BackupFile.LOG, out -> events[0] = LogExport.writeLog(
                        reader, new AuditCheckpoints(database, ""), 1, position, createdAt, out, commit -> {
                            commits[0]++;
                            erasuresIn(commit, erasedInLog);
                            progress.verified(commit.last(), position);
                        }));
            }
            writer.entry(BackupFile.APPLICANT_KEYS, out -> {
                for (Document key : database.getCollection(MongoApplicantKeys.COLLECTION)
                                            .withReadConcern(ReadConcern.MAJORITY)
                                            .find().sort(Sorts.ascending("_id"))) {
                    Instant erasedAt = erasedInLog.get(key.getString("_id"));
                    Document kept = erasedAt == null ? key : MongoApplicantKeys.tombstone(key, erasedAt);
                    BackupFile.Writer.writeDocument(kept, out);
                    keys[0]++;
                    if (!kept.containsKey("key")) {
                        keys[1]++;
                    }
                }
            });
            ObjectNode manifest = json.createObjectNode()
                                      .put("database", databaseName)
                                      .put("createdAt", createdAt.toString())
                                      .put("position", position)
                                      .put("commits", commits[0])
                                      .put("events", events[0])
                                      .put("applicantKeys", keys[0])
                                      .put("erasedApplicantKeys", keys[1]);
            writer.finish(manifest, json);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        return new Summary(position, commits[0], events[0], keys[0], keys[1], Files.size(file),
                           (System.nanoTime() - started) / 1e9);
    }

    /** The applicant keys whose erasure the commit records, with the erasure's time. */
    private void erasuresIn(LoggedCommit commit, Map<String, Instant> erased) {
        for (LoggedEvent event : commit.events()) {
            if (ApplicantDataErasedEvent.class.getName().equals(event.type())) {
                try {
                    ApplicantDataErasedEvent erasure = json.readValue(event.payload(), ApplicantDataErasedEvent.class);
                    erased.put(erasure.keyId(), erasure.erasedAt());
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException("The erasure at position " + event.position() + " cannot be read", e);
                }
            }
        }
    }
}
