package vn.province.govtrack.query.personnel;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import vn.province.govtrack.query.projection.ReadModelStore;
import vn.province.govtrack.query.staff.MovementKind;
import vn.province.govtrack.query.staff.StaffRecord;
import vn.province.govtrack.query.staff.StaffRecords;
import vn.province.govtrack.query.web.Paging;

/**
 * The personnel questions answered from the personnel projection's collections. No answer reads
 * every staff record: each staff document carries, besides the record, its {@value #STAFFING} (where
 * the person counts, period by period: {@link StaffRecord#periods()}), bitemporal with
 * {@value #STAFFING_REPLACED}, and its {@value #RUNS} (the periods a secondment runs). The staffing
 * review reads only the periods and counts them (see {@link #headcounts}); the lists are counted and
 * paged by the database. Dates are ISO-8601 text, which compares in date order.
 *
 * <p>Quotas and units are read whole for the staffing review: one document per unit and field, or
 * per unit, which is the size of the review itself; its rows are computed from them and the
 * headcounts, then filtered and paged here. As known at a position, every one of them is read as the
 * events up to it left it.
 */
@Component
class StoredPersonnel implements PersonnelOnADay {

    /** Where a person counts: {@code unitCode}, {@code field}, {@code kind} and the days, from and until. */
    static final String STAFFING = "staffing";
    /** The days each secondment runs: number, from, until, last day, home and host unit. */
    static final String RUNS = "secondmentRuns";
    /** The periods a record had and a later event of it replaced, with the positions they were known from and to. */
    static final String STAFFING_REPLACED = "staffingReplaced";
    /**
     * Marks a document whose {@value #STAFFING} entries carry {@value #KNOWN_FROM}, with its
     * {@value #STAFFING_REPLACED}; documents stored before are completed when the projection starts.
     */
    static final String STAFFING_KNOWN = "staffingKnown";
    /** The position of the event from which a staffing entry, a quota or a unit's version was recorded. */
    static final String KNOWN_FROM = "knownFrom";
    /** The position of the event from which a replaced staffing entry was no longer part of the record. */
    static final String KNOWN_TO = "knownTo";

    private static final Set<MovementKind> CHANGES_PERIODS = EnumSet.of(MovementKind.RECRUITED,
            MovementKind.TRANSFERRED, MovementKind.SECONDED, MovementKind.SECONDMENT_ENDED, MovementKind.DEPARTED);

    private static final String OWN = "own";
    private static final String SECONDED_IN = "secondedIn";
    private static final String SECONDED_OUT = "secondedOut";

    /** What a report's rows read of the staff on their page. */
    private static final Bson NAME_AND_STAFFING =
            Projections.include("staffId", "fullName", "assignments", "secondments", "departure");

    private final PersonnelProjection projection;
    private final MongoCollection<Document> staff;

    StoredPersonnel(PersonnelProjection projection, MongoClient mongoClient, MongoProperties mongoProperties) {
        this.projection = projection;
        this.staff = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase())
                                .getCollection(PersonnelProjection.STAFF);
    }

    /**
     * The fields {@link #STAFFING}, {@link #STAFFING_REPLACED}, {@link #RUNS} and {@link #STAFFING_KNOWN} of a
     * staff record's document, a function of the record.
     *
     * <p>The staffing is bitemporal. Every period the record has placed the person in, as each event
     * recorded left the periods ({@link StaffRecord#periodsKnownAt}), is an entry with {@value #KNOWN_FROM},
     * the position of the event from which the record had that period exactly; the current ones are in
     * {@value #STAFFING}, those a later event replaced in {@value #STAFFING_REPLACED}, with
     * {@value #KNOWN_TO}, the position of that event. So the periods the record had after the event at P
     * are the current ones with {@code knownFrom <= P} and the replaced ones with
     * {@code knownFrom <= P < knownTo}; the current answers read {@value #STAFFING} alone, as they did
     * before. Only movements that change periods (recruitment, transfer, secondment and its end,
     * departure) cut the record's history.
     */
    static Map<String, Object> queryFields(StaffRecord record) {
        List<Long> cuts = record.movements().stream()
                .filter(movement -> CHANGES_PERIODS.contains(movement.kind()))
                .map(StaffRecord.Movement::eventPosition).distinct().sorted().toList();
        List<Document> replaced = new ArrayList<>();
        Map<Document, Document> open = new LinkedHashMap<>();
        for (int i = 0; i < cuts.size(); i++) {
            long cut = cuts.get(i);
            List<StaffRecord.Period> periods = i == cuts.size() - 1 ? record.periods() : record.periodsKnownAt(cut);
            Set<Document> now = new LinkedHashSet<>(staffing(periods));
            open.entrySet().removeIf(entry -> {
                if (now.contains(entry.getKey())) {
                    return false;
                }
                replaced.add(entry.getValue().append(KNOWN_TO, cut));
                return true;
            });
            for (Document entry : now) {
                if (!open.containsKey(entry)) {
                    open.put(entry, new Document(entry).append(KNOWN_FROM, cut));
                }
            }
        }
        List<Document> staffing = new ArrayList<>(open.values());
        if (cuts.isEmpty()) {
            // a record without movements (stored before they were kept): its periods, as known from no position
            staffing.addAll(staffing(record.periods()));
        }
        List<Document> runs = new ArrayList<>();
        for (StaffRecord.Period period : record.periods()) {
            StaffRecord.Secondment secondment = period.secondment();
            if (secondment != null) {
                runs.add(days(period).append("secondmentNo", secondment.secondmentNo())
                                     .append("lastDay", secondment.lastDay().toString())
                                     .append("homeUnitCode", secondment.homeUnitCode())
                                     .append("toUnitCode", secondment.toUnitCode()));
            }
        }
        return Map.of(STAFFING, staffing, STAFFING_REPLACED, replaced, RUNS, runs, STAFFING_KNOWN, true);
    }

    /** Where the person counts in {@code periods}: own, and while seconded, seconded out and in. */
    private static List<Document> staffing(List<StaffRecord.Period> periods) {
        List<Document> staffing = new ArrayList<>();
        for (StaffRecord.Period period : periods) {
            StaffRecord.Assignment home = period.home();
            staffing.add(days(period).append("unitCode", home.unitCode()).append("field", home.field())
                                     .append("kind", OWN));
            StaffRecord.Secondment secondment = period.secondment();
            if (secondment != null) {
                staffing.add(days(period).append("unitCode", home.unitCode()).append("field", home.field())
                                         .append("kind", SECONDED_OUT));
                staffing.add(days(period).append("unitCode", secondment.toUnitCode())
                                         .append("field", secondment.toField()).append("kind", SECONDED_IN));
            }
        }
        return staffing;
    }

    @Override
    public StaffingReviewPage staffingReview(LocalDate day, String unitCode, String field, StaffingState state,
                                             OptionalLong knownAt, Paging paging) {
        List<StaffingRow> province = staffing(day, field, knownAt);
        List<StaffingRow> rows = province.stream()
                .filter(row -> unitCode == null || row.unitCode().equals(unitCode))
                .filter(row -> state == null || row.state() == state)
                .toList();
        return new StaffingReviewPage(paging.slice(rows), StaffingReview.totals(province), rows.size());
    }

    /**
     * As known at a position, every unit and quota is read as the events up to it left it: a document's
     * versions and decisions carry the position they were recorded at ({@value #KNOWN_FROM}); those stored
     * before they did count as recorded at the document's {@value ReadModelStore#LAST_POSITION}.
     */
    @Override
    public List<StaffingRow> staffing(LocalDate day, String field, OptionalLong knownAt) {
        Map<String, UnitRecord> units = new TreeMap<>();
        for (Document document : projection.units().collection().find()) {
            UnitRecord unit = projection.units().read(document);
            if (knownAt.isEmpty()) {
                units.put(unit.code(), unit);
            } else {
                unit.knownAt(knownAt.getAsLong(), storedPosition(document))
                    .ifPresent(known -> units.put(known.code(), known));
            }
        }
        List<QuotaRecord> quotas = new ArrayList<>();
        for (Document document : projection.quotas().collection().find(field == null ? new Document()
                                                                                     : eq("field", field))) {
            QuotaRecord quota = projection.quotas().read(document);
            quotas.add(knownAt.isEmpty() ? quota : quota.knownAt(knownAt.getAsLong(), storedPosition(document)));
        }
        return StaffingReview.fromHeadcounts(day, headcounts(day, field, knownAt), quotas, units);
    }

    /**
     * The headcounts of {@code day}: of the records' current periods, or, as known at a position P, of the
     * periods they had after the event at P: the current ones recorded by P and the replaced ones recorded
     * by P and replaced after it.
     *
     * <p>The periods are read, one array (or two) per staff document and nothing else of it, and counted
     * here, one small group per unit, field and kind. An aggregation that unwound, matched and grouped them
     * in the database, or a find that selected the documents with a period in force, took two to five
     * times as long on the embedded wire-protocol server (mongo-java-server), which evaluates every stage
     * and criterion element by element in Java, as reading the arrays whole (docs/benchmarks/personnel-known-at.md).
     */
    private List<Headcount> headcounts(LocalDate day, String field, OptionalLong knownAt) {
        String today = day.toString();
        long p = knownAt.orElse(Long.MAX_VALUE);
        Map<String, Map<String, int[]>> counts = new TreeMap<>();
        Bson arrays = knownAt.isEmpty() ? Projections.include(STAFFING)
                : Projections.include(STAFFING, STAFFING_REPLACED);
        for (Document document : staff.find().projection(arrays)) {
            for (Document period : document.getList(STAFFING, Document.class, List.of())) {
                if (knownAt.isEmpty() || position(period, KNOWN_FROM) <= p) {
                    count(period, today, field, counts);
                }
            }
            if (knownAt.isPresent()) {
                for (Document period : document.getList(STAFFING_REPLACED, Document.class, List.of())) {
                    if (position(period, KNOWN_FROM) <= p && position(period, KNOWN_TO) > p) {
                        count(period, today, field, counts);
                    }
                }
            }
        }
        List<Headcount> headcounts = new ArrayList<>();
        counts.forEach((unitCode, fields) -> fields.forEach((name, count) -> headcounts.add(
                new Headcount(unitCode, name, count[0], count[1], count[2]))));
        return headcounts;
    }

    /** Counts {@code period} if it is in force on {@code today} (ISO text, which compares in date order) and of {@code field}. */
    private static void count(Document period, String today, String field, Map<String, Map<String, int[]>> counts) {
        String until = period.getString("until");
        if (period.getString("from").compareTo(today) > 0 || until != null && until.compareTo(today) < 0
            || field != null && !field.equals(period.getString("field"))) {
            return;
        }
        int[] count = counts.computeIfAbsent(period.getString("unitCode"), unit -> new TreeMap<>())
                            .computeIfAbsent(period.getString("field"), f -> new int[3]);
        switch (period.getString("kind")) {
            case OWN -> count[0]++;
            case SECONDED_IN -> count[1]++;
            case SECONDED_OUT -> count[2]++;
            default -> throw new IllegalStateException("unknown staffing kind " + period);
        }
    }

    @Override
    public Paging.Page<ActiveSecondment> secondmentsRunning(LocalDate day, Integer endingWithinDays, String unitCode,
                                                            Paging paging) {
        List<Bson> running = new ArrayList<>(includes(RUNS, day));
        if (endingWithinDays != null) {
            running.add(lte(RUNS + ".lastDay", day.plusDays(endingWithinDays).toString()));
        }
        if (unitCode != null) {
            running.add(or(eq(RUNS + ".homeUnitCode", unitCode), eq(RUNS + ".toUnitCode", unitCode)));
        }
        List<Bson> runs = List.of(
                Aggregates.match(unitCode == null ? new Document() : eq(StaffRecords.UNITS, unitCode)),
                Aggregates.project(Projections.include("staffId", RUNS)),
                Aggregates.unwind("$" + RUNS),
                Aggregates.match(and(running)));
        long total = count(runs);
        if (paging.offset() >= total) {
            return new Paging.Page<>(List.of(), total);
        }
        List<String> staffIds = page(runs, Sorts.ascending(RUNS + ".lastDay", "staffId"), paging).stream()
                .map(run -> run.getString("staffId")).toList();
        Map<String, StaffRecord> records = records(staffIds);
        List<ActiveSecondment> secondments = new ArrayList<>();
        for (String staffId : staffIds) {
            StaffRecord person = records.get(staffId);
            person.secondmentOn(day).ifPresent(s -> secondments.add(new ActiveSecondment(
                    person.staffId(), person.fullName(), s.secondmentNo(), s.homeUnitCode(), s.field(),
                    s.toUnitCode(), s.toField(), s.from(), s.until(), s.lastDay(),
                    ChronoUnit.DAYS.between(day, s.lastDay()), s.decisionNo())));
        }
        return new Paging.Page<>(secondments, total);
    }

    @Override
    public ActiveAccounts accountsActive(LocalDate day, String unitCode, Paging paging) {
        String today = day.toString();
        List<Bson> active = new ArrayList<>(List.of(
                lte("accounts.provisionedOn", today),
                or(eq("accounts.revokedOn", null), gt("accounts.revokedOn", today))));
        if (unitCode != null) {
            active.add(eq("accounts.unitCode", unitCode));
        }
        List<Bson> accounts = List.of(
                Aggregates.match(unitCode == null ? new Document() : eq(StaffRecords.ACCOUNT_UNITS, unitCode)),
                Aggregates.project(Projections.include("staffId", "accounts")),
                Aggregates.unwind("$accounts"),
                Aggregates.match(and(active)));
        List<UnitAccounts> perUnit = new ArrayList<>();
        List<Bson> byUnit = new ArrayList<>(accounts);
        byUnit.add(Aggregates.group("$accounts.unitCode", Accumulators.sum("accounts", 1)));
        staff.aggregate(byUnit).forEach(unit -> perUnit.add(
                new UnitAccounts(unit.getString("_id"), unit.get("accounts", Number.class).intValue())));
        perUnit.sort(Comparator.comparing(UnitAccounts::unitCode));
        long total = perUnit.stream().mapToLong(UnitAccounts::accounts).sum();
        if (paging.offset() >= total) {
            return new ActiveAccounts(perUnit, total, List.of());
        }
        List<Document> rows = page(accounts, Sorts.ascending("accounts.unitCode", "accounts.account", "staffId"),
                                   paging);
        Map<String, StaffRecord> holders = records(rows.stream().map(row -> row.getString("staffId")).toList());
        List<AccountRow> page = new ArrayList<>();
        for (Document row : rows) {
            Document account = row.get("accounts", Document.class);
            StaffRecord holder = holders.get(row.getString("staffId"));
            String accountUnit = account.getString("unitCode");
            page.add(new AccountRow(account.getString("account"), accountUnit, holder.staffId(), holder.fullName(),
                                    LocalDate.parse(account.getString("provisionedOn")), holder.statusOn(day),
                                    holder.workplaceOn(day).map(accountUnit::equals).orElse(false)));
        }
        return new ActiveAccounts(perUnit, total, page);
    }

    /** The criteria of an unwound period of {@code field} that includes {@code day}. */
    private static List<Bson> includes(String field, LocalDate day) {
        String text = day.toString();
        return List.of(lte(field + ".from", text), or(eq(field + ".until", null), gte(field + ".until", text)));
    }

    /** A position field of a staffing entry; one it lacks was never recorded there, so it counts as unknown. */
    private static long position(Document period, String name) {
        Number position = period.get(name, Number.class);
        return position == null ? Long.MAX_VALUE : position.longValue();
    }

    private static long storedPosition(Document document) {
        Number position = document.get(ReadModelStore.LAST_POSITION, Number.class);
        return position == null ? 0 : position.longValue();
    }

    private static Document days(StaffRecord.Period period) {
        return new Document("from", period.from().toString())
                .append("until", period.until() == null ? null : period.until().toString());
    }

    private long count(List<Bson> pipeline) {
        List<Bson> counting = new ArrayList<>(pipeline);
        counting.add(Aggregates.group(null, Accumulators.sum("n", 1)));
        Document counted = staff.aggregate(counting).first();
        return counted == null ? 0 : counted.get("n", Number.class).longValue();
    }

    /** The caller has checked that the page starts within the list, so its offset fits an int. */
    private List<Document> page(List<Bson> pipeline, Bson order, Paging paging) {
        List<Bson> paged = new ArrayList<>(pipeline);
        paged.add(Aggregates.sort(order));
        paged.add(Aggregates.skip((int) paging.offset()));
        paged.add(Aggregates.limit(paging.size()));
        return staff.aggregate(paged).into(new ArrayList<>());
    }

    /** The records of a page's staff, with what the rows read of them. */
    private Map<String, StaffRecord> records(List<String> staffIds) {
        return projection.staff().findAll(in("_id", staffIds), NAME_AND_STAFFING).stream()
                         .collect(Collectors.toMap(StaffRecord::staffId, Function.identity()));
    }
}
