package vn.province.govtrack.command.idempotency;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/**
 * The {@value #COLLECTION} collection: one document per (scope, key), claimed by inserting it
 * (the unique {@code _id} makes exactly one insert win), completed with the first answer, or
 * deleted again so that a retry may run. A claim names the instance that holds it ({@code owner},
 * see {@link Heartbeats}). Every write after the claim is conditional on the claimant's
 * {@code claim} token, so a claimant that lost its claim to a take-over changes nothing.
 * Single-document operations only: no transactions needed.
 *
 * <p>These documents coordinate retries and keep answers for replay; they are not what makes a
 * command take effect once. That is the commit key its events carry (docs/adr/0005-idempotency.md).
 */
@Component
class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";
    /** Prefix of a completed record's claim: no live claim token starts with it. */
    static final String COMPLETED_CLAIM = "completed:";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final MongoCollection<Document> keys;

    IdempotencyKeys(MongoClient mongoClient, MongoProperties mongoProperties) {
        this.keys = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection(COLLECTION);
        keys.createIndex(Indexes.ascending("_id", "claim"), new IndexOptions().unique(true).name("record_version"));
        try {
            // MongoDB deletes expired keys by itself; mongo-java-server ignores the option (see the cleanup)
            keys.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        } catch (MongoException e) {
            log.warn("No TTL index on {}; expired keys are deleted by the periodic cleanup only: {}", COLLECTION,
                     e.toString());
        }
    }

    /** The id of a key within its scope; keys contain no space, so the last space separates the two. */
    static String idOf(String scope, String key) {
        return scope + " " + key;
    }

    /**
     * Claims the key for the caller, held by instance {@code owner}, or returns the record that holds it.
     *
     * @return null when this call claimed the key
     */
    KeyRecord claimOrFind(String scope, String key, String fingerprint, String claim, String owner, Instant now,
                          Instant expiresAt) {
        String id = idOf(scope, key);
        while (true) {
            try {
                keys.insertOne(new Document("_id", id).append("scope", scope).append("key", key)
                                       .append("fingerprint", fingerprint).append("state", IN_PROGRESS)
                                       .append("claim", claim).append("owner", owner)
                                       .append("claimedAt", Date.from(now))
                                       .append("createdAt", Date.from(now)).append("expiresAt", Date.from(expiresAt)));
                return null;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document found = keys.find(eq("_id", id)).first();
            if (found != null) {
                return KeyRecord.of(found);
            }
            // released or expired between the insert and the read: claim again
        }
    }

    /** Takes over an abandoned claim for instance {@code owner}; false when someone else changed it first. */
    boolean takeOver(KeyRecord abandoned, String claim, String owner, Instant now) {
        return keys.updateOne(version(abandoned.id(), abandoned.claim()),
                              Updates.combine(Updates.set("claim", claim), Updates.set("owner", owner),
                                              Updates.set("claimedAt", Date.from(now))))
                   .getModifiedCount() == 1;
    }

    /** Forgets a record past its retention, unless it changed meanwhile. */
    void discard(KeyRecord expired) {
        keys.deleteOne(version(expired.id(), expired.claim()));
    }

    /** Keeps the first answer; false when the claim was lost to a take-over (the answer is then not kept). */
    boolean complete(String scope, String key, String claim, StoredAnswer answer, Instant now) {
        Document headers = new Document();
        answer.headers().forEach(headers::append);
        return keys.updateOne(version(idOf(scope, key), claim),
                              Updates.combine(Updates.set("state", COMPLETED), Updates.set("claim", COMPLETED_CLAIM + claim),
                                              Updates.set("status", answer.status()),
                                              Updates.set("headers", headers),
                                              Updates.set("body", new Binary(answer.body())),
                                              Updates.set("completedAt", Date.from(now))))
                   .getModifiedCount() == 1;
    }

    /** Gives the key up, so that a retry runs the request anew. */
    void release(String scope, String key, String claim) {
        keys.deleteOne(version(idOf(scope, key), claim));
    }

    /**
     * The filter that matches one state of one record: its id and its claim, as a plain document with
     * exactly the keys of the unique index {@code {_id, claim}}. A claim token names one attempt and
     * changes on completion, so a match also means the record is in the state it was read in. On
     * MongoDB the {@code _id} alone finds the record; mongo-java-server uses an index only for a query
     * on exactly its keys and would otherwise scan the whole collection on every write (measured: 42%
     * of its CPU while seeding the demo).
     */
    private static Document version(String id, String claim) {
        return new Document("_id", id).append("claim", claim);
    }

    /** Deletes every key past its retention; answers how many. */
    long deleteExpired(Instant now) {
        return keys.deleteMany(lt("expiresAt", Date.from(now))).getDeletedCount();
    }

    /** The first answer to a request, as it is replayed. */
    record StoredAnswer(int status, Map<String, String> headers, byte[] body) {
    }

    /** @param owner the instance holding the claim; null for claims made before instances had heartbeats */
    record KeyRecord(String id, String fingerprint, String state, String claim, String owner, Instant claimedAt,
                     Instant expiresAt, StoredAnswer answer) {

        static KeyRecord of(Document document) {
            StoredAnswer answer = null;
            if (COMPLETED.equals(document.getString("state"))) {
                Map<String, String> headers = new LinkedHashMap<>();
                document.get("headers", Document.class).forEach((name, value) -> headers.put(name, (String) value));
                answer = new StoredAnswer(document.getInteger("status"), headers,
                                          document.get("body", Binary.class).getData());
            }
            return new KeyRecord(document.getString("_id"), document.getString("fingerprint"),
                                 document.getString("state"), document.getString("claim"), document.getString("owner"),
                                 document.getDate("claimedAt").toInstant(), document.getDate("expiresAt").toInstant(),
                                 answer);
        }

        boolean completed() {
            return answer != null;
        }
    }
}
