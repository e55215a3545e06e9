package vn.province.govtrack.query.dossier;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * The {@code dossier_view} collection: one document per dossier, keyed by its id, owned by the
 * dossier projection. Instants are stored as MongoDB dates (millisecond precision) so later
 * queries can range over them.
 */
@Component
class DossierViews {

    static final String COLLECTION = "dossier_view";

    private final MongoCollection<Document> collection;

    DossierViews(MongoClient mongoClient, MongoProperties mongoProperties) {
        this.collection = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection(COLLECTION);
    }

    Optional<DossierView> find(String dossierId) {
        return Optional.ofNullable(collection.find(eq("_id", dossierId)).first()).map(DossierViews::fromDocument);
    }

    /**
     * Folds the event at {@code position} into the dossier's document.
     *
     * <p>Idempotent: the document changes only if its {@code lastPosition} is below {@code position},
     * and the replace matches only the exact version the change was computed from, so a
     * redelivered or replayed-over event (position &lt;= lastPosition) writes nothing.
     */
    void apply(String dossierId, long position, UnaryOperator<DossierView> change) {
        while (true) {
            Document stored = collection.find(eq("_id", dossierId)).first();
            if (stored == null) {
                DossierView next = change.apply(DossierFold.initial(dossierId)).atPosition(position);
                if (insertIfAbsent(next)) {
                    return;
                }
                continue;
            }
            DossierView current = fromDocument(stored);
            if (current.lastPosition() >= position) {
                return;
            }
            DossierView next = change.apply(current).atPosition(position);
            long replaced = collection.replaceOne(
                    and(eq("_id", dossierId), eq("lastPosition", current.lastPosition())), toDocument(next))
                    .getMatchedCount();
            if (replaced == 1) {
                return;
            }
        }
    }

    /** Removes every document this projection owns. */
    void clear() {
        collection.deleteMany(new Document());
    }

    private boolean insertIfAbsent(DossierView view) {
        try {
            collection.insertOne(toDocument(view));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    static Document toDocument(DossierView view) {
        return new Document("_id", view.dossierId())
                .append("status", name(view.status()))
                .append("statusCode", view.status() == null ? null : view.status().code())
                .append("procedureCode", view.procedureCode())
                .append("field", view.field())
                .append("unitCode", view.unitCode())
                .append("channel", name(view.channel()))
                .append("submittedAt", date(view.submittedAt()))
                .append("receivedAt", date(view.receivedAt()))
                .append("clockStartsAt", date(view.clockStartsAt()))
                .append("processingHours", view.processingHours())
                .append("dueAt", date(view.dueAt()))
                .append("resolvedAt", date(view.resolvedAt()))
                .append("outcome", name(view.outcome()))
                .append("timeliness", name(view.timeliness()))
                .append("processingDays", view.processingDays())
                .append("supplementRequests", view.supplementRequests())
                .append("lastPosition", view.lastPosition());
    }

    static DossierView fromDocument(Document d) {
        return new DossierView(d.getString("_id"),
                enumOf(DossierStatus.class, d.getString("status")),
                d.getString("procedureCode"),
                d.getString("field"),
                d.getString("unitCode"),
                enumOf(Channel.class, d.getString("channel")),
                instant(d.getDate("submittedAt")),
                instant(d.getDate("receivedAt")),
                instant(d.getDate("clockStartsAt")),
                d.getInteger("processingHours", 0),
                instant(d.getDate("dueAt")),
                instant(d.getDate("resolvedAt")),
                enumOf(Outcome.class, d.getString("outcome")),
                enumOf(Timeliness.class, d.getString("timeliness")),
                d.getDouble("processingDays"),
                d.getInteger("supplementRequests", 0),
                d.getLong("lastPosition"));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
