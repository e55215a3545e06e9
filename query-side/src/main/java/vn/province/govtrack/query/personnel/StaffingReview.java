package vn.province.govtrack.query.personnel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import vn.province.govtrack.query.staff.StaffRecord;

/**
 * The staffing review (served at {@code /personnel/audit}) as a pure computation: staffing per unit
 * and field on one day, from the headcounts of that day and every quota. It reads nothing but its
 * arguments.
 *
 * <p>On day {@code d} a person counts at the home assignment in force on {@code d} (recruitment and
 * transfers count from their effective dates; nobody counts from the departure's effective date),
 * and, while a secondment runs on {@code d} ({@code from <= d <= until}, before any recorded end),
 * as seconded out of the home unit and field and seconded in to the host unit and field. A quota
 * counts from its effective date; a unit and field without one has quota 0. From its dissolution
 * date on a unit's quota is 0 and its rows' state is {@link StaffingState#DISSOLVED}: it is never
 * short, and staff still counted there are its surplus.
 */
final class StaffingReview {

    private StaffingReview() {
    }

    /** One row per unit and field with a quota in force or staff on {@code day}, ordered by unit code then field. */
    static List<StaffingRow> rows(LocalDate day, Collection<StaffRecord> staff, Collection<QuotaRecord> quotas,
                                  Map<String, UnitRecord> units) {
        return fromHeadcounts(day, headcounts(day, staff), quotas, units);
    }

    /**
     * The headcounts of {@code day} counted from whole records, each person where the record places
     * them that day; what {@code StoredPersonnel} has the database count from the records' periods.
     */
    static List<Headcount> headcounts(LocalDate day, Collection<StaffRecord> staff) {
        Map<String, Map<String, Tally>> byUnitAndField = new TreeMap<>();
        for (StaffRecord person : staff) {
            Optional<StaffRecord.Assignment> home = person.assignmentOn(day);
            if (home.isEmpty()) {
                continue;
            }
            tally(byUnitAndField, home.get().unitCode(), home.get().field()).own++;
            person.secondmentOn(day).ifPresent(secondment -> {
                tally(byUnitAndField, home.get().unitCode(), home.get().field()).secondedOut++;
                tally(byUnitAndField, secondment.toUnitCode(), secondment.toField()).secondedIn++;
            });
        }
        List<Headcount> headcounts = new ArrayList<>();
        byUnitAndField.forEach((unitCode, fields) -> fields.forEach((field, tally) -> headcounts.add(
                new Headcount(unitCode, field, tally.own, tally.secondedIn, tally.secondedOut))));
        return headcounts;
    }

    /**
     * One row per unit and field with a quota in force or a headcount on {@code day}, ordered by unit
     * code then field.
     */
    static List<StaffingRow> fromHeadcounts(LocalDate day, Collection<Headcount> headcounts,
                                            Collection<QuotaRecord> quotas, Map<String, UnitRecord> units) {
        Map<String, Map<String, Tally>> byUnitAndField = new TreeMap<>();
        for (QuotaRecord quota : quotas) {
            quota.positionsOn(day).ifPresent(positions -> tally(byUnitAndField, quota.unitCode(), quota.field())
                    .quota = positions);
        }
        for (Headcount headcount : headcounts) {
            Tally tally = tally(byUnitAndField, headcount.unitCode(), headcount.field());
            tally.own += headcount.own();
            tally.secondedIn += headcount.secondedIn();
            tally.secondedOut += headcount.secondedOut();
        }
        List<StaffingRow> rows = new ArrayList<>();
        byUnitAndField.forEach((unitCode, fields) -> fields.forEach((field, tally) -> {
            UnitRecord unit = units.get(unitCode);
            boolean dissolved = unit != null && unit.dissolvedOn(day);
            int quota = dissolved ? 0 : tally.quota;
            int effective = tally.own - tally.secondedOut + tally.secondedIn;
            int gap = effective - quota;
            rows.add(new StaffingRow(unitCode, unit == null ? null : unit.name(), unit == null ? null : unit.kind(),
                                     field, quota, tally.own, tally.secondedIn, tally.secondedOut, effective, gap,
                                     dissolved ? StaffingState.DISSOLVED : StaffingState.of(gap)));
        }));
        return rows;
    }

    /** The province totals of each field among {@code rows}, ordered by field. */
    static List<FieldTotal> totals(List<StaffingRow> rows) {
        Map<String, List<StaffingRow>> byField = new TreeMap<>();
        rows.forEach(row -> byField.computeIfAbsent(row.field(), field -> new ArrayList<>()).add(row));
        List<FieldTotal> totals = new ArrayList<>();
        byField.forEach((field, fieldRows) -> {
            int quota = 0, own = 0, in = 0, out = 0, effective = 0, shortage = 0, surplus = 0, unitsShort = 0,
                unitsOver = 0;
            for (StaffingRow row : fieldRows) {
                quota += row.quota();
                own += row.own();
                in += row.secondedIn();
                out += row.secondedOut();
                effective += row.effective();
                if (row.gap() < 0) {
                    shortage -= row.gap();
                    unitsShort++;
                } else if (row.gap() > 0) {
                    surplus += row.gap();
                    unitsOver++;
                }
            }
            totals.add(new FieldTotal(field, fieldRows.size(), quota, own, in, out, effective, effective - quota,
                                      shortage, surplus, unitsShort, unitsOver, StaffingState.of(effective - quota)));
        });
        return totals;
    }

    private static Tally tally(Map<String, Map<String, Tally>> byUnitAndField, String unitCode, String field) {
        return byUnitAndField.computeIfAbsent(unitCode, code -> new TreeMap<>()).computeIfAbsent(field, f -> new Tally());
    }

    /** Counts of one unit and field while they are summed up. */
    private static final class Tally {
        int quota;
        int own;
        int secondedIn;
        int secondedOut;
    }
}
