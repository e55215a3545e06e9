package vn.province.govtrack.personaldata;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.common.IdentifierFactory;
import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

/**
 * {@link ApplicantKeys} in the MongoDB collection {@value #COLLECTION}, apart from the events so it
 * can be backed up, restricted and expired on its own terms:
 * <pre>
 * live:      {_id: keyId, lookup: HMAC-SHA256(pepper, idNumber) hex, key: 32 bytes, createdAt}
 * tombstone: {_id: keyId, lookup: "erased:" + keyId, createdAt, erasedAt}
 * </pre>
 * A unique index on {@code lookup} makes get-or-create race-safe without transactions: racing
 * creators insert, one wins, the others hit the duplicate key and read the winner's key. A
 * tombstone's lookup is a placeholder that names no person and keeps the index unique.
 */
public class MongoApplicantKeys implements ApplicantKeys {

    public static final String COLLECTION = "applicant_keys";

    static final String ID = "_id";
    static final String LOOKUP = "lookup";
    static final String KEY = "key";
    static final String CREATED_AT = "createdAt";
    static final String ERASED_AT = "erasedAt";
    private static final String ERASED_LOOKUP_PREFIX = "erased:";
    /** A creator that loses the insert race reads the winner's key; more rounds would mean erasure in between. */
    private static final int CREATE_ATTEMPTS = 3;

    private final MongoCollection<Document> collection;
    private final LookupHash lookupHash;
    private final ApplicantSealer sealer;
    private final Clock clock;

    /** @param lookupHash null where only reads by key id are needed (the query side holds no pepper) */
    public MongoApplicantKeys(MongoDatabase database, LookupHash lookupHash, ApplicantSealer sealer, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.lookupHash = lookupHash;
        this.sealer = sealer;
        this.clock = clock;
        collection.createIndex(Indexes.ascending(LOOKUP), new IndexOptions().unique(true).name("lookup_unique"));
    }

    @Override
    public ApplicantKey keyFor(String idNumber) {
        String lookup = lookup(idNumber);
        for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
            Document existing = collection.find(eq(LOOKUP, lookup)).first();
            if (existing != null) {
                return liveKey(existing);
            }
            ApplicantKey created = new ApplicantKey(newKeyId(), sealer.newKey());
            try {
                collection.insertOne(new Document(ID, created.keyId())
                                             .append(LOOKUP, lookup)
                                             .append(KEY, new Binary(created.key()))
                                             .append(CREATED_AT, Date.from(clock.instant())));
                return created;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // another caller created this applicant's key first: read it on the next round
            }
        }
        throw new IllegalStateException("no key could be created or read for an applicant after "
                                        + CREATE_ATTEMPTS + " attempts");
    }

    /**
     * One query reads the keys that exist and one unordered insert creates the others; an applicant
     * whose key another caller created meanwhile (the insert's duplicate lookup) gets that key, as
     * {@link #keyFor} does. A bulk import seals thousands of applicants this way in two commands.
     */
    @Override
    public Map<String, ApplicantKey> keysFor(Collection<String> idNumbers) {
        Map<String, String> lookups = new HashMap<>();
        idNumbers.forEach(idNumber -> lookups.computeIfAbsent(idNumber, this::lookup));
        Map<String, ApplicantKey> byLookup = liveKeysByLookup(lookups.values());
        List<Document> created = new ArrayList<>();
        Map<String, ApplicantKey> createdByLookup = new HashMap<>();
        for (String lookup : new HashSet<>(lookups.values())) {
            if (!byLookup.containsKey(lookup)) {
                ApplicantKey key = new ApplicantKey(newKeyId(), sealer.newKey());
                createdByLookup.put(lookup, key);
                created.add(new Document(ID, key.keyId()).append(LOOKUP, lookup).append(KEY, new Binary(key.key()))
                                                         .append(CREATED_AT, Date.from(clock.instant())));
            }
        }
        if (!created.isEmpty()) {
            try {
                collection.insertMany(created, new InsertManyOptions().ordered(false));
                byLookup.putAll(createdByLookup);
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                    throw e;
                }
                // some keys were created by another caller first: read what is stored now, ours included
                byLookup.putAll(liveKeysByLookup(createdByLookup.keySet()));
            }
        }
        Map<String, ApplicantKey> keys = new HashMap<>();
        lookups.forEach((idNumber, lookup) -> {
            ApplicantKey key = byLookup.get(lookup);
            keys.put(idNumber, key != null ? key : keyFor(idNumber)); // erased meanwhile: one more round alone
        });
        return keys;
    }

    private Map<String, ApplicantKey> liveKeysByLookup(Collection<String> lookups) {
        Map<String, ApplicantKey> keys = new HashMap<>();
        for (Document document : collection.find(in(LOOKUP, List.copyOf(lookups)))) {
            keys.put(document.getString(LOOKUP), liveKey(document));
        }
        return keys;
    }

    @Override
    public Optional<String> liveKeyIdOf(String idNumber) {
        return Optional.ofNullable(collection.find(eq(LOOKUP, lookup(idNumber))).first())
                       .map(document -> document.getString(ID));
    }

    @Override
    public Map<String, KeyRecord> find(Collection<String> keyIds) {
        Map<String, KeyRecord> records = new HashMap<>();
        if (keyIds.isEmpty()) {
            return records;
        }
        for (Document document : collection.find(in(ID, List.copyOf(keyIds)))) {
            String keyId = document.getString(ID);
            records.put(keyId, document.containsKey(KEY)
                    ? new KeyRecord(keyId, liveKey(document), null)
                    : new KeyRecord(keyId, null, document.getDate(ERASED_AT).toInstant()));
        }
        return records;
    }

    @Override
    public boolean destroy(String keyId, Instant erasedAt) {
        UpdateResult result = collection.updateOne(and(eq(ID, keyId), exists(KEY)), Updates.combine(
                Updates.unset(KEY),
                Updates.set(LOOKUP, ERASED_LOOKUP_PREFIX + keyId),
                Updates.set(ERASED_AT, Date.from(erasedAt))));
        return result.getMatchedCount() > 0 || collection.countDocuments(eq(ID, keyId)) > 0;
    }

    /**
     * A key document as {@link #destroy} leaves it: without its key, under a lookup that names nobody,
     * with {@code erasedAt}. A tombstone is answered as it is. For copies of the collection (a backup)
     * that must not hold a key whose erasure the log already records.
     */
    public static Document tombstone(Document keyDocument, Instant erasedAt) {
        if (!keyDocument.containsKey(KEY)) {
            return keyDocument;
        }
        Document tombstone = new Document(keyDocument);
        tombstone.remove(KEY);
        tombstone.put(LOOKUP, ERASED_LOOKUP_PREFIX + keyDocument.getString(ID));
        tombstone.put(ERASED_AT, Date.from(erasedAt));
        return tombstone;
    }

    /**
     * A fresh key id from the one identifier generator of the services (Axon's; time-ordered in them, see
     * event-store's {@code TimeOrderedIdentifierFactory}): ids that grow with time keep inserts into the
     * collection's {@code _id} index at its end, where random ones rewrote a page of it each. A key id
     * names a key, it keeps nothing secret: the key itself is random.
     */
    private static String newKeyId() {
        return IdentifierFactory.getInstance().generateIdentifier();
    }

    private String lookup(String idNumber) {
        if (lookupHash == null) {
            throw new IllegalStateException("finding applicants by ID number needs govtrack.personal-data.lookup-pepper");
        }
        return lookupHash.of(idNumber);
    }

    private static ApplicantKey liveKey(Document document) {
        return new ApplicantKey(document.getString(ID), document.get(KEY, Binary.class).getData());
    }
}
