package vn.province.govtrack.query.projection;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;

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
            long replaced = collection.replaceOne(and(eq(ID, id), eq(LAST_POSITION, lastPosition(stored))), next)
                                      .getMatchedCount();
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

    /** Removes every document of the collection. */
    public void clear() {
        collection.deleteMany(new Document());
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
