package vn.province.govtrack.query.timeliness;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.query.projection.PositionGuardedDocuments;

/**
 * The {@code timeliness_fact} collection: one {@link DossierFact} per received dossier, keyed by
 * its id, owned by the timeliness projection. Instants are stored as MongoDB dates.
 */
@Component
class DossierFacts {

    static final String COLLECTION = "timeliness_fact";

    /** Facts travel to the report in large batches: the report reads every fact of its period. */
    private static final int BATCH_SIZE = 5_000;

    private final PositionGuardedDocuments facts;

    DossierFacts(MongoClient mongoClient, MongoProperties mongoProperties) {
        MongoCollection<Document> collection = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase())
                                                          .getCollection(COLLECTION);
        this.facts = new PositionGuardedDocuments(collection);
        collection.createIndex(Indexes.ascending("receivedAt"), new IndexOptions().name("received"));
        collection.createIndex(Indexes.ascending("endedAt"), new IndexOptions().name("ended"));
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
     * Hands every fact that can count in {@code period} to {@code consumer}: received before its end,
     * and not ended before its start (a fact without {@code endedAt} has not ended). Streams; the
     * facts are not held in memory together.
     */
    void forEachRelevantTo(Period period, Consumer<DossierFact> consumer) {
        Date start = Date.from(period.start());
        Date end = Date.from(period.end());
        try (MongoCursor<Document> cursor = facts.collection()
                                                 .find(and(lt("receivedAt", end),
                                                         or(eq("endedAt", null), gte("endedAt", start))))
                                                 .batchSize(BATCH_SIZE)
                                                 .iterator()) {
            while (cursor.hasNext()) {
                consumer.accept(fromDocument(cursor.next()));
            }
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
     * The stored form is as small as the common case allows, because a report reads every fact of
     * its period: the receipt's unit and due date are flat fields, and {@code transfers},
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
