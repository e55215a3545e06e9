package vn.province.govtrack.simulator.endtoend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * The product's database as the crash suite reads it with the driver, outside both services: the
 * commits of the event log, and the read models dumped canonically for comparison.
 */
final class StoreContents implements AutoCloseable {

    /** The event store's log (ADR 0001). */
    static final String EVENTS = "events";

    /**
     * The collections that are not the query side's read models, so not compared with a rebuild: the event
     * store's own (the log, its layout, snapshots, signed checkpoints), the command side's idempotency claims
     * and heartbeats, its sealed applicant keys and its own index of active secondments (which no query-side
     * rebuild touches), Axon's token store (where each processor is and who holds it, with the time of the
     * claim: rebuild metadata by design), and the log of rebuilds itself.
     */
    static final Set<String> NOT_READ_MODELS = Set.of(EVENTS, "event_positions", "snapshots", "audit_checkpoints",
                                                      "idempotency_keys", "idempotency_heartbeats", "applicant_keys",
                                                      "command_active_secondments", "trackingtokens",
                                                      "projection_rebuilds");

    /**
     * The documents of a read model that are compared, where not all are: {@code dossier_open} is compared
     * by its open entries (every field, the position of the view each was computed from included), without
     * the tombstones of closed dossiers (ADR 0013). No query reads a tombstone; it says when it was written
     * and stays only for a grace period, so the live collection and its rebuild hold different ones.
     */
    static final Map<String, Bson> COMPARED = Map.of("dossier_open", Filters.ne("closed", true));

    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED)
                                                                          .build();

    /** One commit of the log: its first and last position, its commit key, whether it is a void slot. */
    record Commit(long first, long last, String key, boolean voidSlot, List<String> eventTypes, List<String> aggregates) {
    }

    private final MongoClient client;
    private final MongoDatabase database;

    StoreContents(String uri, String database) {
        this.client = MongoClients.create(uri);
        this.database = client.getDatabase(database);
    }

    /** Every commit and void slot of the log, in position order. */
    List<Commit> commits() {
        List<Commit> commits = new ArrayList<>();
        for (BsonDocument document : database.getCollection(EVENTS, BsonDocument.class).find()
                .projection(Projections.include("_id", "last", "key", "fence", "events.type", "events.agg"))
                .sort(Sorts.ascending("_id"))) {
            List<String> types = new ArrayList<>();
            List<String> aggregates = new ArrayList<>();
            for (BsonValue event : document.getArray("events", new BsonArray())) {
                types.add(event.asDocument().getString("type").getValue());
                aggregates.add(event.asDocument().getString("agg").getValue());
            }
            long first = document.get("_id").asNumber().longValue();
            commits.add(new Commit(first, document.containsKey("last") ? document.get("last").asNumber().longValue() : first,
                                   document.containsKey("key") ? document.getString("key").getValue() : null,
                                   document.getBoolean("fence", org.bson.BsonBoolean.FALSE).getValue(), types,
                                   aggregates));
        }
        return commits;
    }

    /** The names of the database's collections that hold read models. */
    List<String> readModelCollections() {
        List<String> names = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            if (!NOT_READ_MODELS.contains(name)) {
                names.add(name);
            }
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    /**
     * Every read-model collection, as a list of its documents in canonical extended JSON (members sorted
     * by name at every level, types kept), ordered by {@code _id}.
     */
    Map<String, List<String>> dumpReadModels() {
        Map<String, List<String>> dump = new TreeMap<>();
        for (String name : readModelCollections()) {
            Map<String, String> byId = new TreeMap<>();
            Bson compared = COMPARED.getOrDefault(name, new BsonDocument());
            for (BsonDocument document : database.getCollection(name, BsonDocument.class).find(compared)) {
                BsonDocument canonical = canonical(document);
                byId.put(new BsonDocument("_id", canonical.get("_id", new org.bson.BsonNull())).toJson(CANONICAL),
                         canonical.toJson(CANONICAL));
            }
            dump.put(name, new ArrayList<>(byId.values()));
        }
        return dump;
    }

    long count(String collection) {
        return database.getCollection(collection).countDocuments();
    }

    private static BsonDocument canonical(BsonDocument document) {
        BsonDocument sorted = new BsonDocument();
        document.keySet().stream().sorted().forEach(key -> sorted.put(key, canonical(document.get(key))));
        return sorted;
    }

    private static BsonValue canonical(BsonValue value) {
        if (value.isDocument()) {
            return canonical(value.asDocument());
        }
        if (value.isArray()) {
            BsonArray array = new BsonArray();
            value.asArray().forEach(element -> array.add(canonical(element)));
            return array;
        }
        return value;
    }

    @Override
    public void close() {
        client.close();
    }
}
