package vn.province.govtrack.query.timeliness;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;

import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.query.projection.PositionGuardedDocuments;

/**
 * The {@code timeliness_fact} collection: one {@link DossierFact} per received dossier, keyed by
 * its id, owned by the timeliness projection. Instants are stored as MongoDB dates. Reports do not
 * read it: each query-side instance loads it into its {@link TimelinessIndex} at start.
 */
@Component
class DossierFacts {

    static final String COLLECTION = "timeliness_fact";

    /** How many facts {@link #forEachStored} asks for at once, by id. */
    private static final int PAGE = 100;

    private final PositionGuardedDocuments facts;

    DossierFacts(MongoClient mongoClient, MongoProperties mongoProperties) {
        MongoCollection<Document> collection = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase())
                                                          .getCollection(COLLECTION);
        this.facts = new PositionGuardedDocuments(collection);
        dropIndexesOfPeriodScans(collection);
    }

    /**
     * Folds the event at {@code position} into the dossier's fact; idempotent per position (see
     * {@link PositionGuardedDocuments#apply}). A change that yields no fact writes nothing.
     */
    void apply(String dossierId, long position, UnaryOperator<DossierFact> change) {
        facts.apply(dossierId, position, stored -> {
            DossierFact next = change.apply(stored == null ? null : fromDocument(stored));
            return next == null ? null : toDocument(next);
        });
    }

    Optional<DossierFact> find(String dossierId) {
        return Optional.ofNullable(facts.collection().find(eq(PositionGuardedDocuments.ID, dossierId)).first())
                       .map(DossierFacts::fromDocument);
    }

    /**
     * Hands every stored fact to {@code consumer}, with the position of the last event folded into it;
     * a fact stored after this began may be missing, one removed meanwhile is.
     *
     * <p>The ids come first, then the facts a page at a time by id: the embedded server
     * (mongo-java-server) keeps every document a query matches in memory until its cursor is read
     * to the end, and a province-year of whole facts does not fit in its heap; their ids do, and
     * facts by id are index lookups there as in MongoDB.
     */
    void forEachStored(BiConsumer<DossierFact, Long> consumer) {
        List<String> page = new ArrayList<>(PAGE);
        try (MongoCursor<Document> ids = facts.collection().find().projection(new Document(PositionGuardedDocuments.ID, 1))
                                              .batchSize(PAGE * 10).iterator()) {
            while (ids.hasNext()) {
                page.add(ids.next().getString(PositionGuardedDocuments.ID));
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
        for (Document stored : facts.collection().find(in(PositionGuardedDocuments.ID, ids)).batchSize(PAGE)) {
            consumer.accept(fromDocument(stored),
                    stored.get(PositionGuardedDocuments.LAST_POSITION, Number.class).longValue());
        }
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

    /**
     * The stored form is as small as the common case allows, because every instance loads every fact
     * at start: the receipt's unit and due date are flat fields, and {@code transfers},
     * {@code dueChanges} and {@code pauses} appear only when there was one; the end's fields only
     * once processing ended.
     */
    static Document toDocument(DossierFact fact) {
        Document document = new Document(PositionGuardedDocuments.ID, fact.dossierId())
                .append("procedureCode", fact.procedureCode())
                .append("field", fact.field())
                .append("unitCode", fact.receivingUnit())
                .append("receivedAt", date(fact.receivedAt()))
                .append("dueAt", date(fact.deadlines().get(0).dueAt()));
        if (fact.holdings().size() > 1) {
            document.append("transfers", fact.holdings().stream().skip(1)
                    .map(h -> new Document("at", date(h.from())).append("unitCode", h.unitCode())).toList());
        }
        if (fact.deadlines().size() > 1) {
            document.append("dueChanges", fact.deadlines().stream().skip(1)
                    .map(d -> new Document("at", date(d.from())).append("dueAt", date(d.dueAt()))).toList());
        }
        if (!fact.pauses().isEmpty()) {
            document.append("pauses", fact.pauses().stream()
                    .map(p -> new Document("from", date(p.from())).append("until", date(p.until()))).toList());
        }
        if (fact.ended()) {
            document.append("endedAt", date(fact.endedAt()))
                    .append("endedAs", name(fact.endedAs()))
                    .append("verdict", name(fact.verdict()))
                    .append("processingDays", fact.processingDays());
        }
        return document;
    }

    static DossierFact fromDocument(Document d) {
        Instant receivedAt = instant(d.getDate("receivedAt"));
        List<DossierFact.Holding> holdings = new ArrayList<>();
        holdings.add(new DossierFact.Holding(receivedAt, d.getString("unitCode")));
        for (Document transfer : d.getList("transfers", Document.class, List.of())) {
            holdings.add(new DossierFact.Holding(instant(transfer.getDate("at")), transfer.getString("unitCode")));
        }
        List<DossierFact.Deadline> deadlines = new ArrayList<>();
        deadlines.add(new DossierFact.Deadline(receivedAt, instant(d.getDate("dueAt"))));
        for (Document change : d.getList("dueChanges", Document.class, List.of())) {
            deadlines.add(new DossierFact.Deadline(instant(change.getDate("at")), instant(change.getDate("dueAt"))));
        }
        List<DossierFact.Pause> pauses = new ArrayList<>();
        for (Document pause : d.getList("pauses", Document.class, List.of())) {
            pauses.add(new DossierFact.Pause(instant(pause.getDate("from")), instant(pause.getDate("until"))));
        }
        String endedAs = d.getString("endedAs");
        String verdict = d.getString("verdict");
        return new DossierFact(d.getString(PositionGuardedDocuments.ID), d.getString("procedureCode"),
                d.getString("field"), receivedAt, holdings, deadlines, pauses, instant(d.getDate("endedAt")),
                endedAs == null ? null : DossierStatus.valueOf(endedAs),
                verdict == null ? null : Timeliness.valueOf(verdict), d.getDouble("processingDays"));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
