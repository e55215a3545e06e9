package vn.province.govtrack.query.projection;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;

/**
 * A projection's collection of immutable read-model records of type {@code T}, one document per key,
 * each stamped in {@value #LAST_POSITION} with the global position of the last event folded into it.
 *
 * <p>Records are stored as the JSON form Jackson gives them (dates as ISO-8601 text, which sorts in
 * date order), so a record type needs no hand-written codec. {@code indexFields} may add top-level
 * fields that only serve queries; they are not read back.
 */
public final class PositionedRecords<T> {

    public static final String ID = "_id";
    public static final String LAST_POSITION = "lastPosition";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final MongoCollection<Document> collection;
    private final ObjectMapper mapper;
    private final Class<T> type;
    private final Function<T, Map<String, Object>> indexFields;

    public PositionedRecords(MongoCollection<Document> collection, ObjectMapper objectMapper, Class<T> type,
                             Function<T, Map<String, Object>> indexFields) {
        this.collection = collection;
        this.mapper = objectMapper.copy()
                                  .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                  .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                  .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        this.type = type;
        this.indexFields = indexFields;
        PositionGuardedDocuments.indexVersions(collection);
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(eq(ID, id)).first()).map(this::fromDocument);
    }

    /** Every record matching {@code filter}, with only the fields {@code projection} names when it is not null. */
    public List<T> findAll(Bson filter, Bson projection) {
        List<T> records = new ArrayList<>();
        for (Document document : collection.find(filter).projection(projection)) {
            records.add(fromDocument(document));
        }
        return records;
    }

    /** The global position of the last event folded into the record {@code id}; 0 when there is none. */
    public long lastPosition(String id) {
        Document stored = collection.find(eq(ID, id)).projection(new Document(LAST_POSITION, 1)).first();
        return stored == null ? 0 : lastPositionOf(stored);
    }

    /**
     * Folds the event at {@code position} into the record {@code id}.
     *
     * <p>Idempotent: the document changes only if its {@value #LAST_POSITION} is below {@code position},
     * and the replace matches only the exact version the change was computed from, so an event
     * delivered again, or replayed over a record that already reflects it, writes nothing.
     *
     * @param initial the record before any event, for a key not stored yet
     */
    public void apply(String id, long position, Supplier<T> initial, UnaryOperator<T> change) {
        Map<Object, BatchedWrites.Pending> batch = BatchedWrites.pendingOfCurrentBatch();
        if (batch != null) {
            fold(batch, id, position, initial, change);
            return;
        }
        while (true) {
            Document stored = collection.find(eq(ID, id)).first();
            if (stored == null) {
                if (insertIfAbsent(toDocument(id, change.apply(initial.get()), position))) {
                    return;
                }
                continue;
            }
            long last = lastPositionOf(stored);
            if (last >= position) {
                return;
            }
            Document next = toDocument(id, change.apply(fromDocument(stored)), position);
            if (collection.replaceOne(PositionGuardedDocuments.version(id, last), next).getMatchedCount() == 1) {
                return;
            }
        }
    }

    /**
     * Folds the event into the batch's copy of the record, read once per batch; {@link BatchedWrites}
     * writes it when the batch's last event has been handled. The same guard holds: an event the
     * record already reflects changes nothing, and the write replaces exactly the version read.
     */
    private void fold(Map<Object, BatchedWrites.Pending> batch, String id, long position, Supplier<T> initial,
                      UnaryOperator<T> change) {
        @SuppressWarnings("unchecked") // this collection's changes are only ever a Changes of this instance
        Changes changes = (Changes) batch.computeIfAbsent(this, owner -> new Changes());
        Change record = changes.byId.computeIfAbsent(id, this::read);
        if (record.position >= position) {
            return;
        }
        record.record = change.apply(record.record != null ? record.record : initial.get());
        record.position = position;
    }

    private Change read(String id) {
        Document stored = collection.find(eq(ID, id)).first();
        return stored == null ? new Change(ABSENT, null) : new Change(lastPositionOf(stored), fromDocument(stored));
    }

    private static final long ABSENT = -1;

    /** A record as the batch has it: the stored version it was read at, and what the batch made of it. */
    private final class Change {
        final long storedVersion;
        T record;
        long position;

        Change(long storedVersion, T record) {
            this.storedVersion = storedVersion;
            this.record = record;
            this.position = Math.max(storedVersion, 0);
        }

        /** Positions start at 1, so an absent record that folded an event is changed too. */
        boolean changed() {
            return position > Math.max(storedVersion, 0);
        }
    }

    /** This collection's changes in one batch, written in one unordered bulk write. */
    private final class Changes implements BatchedWrites.Pending {
        final Map<String, Change> byId = new LinkedHashMap<>();

        @Override
        public void flush() {
            List<WriteModel<Document>> writes = new ArrayList<>();
            byId.forEach((id, change) -> {
                if (!change.changed()) {
                    return;
                }
                Document next = toDocument(id, change.record, change.position);
                writes.add(change.storedVersion == ABSENT
                        ? new InsertOneModel<>(next)
                        : new ReplaceOneModel<>(PositionGuardedDocuments.version(id, change.storedVersion), next));
            });
            if (writes.isEmpty()) {
                return;
            }
            // an insert of a record that appeared meanwhile fails as a duplicate key, which fails the batch too
            BulkWriteResult result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            if (result.getInsertedCount() + result.getMatchedCount() != writes.size()) {
                throw new IllegalStateException("Records of " + collection.getNamespace() + " changed while this batch "
                                                + "was folding them; the batch is handled again");
            }
        }
    }

    /** The global position of the event a handler got with {@code token}; during a replay, the replayed event's. */
    public static long positionOf(TrackingToken token) {
        return token.position()
                    .orElseThrow(() -> new IllegalStateException("Tracking token without a position: " + token));
    }

    /** Removes every record that reflects an event after {@code position}: all of them for 0. */
    public void removeTouchedAfter(long position) {
        PositionGuardedDocuments.removeInChunks(collection,
                                                position == 0 ? new Document() : gt(LAST_POSITION, position));
    }

    private Document toDocument(String id, T record, long position) {
        Document document = new Document(ID, id);
        document.putAll(mapper.convertValue(record, MAP));
        document.putAll(indexFields.apply(record));
        document.put(LAST_POSITION, position);
        return document;
    }

    private T fromDocument(Document document) {
        return mapper.convertValue(document, type);
    }

    private static long lastPositionOf(Document document) {
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
