package vn.province.govtrack.query.staff;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.query.projection.ReadModelStore;

/**
 * A collection of staff records keyed by staff id, written only through {@link #apply}. Each
 * document also carries {@value #UNITS} (every unit the record names) and {@value #ACCOUNT_UNITS}
 * (the units of its accounts), for queries by unit.
 */
public final class StaffRecords {

    public static final String UNITS = "units";
    public static final String ACCOUNT_UNITS = "accountUnits";

    private final ReadModelStore<StaffRecord> records;
    private final MongoCollection<Document> collection;
    private final Function<StaffRecord, Map<String, Object>> queryFields;

    public StaffRecords(MongoDatabase database, String collectionName, ObjectMapper objectMapper) {
        this(database, collectionName, objectMapper, record -> Map.of());
    }

    /**
     * @param queryFields more top-level fields a projection's queries read, a function of the record
     *                    alone; like {@value #UNITS} they are written with every record and never read back
     */
    public StaffRecords(MongoDatabase database, String collectionName, ObjectMapper objectMapper,
                        Function<StaffRecord, Map<String, Object>> queryFields) {
        this.collection = database.getCollection(collectionName);
        this.queryFields = queryFields;
        this.records = new ReadModelStore<>(collection, objectMapper, StaffRecord.class, record -> {
            Map<String, Object> fields = new HashMap<>(indexFields(record));
            fields.putAll(queryFields.apply(record));
            return fields;
        });
    }

    /**
     * Adds the query fields to every record stored before they existed, those lacking {@code field}.
     * They are a function of the stored record, so this changes no answer a record gives; a record the
     * projection rewrites meanwhile gets them with its write, and this update then matches nothing.
     *
     * @return how many records it completed
     */
    public int completeQueryFields(String field) {
        int completed = 0;
        for (StaffRecord record : records.findAll(exists(field, false), null)) {
            Document fields = new Document(queryFields.apply(record));
            completed += (int) collection.updateOne(and(eq(ReadModelStore.ID, record.staffId()),
                                                        exists(field, false)),
                                                    new Document("$set", fields)).getModifiedCount();
        }
        return completed;
    }

    public Optional<StaffRecord> find(String staffId) {
        return records.find(staffId);
    }

    public long lastPosition(String staffId) {
        return records.lastPosition(staffId);
    }

    /** @param projection the fields to read, or null for whole records */
    public List<StaffRecord> findAll(Bson filter, Bson projection) {
        return records.findAll(filter, projection);
    }

    /** Folds one staff event into the person's record; idempotent per event position ({@link ReadModelStore#apply}). */
    public void apply(String staffId, Object event, Recorded recorded) {
        records.apply(staffId, recorded.position(), () -> StaffFold.initial(staffId),
                      record -> StaffFold.evolve(record, event, recorded));
    }

    /**
     * What the history keeps of an event's recording. During a replay the token is a ReplayToken,
     * whose position is the replayed event's.
     */
    public static Recorded recorded(TrackingToken token, Instant at, String actor) {
        return new Recorded(ReadModelStore.positionOf(token), at, actor);
    }

    /** Removes every record that reflects an event after {@code position}: all of them for 0. */
    public void removeTouchedAfter(long position) {
        records.removeTouchedAfter(position);
    }

    private static Map<String, Object> indexFields(StaffRecord record) {
        List<String> units = Stream.concat(
                        record.assignments().stream().map(StaffRecord.Assignment::unitCode),
                        record.secondments().stream().map(StaffRecord.Secondment::toUnitCode))
                .distinct().sorted().toList();
        List<String> accountUnits = record.accounts().stream().map(StaffRecord.Account::unitCode)
                .distinct().sorted().toList();
        return Map.of(UNITS, units, ACCOUNT_UNITS, accountUnits);
    }
}
