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
import java.util.List;
import java.util.Map;
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

import vn.province.govtrack.query.staff.StaffRecord;
import vn.province.govtrack.query.staff.StaffRecords;
import vn.province.govtrack.query.web.Paging;

/**
 * The personnel questions answered from the personnel projection's collections. No answer reads
 * every staff record: each staff document carries, besides the record, its {@value #STAFFING} (where
 * the person counts, period by period: {@link StaffRecord#periods()}) and its {@value #RUNS} (the
 * periods a secondment runs), and the database counts and pages those. Dates are ISO-8601 text,
 * which compares in date order.
 *
 * <p>Quotas and units are read whole for the staffing review: one document per unit and field, or
 * per unit, which is the size of the review itself; its rows are computed from them and the
 * database's headcounts, then filtered and paged here.
 */
@Component
class StoredPersonnel implements PersonnelOnADay {

    /** Where a person counts: {@code unitCode}, {@code field}, {@code kind} and the days, from and until. */
    static final String STAFFING = "staffing";
    /** The days each secondment runs: number, from, until, last day, home and host unit. */
    static final String RUNS = "secondmentRuns";

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

    /** The fields {@link #STAFFING} and {@link #RUNS} of a staff record's document, a function of the record. */
    static Map<String, Object> queryFields(StaffRecord record) {
        List<Document> staffing = new ArrayList<>();
        List<Document> runs = new ArrayList<>();
        for (StaffRecord.Period period : record.periods()) {
            StaffRecord.Assignment home = period.home();
            staffing.add(days(period).append("unitCode", home.unitCode()).append("field", home.field())
                                     .append("kind", OWN));
            StaffRecord.Secondment secondment = period.secondment();
            if (secondment != null) {
                staffing.add(days(period).append("unitCode", home.unitCode()).append("field", home.field())
                                         .append("kind", SECONDED_OUT));
                staffing.add(days(period).append("unitCode", secondment.toUnitCode())
                                         .append("field", secondment.toField()).append("kind", SECONDED_IN));
                runs.add(days(period).append("secondmentNo", secondment.secondmentNo())
                                     .append("lastDay", secondment.lastDay().toString())
                                     .append("homeUnitCode", secondment.homeUnitCode())
                                     .append("toUnitCode", secondment.toUnitCode()));
            }
        }
        return Map.of(STAFFING, staffing, RUNS, runs);
    }

    @Override
    public StaffingReviewPage staffingReview(LocalDate day, String unitCode, String field, StaffingState state,
                                             Paging paging) {
        List<StaffingRow> province = staffing(day, field);
        List<StaffingRow> rows = province.stream()
                .filter(row -> unitCode == null || row.unitCode().equals(unitCode))
                .filter(row -> state == null || row.state() == state)
                .toList();
        return new StaffingReviewPage(paging.slice(rows), StaffingReview.totals(province), rows.size());
    }

    @Override
    public List<StaffingRow> staffing(LocalDate day, String field) {
        Map<String, UnitRecord> units = projection.units().findAll(new Document(), null).stream()
                .collect(Collectors.toMap(UnitRecord::code, Function.identity()));
        List<QuotaRecord> quotas = projection.quotas().findAll(field == null ? new Document() : eq("field", field),
                                                               null);
        return StaffingReview.fromHeadcounts(day, headcounts(day, field), quotas, units);
    }

    /** Counted by the database from the periods in force on {@code day}: one small group per unit, field and kind. */
    private List<Headcount> headcounts(LocalDate day, String field) {
        List<Bson> inForce = new ArrayList<>(includes(STAFFING, day));
        if (field != null) {
            inForce.add(eq(STAFFING + ".field", field));
        }
        Map<String, Map<String, int[]>> counts = new TreeMap<>();
        staff.aggregate(List.of(
                Aggregates.project(Projections.include(STAFFING)),
                Aggregates.unwind("$" + STAFFING),
                Aggregates.match(and(inForce)),
                Aggregates.group(new Document("unitCode", "$" + STAFFING + ".unitCode")
                                         .append("field", "$" + STAFFING + ".field")
                                         .append("kind", "$" + STAFFING + ".kind"),
                                 Accumulators.sum("count", 1))))
             .forEach(group -> {
                 Document key = group.get("_id", Document.class);
                 int[] count = counts.computeIfAbsent(key.getString("unitCode"), unit -> new TreeMap<>())
                                     .computeIfAbsent(key.getString("field"), f -> new int[3]);
                 int n = group.get("count", Number.class).intValue();
                 switch (key.getString("kind")) {
                     case OWN -> count[0] += n;
                     case SECONDED_IN -> count[1] += n;
                     case SECONDED_OUT -> count[2] += n;
                     default -> throw new IllegalStateException("unknown staffing kind " + key);
                 }
             });
        List<Headcount> headcounts = new ArrayList<>();
        counts.forEach((unitCode, fields) -> fields.forEach((name, count) -> headcounts.add(
                new Headcount(unitCode, name, count[0], count[1], count[2]))));
        return headcounts;
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
