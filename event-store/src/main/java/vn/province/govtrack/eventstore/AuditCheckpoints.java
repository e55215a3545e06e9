package vn.province.govtrack.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import java.security.PublicKey;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/**
 * The signed checkpoints of the log, in {@code <prefix>audit_checkpoints}:
 * {@code {_id: position, hash: BinData(32), signedAt: Date, signature: BinData, keyId: "<16 hex>"}}.
 * One per position: two instances signing the same position store the first signature only.
 */
public final class AuditCheckpoints {

    private final MongoCollection<Document> checkpoints;

    /** The checkpoints of the log whose collections in {@code database} start with {@code prefix} ("" by default). */
    public AuditCheckpoints(MongoDatabase database, String prefix) {
        this.checkpoints = database.getCollection(prefix + "audit_checkpoints")
                                   .withWriteConcern(WriteConcern.MAJORITY)
                                   .withReadConcern(ReadConcern.MAJORITY);
    }

    /** Every checkpoint, in position order (one per N events: a few thousand a year). */
    public List<Checkpoint> all() {
        return after(0);
    }

    /** The checkpoints after {@code position}, in position order. */
    public List<Checkpoint> after(long position) {
        List<Checkpoint> result = new ArrayList<>();
        for (Document doc : checkpoints.find(gt("_id", position)).sort(Sorts.ascending("_id"))) {
            result.add(checkpoint(doc));
        }
        return result;
    }

    /** The newest checkpoint, whichever key signed it. */
    public Optional<Checkpoint> newest() {
        return Optional.ofNullable(checkpoints.find().sort(Sorts.descending("_id")).first()).map(AuditCheckpoints::checkpoint);
    }

    /**
     * The newest checkpoint of {@code key}: whose {@code keyId} is the key's and whose signature verifies
     * under it. One that names the key but does not verify under it is not the key's, and is passed over.
     */
    public Optional<Checkpoint> newestSignedBy(PublicKey key) {
        for (Document doc : checkpoints.find(eq("keyId", AuditKeys.keyId(key))).sort(Sorts.descending("_id"))) {
            Checkpoint checkpoint = checkpoint(doc);
            if (checkpoint.signedBy(key)) {
                return Optional.of(checkpoint);
            }
        }
        return Optional.empty();
    }

    /** Stores the checkpoint; false when one is already stored at its position (idempotent: the first stays). */
    public boolean record(Checkpoint checkpoint) {
        try {
            checkpoints.insertOne(new Document("_id", checkpoint.position())
                                          .append("hash", new Binary(checkpoint.hash()))
                                          .append("signedAt", Date.from(checkpoint.signedAt()))
                                          .append("signature", new Binary(checkpoint.signature()))
                                          .append("keyId", checkpoint.keyId()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static Checkpoint checkpoint(Document doc) {
        return new Checkpoint(doc.getLong("_id"), CommitCodec.bytes(doc.get("hash")), doc.getDate("signedAt").toInstant(),
                              CommitCodec.bytes(doc.get("signature")), doc.getString("keyId"));
    }
}
