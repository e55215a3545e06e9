package vn.province.govtrack.command.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.eventstore.AuditCheckpoints;
import vn.province.govtrack.eventstore.ChainVerifier;
import vn.province.govtrack.eventstore.LogReader;
import vn.province.govtrack.eventstore.LogRestore;
import vn.province.govtrack.eventstore.VerificationResult;
import vn.province.govtrack.personaldata.MongoApplicantKeys;

/**
 * Restores a verified backup ({@link BackupFile#verify}) into a database that holds no document: the
 * applicants' keys as backed up (tombstones stay tombstones), then the log with its checkpoints, exactly as
 * stored (positions, events, recording times, keys, digests, chain hashes), then checks the restored log's
 * chain up to P under the trusted key. The services rebuild everything else from the log when they start:
 * their projections find no token and replay from position 1.
 */
final class StoreRestore {

    /** Key documents per insert. */
    private static final int KEY_BATCH = 1_000;

    private final MongoDatabase database;

    StoreRestore(MongoDatabase database) {
        this.database = database;
    }

    /** What a restore wrote, and the verification of the restored log. */
    record Summary(LogRestore.Restored log, long applicantKeys, VerificationResult check) {
    }

    /** The collections of the database that hold a document: a restore goes only into a database with none. */
    List<String> occupiedCollections() {
        List<String> occupied = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            if (database.getCollection(name).find().limit(1).first() != null) {
                occupied.add(name);
            }
        }
        occupied.sort(null);
        return occupied;
    }

    /**
     * Writes the backup into the database; call only after {@link BackupFile#verify} and with
     * {@link #occupiedCollections()} empty.
     */
    Summary restore(BackupFile backup, BackupFile.Verified verified, PublicKey trustedKey, PrintStream progressOut)
            throws IOException {
        MongoCollection<Document> keys = database.getCollection(MongoApplicantKeys.COLLECTION)
                                                 .withWriteConcern(WriteConcern.MAJORITY);
        new MongoApplicantKeys(database, null, null, Clock.systemUTC()); // its indexes, as the services make them
        List<Document> batch = new ArrayList<>();
        long[] restoredKeys = {0};
        backup.applicantKeys(key -> {
            batch.add(key);
            restoredKeys[0]++;
            if (batch.size() == KEY_BATCH) {
                keys.insertMany(batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            keys.insertMany(batch);
        }
        LogRestore.Restored log;
        try (InputStream in = backup.log();
             PositionProgress progress = new PositionProgress("restore", verified.position(), progressOut)) {
            log = LogRestore.restore(database, "", in, progress);
        }
        VerificationResult check;
        try (PositionProgress progress = new PositionProgress("check", verified.position(), progressOut)) {
            check = ChainVerifier.verifyStored(LogReader.of(database, ""), new AuditCheckpoints(database, ""), 1,
                                               verified.position(), verified.position(), trustedKey, progress);
        }
        return new Summary(log, restoredKeys[0], check);
    }
}
