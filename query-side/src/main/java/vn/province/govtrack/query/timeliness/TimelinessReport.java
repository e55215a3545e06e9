package vn.province.govtrack.query.timeliness;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The timeliness report of one period, counted fact by fact ({@link #count}); pure, so the same
 * facts give the same report in any order.
 *
 * <p>Each count goes to the unit responsible when the counted thing happened, which a later
 * transfer cannot change: a receipt to the receiving unit; an end of processing (resolved, its
 * verdict and processing days) to the unit holding the dossier when it ended; pending and overdue
 * to the unit holding it at the period's end. So a unit's row for a closed period never changes,
 * and every dossier counts once in the total. Pending and overdue are judged at the period's end
 * with the appointment date in force then.
 */
final class TimelinessReport {

    static final String TOTAL_KEY = "PROVINCE";

    private final Period period;
    private final GroupBy groupBy;
    private final String unitCode;
    private final Map<String, Tally> rows = new TreeMap<>();
    private final Tally total = new Tally();

    /** @param unitCode count only what is attributed to this unit; null for the whole province */
    TimelinessReport(Period period, GroupBy groupBy, String unitCode) {
        this.period = period;
        this.groupBy = groupBy;
        this.unitCode = unitCode;
    }

    void count(DossierFact fact) {
        if (period.contains(fact.receivedAt())) {
            add(fact, fact.receivingUnit(), Tally::received);
        }
        if (fact.ended() && period.contains(fact.endedAt())) {
            add(fact, fact.unitAt(fact.endedAt()), tally -> tally.ended(fact.verdict(), fact.processingDays()));
        }
        Instant end = period.end();
        if (fact.receivedAt().isBefore(end) && !(fact.ended() && fact.endedAt().isBefore(end))) {
            boolean overdue = !fact.pausedBefore(end) && fact.dueBefore(end).isBefore(end);
            add(fact, fact.unitBefore(end), tally -> tally.pending(overdue));
        }
    }

    /** Rows in key order; only keys something was counted for. */
    List<TimelinessRow> rows() {
        return rows.entrySet().stream().map(row -> TimelinessRow.of(row.getKey(), row.getValue())).toList();
    }

    /** The sum of the rows, keyed {@value #TOTAL_KEY}, or the unit code when the report is for one unit. */
    TimelinessRow total() {
        return TimelinessRow.of(unitCode == null ? TOTAL_KEY : unitCode, total);
    }

    /** The per-unit tallies, for ranking. */
    Map<String, Tally> tallies() {
        return rows;
    }

    private void add(DossierFact fact, String unit, Consumer<Tally> counting) {
        if (unitCode != null && !unitCode.equals(unit)) {
            return;
        }
        counting.accept(total);
        counting.accept(rows.computeIfAbsent(groupBy.keyOf(fact, unit), key -> new Tally()));
    }
}
