package vn.province.govtrack.query.timeliness;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;

import vn.province.govtrack.query.projection.ReadModelStore;

/**
 * The {@code timeliness_fact} collection: one {@link DossierFact} per received dossier, keyed by
 * its id, owned by the timeliness projection, stored through a {@link ReadModelStore} in the
 * compact form {@link DossierFact} declares (instants as MongoDB dates). Reports do not
 * read it: each query-side instance loads it into its {@link TimelinessIndex} at start.
 */
@Component
class DossierFacts {

    static final String COLLECTION = "timeliness_fact";

    /** How many facts {@link #forEachStored} asks for at once, by id. */
    private static final int PAGE = 100;

    private final ReadModelStore<DossierFact> facts;

    DossierFacts(MongoClient mongoClient, MongoProperties mongoProperties, ObjectMapper objectMapper) {
        MongoCollection<Document> collection = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase())
                                                          .getCollection(COLLECTION);
        this.facts = new ReadModelStore<>(collection, objectMapper, DossierFact.class, "dossierId",
                                          fact -> Map.of(), written -> { });
        dropIndexesOfPeriodScans(collection);
    }

    /**
     * Folds the event at {@code position} into the dossier's fact; idempotent per position (see
     * {@link ReadModelStore#apply}). A change that yields no fact, or the same fact, writes nothing.
     * A fact stored before its elements had positions gets them first (see {@link DossierFact#recordedBy}).
     */
    void apply(String dossierId, long position, UnaryOperator<DossierFact> change) {
        facts.apply(dossierId, position, stored -> {
            if (stored == null || !stored.hasUnrecorded()) {
                return change.apply(stored);
            }
            DossierFact recorded = stored.recordedBy(facts.lastPosition(dossierId));
            DossierFact next = change.apply(recorded);
            return next == recorded ? stored : next;
        });
    }

    Optional<DossierFact> find(String dossierId) {
        return facts.find(dossierId);
    }

    /**
     * Hands every stored fact to {@code consumer}, with the position of the last event folded into it
     * (elements stored without a position taken as recorded there, see {@link DossierFact#recordedBy});
     * a fact stored after this began may be missing, one removed meanwhile is.
     *
     * <p>The ids come first, then the facts a page at a time by id: the embedded server
     * (mongo-java-server) keeps every document a query matches in memory until its cursor is read
     * to the end, and a province-year of whole facts does not fit in its heap; their ids do, and
     * facts by id are index lookups there as in MongoDB.
     */
    void forEachStored(BiConsumer<DossierFact, Long> consumer) {
        List<String> page = new ArrayList<>(PAGE);
        try (MongoCursor<Document> ids = facts.collection().find().projection(new Document(ReadModelStore.ID, 1))
                                              .batchSize(PAGE * 10).iterator()) {
            while (ids.hasNext()) {
                page.add(ids.next().getString(ReadModelStore.ID));
                if (page.size() == PAGE) {
                    forEachOf(page, consumer);
                    page.clear();
                }
            }
        }
        forEachOf(page, consumer);
    }

    private void forEachOf(List<String> ids, BiConsumer<DossierFact, Long> consumer) {
        if (ids.isEmpty()) {
            return;
        }
        for (Document stored : facts.collection().find(in(ReadModelStore.ID, ids)).batchSize(PAGE)) {
            long lastPosition = stored.get(ReadModelStore.LAST_POSITION, Number.class).longValue();
            DossierFact fact = facts.read(stored);
            consumer.accept(fact.hasUnrecorded() ? fact.recordedBy(lastPosition) : fact, lastPosition);
        }
    }

    /** The document {@link #apply} stores for {@code fact} folded up to {@code position}. */
    Document toDocument(DossierFact fact, long position) {
        return facts.toDocument(fact.dossierId(), fact, position);
    }

    /** Removes every fact. */
    void clear() {
        facts.clear();
    }

    /** Removes every fact that reflects an event after {@code position}: all of them for 0. */
    void removeTouchedAfter(long position) {
        facts.removeTouchedAfter(position);
    }

    /**
     * Reports once read every fact of their period through indexes on {@code receivedAt} and
     * {@code endedAt}; nothing does any more, and they only slowed every write down.
     */
    private static void dropIndexesOfPeriodScans(MongoCollection<Document> collection) {
        for (Document index : collection.listIndexes()) {
            String name = index.getString("name");
            if (name.equals("received") || name.equals("ended")) {
                collection.dropIndex(name);
            }
        }
    }
}
