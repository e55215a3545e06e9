package vn.province.govtrack.query.projection;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * A projection's collection of one document per key, each stamped in {@value #LAST_POSITION} with
 * the global position of the last event folded into it. Every projection writes through
 * {@link #apply}, which makes redelivered and replayed events harmless.
 */
public final class PositionGuardedDocuments {

    public static final String ID = "_id";
    public static final String LAST_POSITION = "lastPosition";

    private final MongoCollection<Document> collection;

    public PositionGuardedDocuments(MongoCollection<Document> collection) {
        this.collection = collection;
        indexVersions(collection);
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    /**
     * Folds the event at {@code position} into the document keyed {@code id}.
     *
     * <p>Idempotent: the document changes only if its {@value #LAST_POSITION} is below {@code position},
     * and the replace matches only the exact version the change was computed from, so an event
     * delivered again, or replayed over a document that already reflects it, writes nothing.
     *
     * @param change from the stored document (null when there is none) to the next one, without
     *               caring for {@code _id} or {@value #LAST_POSITION}; null to write nothing
     * @return the document stored once this returns (the one written, or the one that made the
     *         event a no-op); null when there is none
     */
    public Document apply(String id, long position, UnaryOperator<Document> change) {
        while (true) {
            Document stored = collection.find(eq(ID, id)).first();
            if (stored != null && lastPosition(stored) >= position) {
                return stored;
            }
            Document next = change.apply(stored);
            if (next == null) {
                return stored;
            }
            next.put(ID, id);
            next.put(LAST_POSITION, position);
            if (stored == null) {
                if (insertIfAbsent(next)) {
                    return next;
                }
                continue;
            }
            long replaced = collection.replaceOne(version(id, lastPosition(stored)), next).getMatchedCount();
            if (replaced == 1) {
                return next;
            }
        }
    }

    /** The global position of the event a handler got with {@code token}; during a replay, the replayed event's. */
    public static long positionOf(TrackingToken token) {
        return token.position()
                    .orElseThrow(() -> new IllegalStateException("Tracking token without a position: " + token));
    }

    /**
     * The filter matching exactly one stored version of a document: {@code {_id, lastPosition}} as a
     * plain document (not {@code $and}), which {@link #indexVersions} gives an index of exactly those
     * keys.
     */
    static Document version(String id, long lastPosition) {
        return new Document(ID, id).append(LAST_POSITION, lastPosition);
    }

    /**
     * A unique index on {@code {_id, lastPosition}}, for the compare-and-set replace of {@link #apply}.
     * MongoDB would find the document by {@code _id} alone; the embedded wire-protocol server
     * (mongo-java-server) uses an index only for a query on exactly its keys, and without this one
     * scanned the whole collection on every write, so that folding n events took time in n².
     * Creating an existing index is a no-op.
     */
    static void indexVersions(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(ID, LAST_POSITION), new IndexOptions().unique(true));
    }

    /** Removes every document of the collection. */
    public void clear() {
        collection.deleteMany(new Document());
    }

    /** The ids of the documents that reflect an event after {@code position}. */
    public List<String> idsTouchedAfter(long position) {
        return collection.find(gt(LAST_POSITION, position)).projection(new Document(ID, 1))
                         .map(document -> document.getString(ID)).into(new ArrayList<>());
    }

    /** Removes every document that reflects an event after {@code position}: all of them for 0. */
    public void removeTouchedAfter(long position) {
        collection.deleteMany(position == 0 ? new Document() : gt(LAST_POSITION, position));
    }

    private static long lastPosition(Document document) {
        Number position = document.get(LAST_POSITION, Number.class);
        return position == null ? 0 : position.longValue();
    }

    private boolean insertIfAbsent(Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
