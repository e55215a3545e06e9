package vn.province.govtrack.query.projection;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
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
 * The query side's one read-model store: a projection's collection of immutable records of type
 * {@code T}, one document per key, each stamped in {@value #LAST_POSITION} with the global position
 * of the last event folded into it. Every projection writes through {@link #apply}, which makes
 * redelivered and replayed events harmless.
 *
 * <p>Records are mapped by Jackson, by property name, so a record type needs no codec: instants
 * become MongoDB dates (to the millisecond), which compare and sort as dates in queries; local
 * dates and times ISO-8601 text, which sorts in date order; enums their names. With an
 * {@code idProperty} the record's id is stored once, as {@code _id}; {@code indexFields} may add
 * top-level fields that only serve queries and are not read back.
 *
 * <p>Under an event processor's batch ({@link BatchedWrites}) a record is read once per batch, its
 * events are folded in memory, and every changed record is written in one bulk write per collection
 * after the batch's last event, before the processor stores its token; handlers called directly
 * write at once.
 */
public final class ReadModelStore<T> {

    public static final String ID = "_id";
    public static final String LAST_POSITION = "lastPosition";

    /** Documents removed per delete command by {@link #removeInChunks}. */
    public static final int REMOVAL_CHUNK = 1_000;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final MongoCollection<Document> collection;
    private final ObjectMapper mapper;
    private final Class<T> type;
    private final String idProperty;
    private final Function<T, Map<String, Object>> indexFields;
    private final Consumer<List<Written<T>>> afterWrites;

    public ReadModelStore(MongoCollection<Document> collection, ObjectMapper objectMapper, Class<T> type) {
        this(collection, objectMapper, type, null, record -> Map.of(), written -> { });
    }

    public ReadModelStore(MongoCollection<Document> collection, ObjectMapper objectMapper, Class<T> type,
                          Function<T, Map<String, Object>> indexFields) {
        this(collection, objectMapper, type, null, indexFields, written -> { });
    }

    /**
     * @param idProperty  the record property stored as {@code _id} (and only there); null to keep every
     *                    property in the document besides {@code _id}
     * @param afterWrites told of the records just written (after every {@link #apply} outside a batch,
     *                    after the bulk write of a batch), for writes that follow from them, such as
     *                    another collection's entries; if it fails, so does the event or the batch, which
     *                    is handled again: the records then reflect the events already, and
     *                    {@link Written#before} is null, so the follow-up writes are made again
     */
    public ReadModelStore(MongoCollection<Document> collection, ObjectMapper objectMapper, Class<T> type,
                          String idProperty, Function<T, Map<String, Object>> indexFields,
                          Consumer<List<Written<T>>> afterWrites) {
        this.collection = collection;
        this.mapper = objectMapper.copy()
                                  .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                  .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                  .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                                  .registerModule(instantsAsDates());
        this.type = type;
        this.idProperty = idProperty;
        this.indexFields = indexFields;
        this.afterWrites = afterWrites;
        indexVersions(collection);
    }

    /**
     * A record as an {@link #apply} left it ({@code after}), and the stored version the change was
     * computed from ({@code before}); {@code before} is null when there was none, or when the events
     * were already reflected and nothing was written.
     */
    public record Written<T>(T before, T after) {
    }

    /** The collection, for queries; writes go through {@link #apply}. */
    public MongoCollection<Document> collection() {
        return collection;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(eq(ID, id)).first()).map(this::read);
    }

    /** Every record matching {@code filter}, with only the fields {@code projection} names when it is not null. */
    public List<T> findAll(Bson filter, Bson projection) {
        List<T> records = new ArrayList<>();
        for (Document document : collection.find(filter).projection(projection)) {
            records.add(read(document));
        }
        return records;
    }

    /** The record a document of this collection holds. */
    public T read(Document document) {
        if (idProperty == null) {
            return mapper.convertValue(document, type);
        }
        Map<String, Object> properties = new LinkedHashMap<>(document);
        properties.put(idProperty, document.get(ID));
        return mapper.convertValue(properties, type);
    }

    /** The global position of the last event folded into the record {@code id}; 0 when there is none. */
    public long lastPosition(String id) {
        Document stored = collection.find(eq(ID, id)).projection(new Document(LAST_POSITION, 1)).first();
        return stored == null ? 0 : lastPositionOf(stored);
    }

    /** {@link #apply(String, long, UnaryOperator)} for a record that exists from its first event on. */
    public void apply(String id, long position, Supplier<T> initial, UnaryOperator<T> change) {
        apply(id, position, stored -> change.apply(stored == null ? initial.get() : stored));
    }

    /**
     * Folds the event at {@code position} into the record keyed {@code id}.
     *
     * <p>Idempotent: the record changes only if its {@value #LAST_POSITION} is below {@code position},
     * and the replace matches only the exact version the change was computed from, so an event
     * delivered again, or replayed over a record that already reflects it, writes nothing.
     *
     * @param change from the stored record (null when there is none) to the next one; the same record
     *               or null to write nothing (the record and its position stay as they were)
     * @return the record stored once this returns (the one written, or the one that made the event a
     *         no-op); null when there is none
     */
    public T apply(String id, long position, UnaryOperator<T> change) {
        Map<Object, BatchedWrites.Pending> batch = BatchedWrites.pendingOfCurrentBatch();
        if (batch != null) {
            return fold(batch, id, position, change);
        }
        Written<T> written = applyNow(id, position, change);
        if (written.after() != null) {
            afterWrites.accept(List.of(written));
        }
        return written.after();
    }

    private Written<T> applyNow(String id, long position, UnaryOperator<T> change) {
        while (true) {
            Document document = collection.find(eq(ID, id)).first();
            T stored = document == null ? null : read(document);
            if (document != null && lastPositionOf(document) >= position) {
                return new Written<>(null, stored);
            }
            T next = change.apply(stored);
            if (next == null || next == stored) {
                return new Written<>(null, stored);
            }
            if (document == null) {
                if (insertIfAbsent(toDocument(id, next, position))) {
                    return new Written<>(null, next);
                }
                continue;
            }
            Document version = version(id, lastPositionOf(document));
            if (collection.replaceOne(version, toDocument(id, next, position)).getMatchedCount() == 1) {
                return new Written<>(stored, next);
            }
        }
    }

    /**
     * Folds the event into the batch's copy of the record, read once per batch; the same guard holds:
     * an event the record already reflects changes nothing, and the bulk write replaces exactly the
     * version read (a record another instance changed meanwhile fails the batch, which is handled again).
     */
    private T fold(Map<Object, BatchedWrites.Pending> batch, String id, long position, UnaryOperator<T> change) {
        @SuppressWarnings("unchecked") // this store's changes are only ever a Changes of this instance
        Changes changes = (Changes) batch.computeIfAbsent(this, owner -> new Changes());
        Change record = changes.byId.computeIfAbsent(id, this::readForBatch);
        if (record.position >= position) {
            return record.current;
        }
        T next = change.apply(record.current);
        if (next == null || next == record.current) {
            return record.current;
        }
        record.current = next;
        record.position = position;
        return next;
    }

    private Change readForBatch(String id) {
        Document document = collection.find(eq(ID, id)).first();
        return document == null ? new Change(ABSENT, null) : new Change(lastPositionOf(document), read(document));
    }

    private static final long ABSENT = -1;

    /** A record in a batch: the stored version it was read at, as stored then, and as the batch left it. */
    private final class Change {
        final long storedVersion;
        final T stored;
        T current;
        long position;

        Change(long storedVersion, T stored) {
            this.storedVersion = storedVersion;
            this.stored = stored;
            this.current = stored;
            this.position = Math.max(storedVersion, 0);
        }

        boolean changed() {
            return current != stored;
        }
    }

    /** This store's changes in one batch, written in one unordered bulk write. */
    private final class Changes implements BatchedWrites.Pending {
        final Map<String, Change> byId = new LinkedHashMap<>();

        @Override
        public void flush() {
            List<WriteModel<Document>> writes = new ArrayList<>();
            List<Written<T>> written = new ArrayList<>();
            byId.forEach((id, record) -> {
                if (record.changed()) {
                    Document next = toDocument(id, record.current, record.position);
                    writes.add(record.storedVersion == ABSENT ? new InsertOneModel<>(next)
                            : new ReplaceOneModel<>(version(id, record.storedVersion), next));
                    written.add(new Written<>(record.stored, record.current));
                } else if (record.current != null) {
                    written.add(new Written<>(null, record.current));
                }
            });
            if (!writes.isEmpty()) {
                // an insert of a record that appeared meanwhile fails as a duplicate key, which fails the batch too
                BulkWriteResult result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                if (result.getInsertedCount() + result.getMatchedCount() != writes.size()) {
                    throw new IllegalStateException("Records of " + collection.getNamespace() + " changed while "
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

    /** Removes every record, {@value #REMOVAL_CHUNK} at a time ({@link #removeInChunks}). */
    public void clear() {
        removeInChunks(collection, new Document());
    }

    /** The ids of the records that reflect an event after {@code position}. */
    public List<String> idsTouchedAfter(long position) {
        return collection.find(gt(LAST_POSITION, position)).projection(new Document(ID, 1))
                         .map(document -> document.getString(ID)).into(new ArrayList<>());
    }

    /** Removes every record that reflects an event after {@code position}: all of them for 0. */
    public void removeTouchedAfter(long position) {
        removeInChunks(collection, position == 0 ? new Document() : gt(LAST_POSITION, position));
    }

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

    /** The document {@link #apply} stores for {@code record} folded up to {@code position}. */
    public Document toDocument(String id, T record, long position) {
        Document document = new Document(ID, id);
        document.putAll(mapper.convertValue(record, MAP));
        if (idProperty != null) {
            document.remove(idProperty);
        }
        document.putAll(indexFields.apply(record));
        document.put(LAST_POSITION, position);
        return document;
    }

    /**
     * The filter matching exactly one stored version of a document: {@code {_id, lastPosition}} as a
     * plain document (not {@code $and}), which {@link #indexVersions} gives an index of exactly those
     * keys.
     */
    private static Document version(String id, long lastPosition) {
        return new Document(ID, id).append(LAST_POSITION, lastPosition);
    }

    /**
     * A unique index on {@code {_id, lastPosition}}, for the compare-and-set replace of {@link #apply}.
     * MongoDB would find the document by {@code _id} alone; the embedded wire-protocol server
     * (mongo-java-server) uses an index only for a query on exactly its keys, and without this one
     * scanned the whole collection on every write, so that folding n events took time in n².
     * Creating an existing index is a no-op.
     */
    private static void indexVersions(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(ID, LAST_POSITION), new IndexOptions().unique(true));
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

    /**
     * Instants to and from MongoDB dates. The conversion between records and documents runs through
     * Jackson's token buffer, which carries a {@link Date} as an embedded object: the driver then
     * stores it as a date, and a date read from a document reaches the record's instant unchanged.
     * Instants stored as ISO-8601 text by earlier versions still read.
     */
    private static SimpleModule instantsAsDates() {
        return new SimpleModule("instants-as-dates")
                .addSerializer(Instant.class, new StdScalarSerializer<>(Instant.class) {
                    @Override
                    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
                            throws IOException {
                        generator.writeEmbeddedObject(Date.from(value));
                    }
                })
                .addSerializer(Date.class, new StdScalarSerializer<>(Date.class) {
                    @Override
                    public void serialize(Date value, JsonGenerator generator, SerializerProvider provider)
                            throws IOException {
                        generator.writeEmbeddedObject(value);
                    }
                })
                .addDeserializer(Instant.class, new StdScalarDeserializer<>(Instant.class) {
                    @Override
                    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        if (parser.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT
                            && parser.getEmbeddedObject() instanceof Date date) {
                            return date.toInstant();
                        }
                        if (parser.currentToken() == JsonToken.VALUE_STRING) {
                            return Instant.parse(parser.getText());
                        }
                        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
                    }
                });
    }
}
