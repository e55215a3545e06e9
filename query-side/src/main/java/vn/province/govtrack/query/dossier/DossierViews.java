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
import java.util.HashMap;
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

import com.fasterxml.jackson.databind.ObjectMapper;
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

import vn.province.govtrack.query.projection.ReadModelStore;

/**
 * The dossier projection's collections. Views are stored through a {@link ReadModelStore}: instants
 * as MongoDB dates (millisecond precision), the applicant as the events sealed it, never in clear.
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

    private static final String ID = ReadModelStore.ID;
    private final ReadModelStore<DossierView> views;
    private final MongoCollection<Document> open;

    DossierViews(MongoClient mongoClient, MongoProperties mongoProperties, ObjectMapper objectMapper) {
        MongoDatabase database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        this.open = database.getCollection(OPEN_COLLECTION);
        this.views = new ReadModelStore<>(database.getCollection(COLLECTION), objectMapper, DossierView.class,
                                          "dossierId", DossierViews::queryFields, this::writeOpenEntries);
        createIndexes();
    }

    Optional<DossierView> find(String dossierId) {
        return views.find(dossierId);
    }

    /**
     * Folds the event at {@code position} into the dossier's view and brings its open entry in line.
     *
     * <p>Idempotent: the view is written through {@link ReadModelStore#apply}, so an event
     * it already reflects writes nothing; the open entry is a function of the stored view, written
     * only when that function's value changed, and always when the event was already reflected (which
     * repairs an entry a crash between the two writes left behind).
     */
    void apply(String dossierId, long position, UnaryOperator<DossierView> change) {
        views.apply(dossierId, position, () -> DossierFold.initial(dossierId),
                    current -> change.apply(current).atPosition(position));
    }

    /**
     * Keeps {@code dossier_open} in step with the views just written: one entry per open dossier, written
     * or removed when its entry changed, or whenever the view it was computed from is not known (an
     * event redelivered after a failure between the two writes).
     */
    private void writeOpenEntries(List<ReadModelStore.Written<DossierView>> written) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (ReadModelStore.Written<DossierView> view : written) {
            Document entry = openEntry(view.after());
            if (view.before() != null && Objects.equals(openEntry(view.before()), entry)) {
                continue;
            }
            String id = view.after().dossierId();
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
                                              .map(views::read).into(new ArrayList<>());
            return new Slice(content, total);
        }
        List<String> ids = source.find(criteria).sort(order).skip((int) offset).limit(size)
                                 .projection(Projections.include(ID))
                                 .map(entry -> entry.getString(ID)).into(new ArrayList<>());
        Map<String, DossierView> byId = views.collection().find(in(ID, ids)).map(views::read)
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
        ReadModelStore.removeInChunks(open, new Document());
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
        int chunk = ReadModelStore.REMOVAL_CHUNK;
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

    /** Fields stored beside the view for queries only: the lists filter on them, and nothing reads them back. */
    private static Map<String, Object> queryFields(DossierView view) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("statusCode", view.statusCode());
        fields.put("clockRunning", view.clockRunning());
        return fields;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
