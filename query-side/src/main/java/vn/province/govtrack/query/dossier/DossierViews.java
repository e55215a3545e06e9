package vn.province.govtrack.query.dossier;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
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
 *
 * <h2>Open entries are guarded like the views</h2>
 *
 * <p>An entry is written after its view, in another collection, and without a transaction across the
 * two. A writer that lost its claim on the projection's token between the two writes (killed, or
 * stalled past the claim timeout while the database was away) can therefore write its entries after
 * the new holder wrote later ones; unguarded, such a stale write once left a returned dossier listed
 * as received (ADR 0013). So each entry carries, in {@value #POSITION}, the position of the view it was
 * computed from, and an entry is written only over an older one, by compare-and-set on its own
 * document: the stored entries are read by id, and each is replaced only if its position is still the
 * one read ({@code {_id, position}}, an exact match served by a unique index on both servers), or
 * inserted where none was read. An entry that lost such a race (a replace that matched nothing, an
 * insert that met a duplicate key) is decided again against what is stored then; any other write
 * error fails the batch, which is handled again. Checking the view instead cannot work: between reading
 * it and writing the entry another writer may write both.
 *
 * <p>A dossier that closes leaves a tombstone ({@code {_id, position, closed: true, closedAt}}) in
 * place of its entry, not a plain delete: a stale writer's later open entry for an earlier position
 * then finds a newer document and is dropped, where after a delete it would be inserted as new. Every
 * list and count excludes tombstones. They are removed once older than a grace period
 * ({@link OpenEntryTombstones}, 10 minutes by default, far beyond the claim timeout of 10 s), which keeps
 * the collection about as small as the number of open dossiers. The risk that remains: a writer
 * stalled for longer than the grace period between its view write and its entry write, or stalled
 * across a rebuild's reset (which removes the tombstones with everything else), can still bring back
 * an entry of a closed dossier until the projection is rebuilt.
 *
 * <p>Every view write writes its entry, even one equal to the stored entry but for its position. The
 * former shortcut (no entry write when the entry computed from the stored view equals the new one) was
 * not sound: the stored view's entry may never have been written (a writer killed between the two
 * writes, whose batch the next holder folds together with later events), and an entry left at an
 * older position lets a stale writer between the two positions overwrite it.
 *
 * <p>Replays write tombstones too, so after a rebuild from the first event the collection holds one
 * per dossier closed in the history until the grace period has passed (lists scan them meanwhile on
 * the embedded server). Leaving them out of a replay is not safe: the replaying instance can itself
 * lose its claim in the middle of a batch and become the stale writer that a tombstone must stop, and
 * a writer stalled across the reset writes entries for positions that the replay reaches later. Nor
 * does it save anything where it would be safe (a dossier opened and closed within one batch of 100
 * events, whose view did not exist before): most dossiers' lives span many batches.
 *
 * <p>A rebuild's reset removes entries and tombstones with the views, so that a rebuilt projection is
 * computed from the events alone. A rebuilt {@code dossier_open} equals the live one in its open
 * entries, position included; tombstones differ in {@value #CLOSED_AT} and in which are still there,
 * and no query reads them.
 */
@Component
class DossierViews {

    static final String COLLECTION = "dossier_view";
    static final String OPEN_COLLECTION = "dossier_open";
    /** An open entry's or a tombstone's field: the position of the view it was computed from. */
    static final String POSITION = "position";
    /** A tombstone's fields: {@code closed: true}, and when it was written. */
    static final String CLOSED = "closed";
    static final String CLOSED_AT = "closedAt";

    /** Rounds of compare-and-set against other writers before a batch gives up and is handled again. */
    private static final int ENTRY_ROUNDS = 10;

    private static final String ID = ReadModelStore.ID;
    private final ReadModelStore<DossierView> views;
    private final MongoCollection<Document> open;
    private final Clock clock;

    DossierViews(MongoClient mongoClient, MongoProperties mongoProperties, ObjectMapper objectMapper, Clock clock) {
        MongoDatabase database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        this.open = database.getCollection(OPEN_COLLECTION);
        this.clock = clock;
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
     * <p>Idempotent: the view is written through {@link ReadModelStore#apply}, so an event it already
     * reflects writes no view; the entry is then written again at the stored view's position, which
     * writes nothing when the stored entry is at that position already, and repairs an entry that a
     * failure between the two writes left behind.
     */
    void apply(String dossierId, long position, UnaryOperator<DossierView> change) {
        views.apply(dossierId, position, () -> DossierFold.initial(dossierId),
                    current -> change.apply(current).atPosition(position));
    }

    /**
     * Keeps {@code dossier_open} in step with the views just written: for each, its open entry, or a
     * tombstone when it is closed, at the view's position, written over any older entry and never over
     * a newer one (see the class comment).
     */
    void writeOpenEntries(List<ReadModelStore.Written<DossierView>> written) {
        Instant now = clock.instant();
        Map<String, Document> entries = new LinkedHashMap<>();
        for (ReadModelStore.Written<DossierView> view : written) {
            entries.put(view.after().dossierId(), entry(view.after(), now));
        }
        for (int round = 1; !entries.isEmpty(); round++) {
            if (round > ENTRY_ROUNDS) {
                throw new IllegalStateException("Open entries of " + entries.keySet() + " kept changing while "
                                                + "this batch wrote them; the batch is handled again");
            }
            Map<String, Long> stored = storedPositions(entries.keySet());
            entries.keySet().removeIf(id -> stored.containsKey(id) && stored.get(id) != null
                                            && stored.get(id) >= entries.get(id).getLong(POSITION));
            if (entries.isEmpty() || writeOver(entries, stored)) {
                return;
            }
        }
    }

    /**
     * The position of each stored entry (or tombstone) of {@code ids}: null for an entry written before
     * entries carried one, no key where there is none.
     */
    Map<String, Long> storedPositions(Collection<String> ids) {
        Map<String, Long> positions = new HashMap<>();
        for (Document entry : open.find(in(ID, ids)).projection(Projections.include(ID, POSITION))) {
            Number position = entry.get(POSITION, Number.class);
            positions.put(entry.getString(ID), position == null ? null : position.longValue());
        }
        return positions;
    }

    /**
     * One round of compare-and-set: each of {@code entries} replaces exactly the version in {@code stored},
     * or is inserted where {@code stored} has none, in one unordered bulk write.
     *
     * @return whether every write applied; false when another writer changed one of the entries since
     *         {@code stored} was read (an insert met a duplicate key, a replace matched nothing), after
     *         which the writes that did apply stand and the others are to be decided again
     * @throws MongoBulkWriteException on any write error but a duplicate key
     */
    boolean writeOver(Map<String, Document> entries, Map<String, Long> stored) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        entries.forEach((id, entry) -> writes.add(
                stored.containsKey(id) ? new ReplaceOneModel<>(version(id, stored.get(id)), entry)
                                       : new InsertOneModel<>(entry)));
        try {
            BulkWriteResult result = open.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return result.getInsertedCount() + result.getMatchedCount() == writes.size();
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            return false;
        }
    }

    /**
     * Removes the tombstones written before {@code cutoff}, {@value ReadModelStore#REMOVAL_CHUNK} at a
     * time, each by its exact version (so a document that changed since it was read stays).
     *
     * @return how many were removed
     */
    long removeTombstonesClosedBefore(Instant cutoff) {
        List<WriteModel<Document>> removals = open.find(and(eq(CLOSED, true), lt(CLOSED_AT, Date.from(cutoff))))
                .projection(Projections.include(ID, POSITION))
                .map(tombstone -> (WriteModel<Document>) new DeleteOneModel<Document>(
                        version(tombstone.getString(ID), tombstone.get(POSITION, Number.class).longValue())))
                .into(new ArrayList<>());
        long removed = 0;
        for (int from = 0; from < removals.size(); from += ReadModelStore.REMOVAL_CHUNK) {
            removed += open.bulkWrite(removals.subList(from, Math.min(removals.size(), from + ReadModelStore.REMOVAL_CHUNK)),
                                      new BulkWriteOptions().ordered(false)).getDeletedCount();
        }
        return removed;
    }

    /**
     * One page of the dossiers matching {@code filter}, judged at {@code now}: soonest due first
     * (then by id) when the filter asks by deadline, otherwise by id.
     *
     * @param offset how many matching dossiers precede the page
     */
    Slice page(DossierFilter filter, Instant now, long offset, int size) {
        Bson criteria = criteria(filter, now, filter.onlyOpen());
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

    /**
     * The same criteria read both collections: an open entry carries every field they test. In
     * {@code dossier_open} ({@code openEntries}) they also leave out tombstones, which a filter on absent
     * fields (not overdue, say) would otherwise match.
     */
    private static Bson criteria(DossierFilter filter, Instant now, boolean openEntries) {
        List<Bson> all = new ArrayList<>();
        if (openEntries) {
            all.add(ne(CLOSED, true));
        }
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

    /** The entry of {@code view}, at its position: its open entry, or a tombstone written at {@code now}. */
    static Document entry(DossierView view, Instant now) {
        Document entry = new Document(ID, view.dossierId()).append(POSITION, view.lastPosition());
        if (!view.open()) {
            return entry.append(CLOSED, true).append(CLOSED_AT, Date.from(now));
        }
        return entry.append("unitCode", view.unitCode())
                    .append("status", name(view.status()))
                    .append("dueAt", date(view.dueAt()))
                    .append("clockRunning", view.clockRunning());
    }

    /**
     * Exactly the stored entry {@code id} at {@code position}: a plain {@code {_id, position}}, which the
     * unique index of {@link #createIndexes} serves on the embedded server too (it uses an index only for
     * a query on exactly its keys); an entry written before entries carried a position, by its absence.
     */
    private static Bson version(String id, Long position) {
        return position == null ? and(eq(ID, id), Filters.exists(POSITION, false))
                                : new Document(ID, id).append(POSITION, position);
    }

    /**
     * Indexes for MongoDB; mongo-java-server accepts and ignores them, but for the unique index on
     * {@code {_id, position}} that serves the entries' compare-and-set.
     */
    private void createIndexes() {
        open.createIndex(Indexes.ascending(ID, POSITION), new IndexOptions().unique(true).name("version"));
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
