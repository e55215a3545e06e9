package vn.province.govtrack.query.dossier;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.query.projection.PositionGuardedDocuments;

/**
 * The dossier projection's collections. Instants are stored as MongoDB dates (millisecond precision);
 * the applicant as the events sealed it, never in clear.
 *
 * <ul>
 *   <li>{@code dossier_view}: one document per dossier, keyed by its id;</li>
 *   <li>{@code dossier_open}: one small entry ({@code unitCode}, {@code status}, {@code dueAt},
 *       {@code clockRunning}) per dossier that is not in a final status. Lists that can only match
 *       open dossiers (overdue, due soon, open statuses) filter these entries and then fetch the
 *       page's views by id, so their cost follows the number of open dossiers, not the whole
 *       history. This matters where secondary indexes are not used (mongo-java-server ignores
 *       them and scans); on MongoDB the indexes created here serve both collections.</li>
 * </ul>
 */
@Component
class DossierViews {

    static final String COLLECTION = "dossier_view";
    static final String OPEN_COLLECTION = "dossier_open";

    private static final String ID = PositionGuardedDocuments.ID;
    private final PositionGuardedDocuments views;
    private final MongoCollection<Document> open;

    DossierViews(MongoClient mongoClient, MongoProperties mongoProperties) {
        MongoDatabase database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        this.open = database.getCollection(OPEN_COLLECTION);
        this.views = new PositionGuardedDocuments(database.getCollection(COLLECTION), this::writeOpenEntries);
        createIndexes();
    }

    Optional<DossierView> find(String dossierId) {
        return Optional.ofNullable(views.collection().find(eq(ID, dossierId)).first()).map(DossierViews::fromDocument);
    }

    /**
     * Folds the event at {@code position} into the dossier's view and brings its open entry in line.
     *
     * <p>Idempotent: the view is written through {@link PositionGuardedDocuments#apply}, so an event
     * it already reflects writes nothing; the open entry is a function of the stored view, written
     * only when that function's value changed, and always when the event was already reflected (which
     * repairs an entry a crash between the two writes left behind).
     */
    void apply(String dossierId, long position, UnaryOperator<DossierView> change) {
        views.apply(dossierId, position, previous -> {
            DossierView current = previous == null ? DossierFold.initial(dossierId) : fromDocument(previous);
            return toDocument(change.apply(current).atPosition(position));
        });
    }

    /**
     * Keeps {@code dossier_open} in step with the views just written: one entry per open dossier, written
     * or removed when its entry changed, or whenever the view it was computed from is not known (an
     * event redelivered after a failure between the two writes).
     */
    private void writeOpenEntries(List<PositionGuardedDocuments.Written> written) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (PositionGuardedDocuments.Written view : written) {
            Document entry = openEntry(fromDocument(view.after()));
            if (view.before() != null && Objects.equals(openEntry(fromDocument(view.before())), entry)) {
                continue;
            }
            String id = view.after().getString(ID);
            writes.add(entry == null ? new DeleteOneModel<>(eq(ID, id))
                                     : new ReplaceOneModel<>(eq(ID, id), entry, new ReplaceOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            open.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * One page of the dossiers matching {@code filter}, judged at {@code now}: soonest due first
     * (then by id) when the filter asks by deadline, otherwise by id.
     *
     * @param offset how many matching dossiers precede the page
     */
    Slice page(DossierFilter filter, Instant now, long offset, int size) {
        Bson criteria = criteria(filter, now);
        Bson order = filter.byDeadline() ? Sorts.ascending("dueAt", ID) : Sorts.ascending(ID);
        MongoCollection<Document> source = filter.onlyOpen() ? open : views.collection();
        long total = source.countDocuments(criteria);
        if (offset >= total) {
            return new Slice(List.of(), total);
        }
        if (!filter.onlyOpen()) {
            List<DossierView> content = source.find(criteria).sort(order).skip((int) offset).limit(size)
                                              .map(DossierViews::fromDocument).into(new ArrayList<>());
            return new Slice(content, total);
        }
        List<String> ids = source.find(criteria).sort(order).skip((int) offset).limit(size)
                                 .projection(Projections.include(ID))
                                 .map(entry -> entry.getString(ID)).into(new ArrayList<>());
        Map<String, DossierView> byId = views.collection().find(in(ID, ids)).map(DossierViews::fromDocument)
                                             .into(new ArrayList<>()).stream()
                                             .collect(Collectors.toMap(DossierView::dossierId, Function.identity()));
        return new Slice(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), total);
    }

    /** @param total how many dossiers match in all */
    record Slice(List<DossierView> content, long total) {
    }

    /** Removes every document this projection owns. */
    void clear() {
        views.clear();
        PositionGuardedDocuments.removeInChunks(open, new Document());
    }

    /**
     * Removes every view that reflects an event after {@code position}, and its open entry: with 0,
     * every document this projection owns.
     */
    void removeTouchedAfter(long position) {
        if (position == 0) {
            clear();
            return;
        }
        List<String> ids = views.idsTouchedAfter(position);
        int chunk = PositionGuardedDocuments.REMOVAL_CHUNK;
        for (int from = 0; from < ids.size(); from += chunk) {
            open.deleteMany(in(ID, ids.subList(from, Math.min(ids.size(), from + chunk))));
        }
        views.removeTouchedAfter(position);
    }

    /** The same criteria read both collections: an open entry carries every field they test. */
    private static Bson criteria(DossierFilter filter, Instant now) {
        List<Bson> all = new ArrayList<>();
        if (filter.unitCode() != null) {
            all.add(eq("unitCode", filter.unitCode()));
        }
        if (!filter.statuses().isEmpty()) {
            all.add(in("status", filter.statuses().stream().map(Enum::name).sorted().toList()));
        }
        Bson overdue = and(eq("clockRunning", true), lt("dueAt", Date.from(now)));
        if (Boolean.TRUE.equals(filter.overdue())) {
            all.add(overdue);
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            all.add(nor(overdue));
        }
        if (filter.dueWithinHours() != null) {
            all.add(and(eq("clockRunning", true), gte("dueAt", Date.from(now)),
                    lte("dueAt", Date.from(now.plus(Duration.ofHours(filter.dueWithinHours()))))));
        }
        return all.isEmpty() ? Filters.empty() : and(all);
    }

    private static Document openEntry(DossierView view) {
        if (!view.open()) {
            return null;
        }
        return new Document(ID, view.dossierId())
                .append("unitCode", view.unitCode())
                .append("status", name(view.status()))
                .append("dueAt", date(view.dueAt()))
                .append("clockRunning", view.clockRunning());
    }

    /** Indexes for MongoDB; mongo-java-server accepts and ignores them. */
    private void createIndexes() {
        views.collection().createIndex(Indexes.ascending("unitCode", ID), new IndexOptions().name("unit_id"));
        views.collection().createIndex(Indexes.ascending("status", ID), new IndexOptions().name("status_id"));
        open.createIndex(Indexes.ascending("clockRunning", "dueAt", ID), new IndexOptions().name("deadline"));
        open.createIndex(Indexes.ascending("unitCode", "clockRunning", "dueAt"),
                new IndexOptions().name("unit_deadline"));
    }

    static Document toDocument(DossierView view) {
        return new Document(ID, view.dossierId())
                .append("status", name(view.status()))
                .append("statusCode", view.status() == null ? null : view.status().code())
                .append("procedureCode", view.procedureCode())
                .append("field", view.field())
                .append("unitCode", view.unitCode())
                .append("channel", name(view.channel()))
                .append("applicant", sealed(view.applicant()))
                .append("submittedAt", date(view.submittedAt()))
                .append("refusedAt", date(view.refusedAt()))
                .append("receivedAt", date(view.receivedAt()))
                .append("clockStartsAt", date(view.clockStartsAt()))
                .append("processingHours", view.processingHours())
                .append("dueAt", date(view.dueAt()))
                .append("clockRunning", view.clockRunning())
                .append("assignedStaffId", view.assignedStaffId())
                .append("supplementRequests", view.supplementRequests())
                .append("pausedSince", date(view.pausedSince()))
                .append("extensions", view.extensions())
                .append("transfers", view.transfers())
                .append("amountRequested", view.amountRequested())
                .append("amountPaid", view.amountPaid())
                .append("withdrawalRequestedAt", date(view.withdrawalRequestedAt()))
                .append("resolvedAt", date(view.resolvedAt()))
                .append("outcome", name(view.outcome()))
                .append("timeliness", name(view.timeliness()))
                .append("processingDays", view.processingDays())
                .append("returnedAt", date(view.returnedAt()))
                .append("stoppedAt", date(view.stoppedAt()))
                .append(PositionGuardedDocuments.LAST_POSITION, view.lastPosition());
    }

    /** Reads documents written by earlier versions too: a field they lack reads as its initial value. */
    static DossierView fromDocument(Document d) {
        return new DossierView(d.getString(ID),
                enumOf(DossierStatus.class, d.getString("status")),
                d.getString("procedureCode"),
                d.getString("field"),
                d.getString("unitCode"),
                enumOf(Channel.class, d.getString("channel")),
                sealed(d.get("applicant", Document.class)),
                instant(d.getDate("submittedAt")),
                instant(d.getDate("refusedAt")),
                instant(d.getDate("receivedAt")),
                instant(d.getDate("clockStartsAt")),
                d.getInteger("processingHours", 0),
                instant(d.getDate("dueAt")),
                d.getString("assignedStaffId"),
                d.getInteger("supplementRequests", 0),
                instant(d.getDate("pausedSince")),
                d.getInteger("extensions", 0),
                d.getInteger("transfers", 0),
                longOf(d, "amountRequested"),
                longOf(d, "amountPaid"),
                instant(d.getDate("withdrawalRequestedAt")),
                instant(d.getDate("resolvedAt")),
                enumOf(Outcome.class, d.getString("outcome")),
                enumOf(Timeliness.class, d.getString("timeliness")),
                d.getDouble("processingDays"),
                instant(d.getDate("returnedAt")),
                instant(d.getDate("stoppedAt")),
                longOf(d, PositionGuardedDocuments.LAST_POSITION));
    }

    /** The applicant stays sealed in the view; it is opened with the key store at read time. */
    private static Document sealed(SealedApplicant applicant) {
        return applicant == null ? null
                : new Document("keyId", applicant.keyId()).append("ciphertext", applicant.ciphertext());
    }

    private static SealedApplicant sealed(Document applicant) {
        return applicant == null ? null
                : new SealedApplicant(applicant.getString("keyId"), applicant.getString("ciphertext"));
    }

    private static long longOf(Document d, String key) {
        Number value = d.get(key, Number.class);
        return value == null ? 0 : value.longValue();
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
