package vn.province.govtrack.query.projection;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;

/**
 * A projection's collection of one document per key, each stamped in {@value #LAST_POSITION} with
 * the global position of the last event folded into it. Every projection writes through
 * {@link #apply}, which makes redelivered and replayed events harmless.
 *
 * <p>Under an event processor's batch ({@link BatchedWrites}) a document is read once per batch, its
 * events are folded in memory, and every changed document is written in one bulk write after the
 * batch's last event, before the processor stores its token; handlers called directly write at once.
 */
public final class PositionGuardedDocuments {

    public static final String ID = "_id";
    public static final String LAST_POSITION = "lastPosition";

    private final MongoCollection<Document> collection;
    private final Consumer<List<Written>> afterWrites;

    public PositionGuardedDocuments(MongoCollection<Document> collection) {
        this(collection, written -> { });
    }

    /**
     * @param afterWrites told of the documents just written (after every {@link #apply} outside a batch,
     *                    after the bulk write of a batch), for writes that follow from them, such as
     *                    another collection's entries; if it fails, so does the event or the batch, which
     *                    is handled again: the documents then reflect the events already, and
     *                    {@link Written#before} is null, so the follow-up writes are made again
     */
    public PositionGuardedDocuments(MongoCollection<Document> collection, Consumer<List<Written>> afterWrites) {
        this.collection = collection;
        this.afterWrites = afterWrites;
        indexVersions(collection);
    }

    /**
     * A document as an {@link #apply} left it ({@code after}), and the stored version the change was
     * computed from ({@code before}); {@code before} is null when there was none, or when the events
     * were already reflected and nothing was written.
     */
    public record Written(Document before, Document after) {
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
        Map<Object, BatchedWrites.Pending> batch = BatchedWrites.pendingOfCurrentBatch();
        if (batch != null) {
            return fold(batch, id, position, change);
        }
        Written written = applyNow(id, position, change);
        if (written.after() != null) {
            afterWrites.accept(List.of(written));
        }
        return written.after();
    }

    private Written applyNow(String id, long position, UnaryOperator<Document> change) {
        while (true) {
            Document stored = collection.find(eq(ID, id)).first();
            if (stored != null && lastPosition(stored) >= position) {
                return new Written(null, stored);
            }
            Document next = change.apply(stored);
            if (next == null) {
                return new Written(null, stored);
            }
            next.put(ID, id);
            next.put(LAST_POSITION, position);
            if (stored == null) {
                if (insertIfAbsent(next)) {
                    return new Written(null, next);
                }
                continue;
            }
            long replaced = collection.replaceOne(version(id, lastPosition(stored)), next).getMatchedCount();
            if (replaced == 1) {
                return new Written(stored, next);
            }
        }
    }

    /**
     * Folds the event into the batch's copy of the document, read once per batch; the same guard holds:
     * an event the document already reflects changes nothing, and the bulk write replaces exactly the
     * version read (a document another instance changed meanwhile fails the batch, which is handled again).
     */
    private Document fold(Map<Object, BatchedWrites.Pending> batch, String id, long position,
                          UnaryOperator<Document> change) {
        Changes changes = (Changes) batch.computeIfAbsent(this, owner -> new Changes());
        Change document = changes.byId.computeIfAbsent(id, key -> new Change(collection.find(eq(ID, key)).first()));
        if (document.current != null && lastPosition(document.current) >= position) {
            return document.current;
        }
        Document next = change.apply(document.current);
        if (next == null) {
            return document.current;
        }
        next.put(ID, id);
        next.put(LAST_POSITION, position);
        document.current = next;
        return next;
    }

    /** One document in a batch: as stored when the batch first read it, and as the batch left it. */
    private static final class Change {
        final Document stored;
        Document current;

        Change(Document stored) {
            this.stored = stored;
            this.current = stored;
        }

        boolean changed() {
            return current != stored;
        }
    }

    /** This collection's changes in one batch, written in one unordered bulk write. */
    private final class Changes implements BatchedWrites.Pending {
        final Map<String, Change> byId = new LinkedHashMap<>();

        @Override
        public void flush() {
            List<WriteModel<Document>> writes = new ArrayList<>();
            List<Written> written = new ArrayList<>();
            byId.forEach((id, document) -> {
                if (document.changed()) {
                    writes.add(document.stored == null ? new InsertOneModel<>(document.current)
                            : new ReplaceOneModel<>(version(id, lastPosition(document.stored)), document.current));
                    written.add(new Written(document.stored, document.current));
                } else if (document.current != null) {
                    written.add(new Written(null, document.current));
                }
            });
            if (!writes.isEmpty()) {
                // an insert of a document that appeared meanwhile fails as a duplicate key, which fails the batch too
                BulkWriteResult result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                if (result.getInsertedCount() + result.getMatchedCount() != writes.size()) {
                    throw new IllegalStateException("Documents of " + collection.getNamespace() + " changed while "
                                                    + "this batch was folding them; the batch is handled again");
                }
            }
            if (!written.isEmpty()) {
                afterWrites.accept(written);
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

    /** Removes every document of the collection, {@value #REMOVAL_CHUNK} at a time ({@link #removeInChunks}). */
    public void clear() {
        removeInChunks(collection, new Document());
    }

    /** The ids of the documents that reflect an event after {@code position}. */
    public List<String> idsTouchedAfter(long position) {
        return collection.find(gt(LAST_POSITION, position)).projection(new Document(ID, 1))
                         .map(document -> document.getString(ID)).into(new ArrayList<>());
    }

    /** Removes every document that reflects an event after {@code position}: all of them for 0. */
    public void removeTouchedAfter(long position) {
        removeInChunks(collection, position == 0 ? new Document() : gt(LAST_POSITION, position));
    }

    /** Documents removed per delete command by {@link #removeInChunks}. */
    public static final int REMOVAL_CHUNK = 1_000;

    /**
     * Removes the documents matching {@code filter}: their ids are read first, then the documents are
     * deleted {@value #REMOVAL_CHUNK} ids at a time. One {@code deleteMany} over a large read model is one
     * long operation holding every removed document at once: at 10x the demo (300,000 dossier views) the
     * embedded server spent its whole 1 GB heap on one and stopped answering, and on MongoDB it is one
     * operation that no other write can interleave with. Chunks keep each command small.
     */
    public static void removeInChunks(MongoCollection<Document> collection, Bson filter) {
        List<Object> ids = collection.find(filter).projection(new Document(ID, 1))
                                     .map(document -> document.get(ID)).into(new ArrayList<>());
        for (int from = 0; from < ids.size(); from += REMOVAL_CHUNK) {
            collection.deleteMany(in(ID, ids.subList(from, Math.min(ids.size(), from + REMOVAL_CHUNK))));
        }
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
