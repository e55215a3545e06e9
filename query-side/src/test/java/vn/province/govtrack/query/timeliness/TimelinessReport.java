package vn.province.govtrack.query.timeliness;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * The tests' oracle: the timeliness report of one period counted fact by fact ({@link #count}), the
 * way reports were answered before the index, by scanning every fact relevant to the period. Pure, so
 * the same facts give the same report in any order. The index must give exactly its rows and total.
 *
 * <p>Each count goes to the unit responsible when the counted thing happened: a receipt to the
 * receiving unit; an end of processing (resolved, its verdict and processing days) to the unit
 * holding the dossier when it ended; pending and overdue to the unit holding it at the period's end,
 * judged there with the appointment date in force then.
 */
final class TimelinessReport {

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
        if (inPeriod(fact.receivedAt())) {
            add(fact, fact.receivingUnit(), tally -> tally.received++);
        }
        if (fact.ended() && inPeriod(fact.endedAt())) {
            add(fact, fact.unitAt(fact.endedAt()), tally -> ended(tally, fact.verdict(), fact.processingDays()));
        }
        Instant end = period.end();
        if (fact.receivedAt().isBefore(end) && !(fact.ended() && fact.endedAt().isBefore(end))) {
            boolean overdue = !fact.pausedBefore(end) && fact.dueBefore(end).isBefore(end);
            add(fact, fact.unitBefore(end), tally -> {
                tally.pending++;
                if (overdue) {
                    tally.overdue++;
                }
            });
        }
    }

    /** Rows in key order; only keys something was counted for. */
    List<TimelinessRow> rows() {
        return rows.entrySet().stream().map(row -> TimelinessRow.of(row.getKey(), row.getValue())).toList();
    }

    /** The sum of the rows, keyed PROVINCE, or the unit code when the report is for one unit. */
    TimelinessRow total() {
        return TimelinessRow.of(unitCode == null ? TimelinessFigures.TOTAL_KEY : unitCode, total);
    }

    /** The per-row tallies, for ranking. */
    Map<String, Tally> tallies() {
        return rows;
    }

    /** Counts one end of processing into {@code tally}: processing days summed as the decimals they print as. */
    static void ended(Tally tally, Timeliness verdict, Double processingDays) {
        tally.resolved++;
        if (verdict == Timeliness.EARLY) {
            tally.early++;
        } else if (verdict == Timeliness.ON_TIME) {
            tally.onTime++;
        } else if (verdict == Timeliness.LATE) {
            tally.late++;
        }
        if (processingDays != null) {
            tally.processingDaysSum = tally.processingDaysSum.add(BigDecimal.valueOf(processingDays));
            tally.processingDaysCount++;
        }
    }

    private boolean inPeriod(Instant instant) {
        return !instant.isBefore(period.start()) && instant.isBefore(period.end());
    }

    private void add(DossierFact fact, String unit, Consumer<Tally> counting) {
        if (unitCode != null && !unitCode.equals(unit)) {
            return;
        }
        counting.accept(total);
        counting.accept(rows.computeIfAbsent(keyOf(fact, unit), key -> new Tally()));
    }

    /** The row a count goes to, given the unit it is attributed to; a missing code is the empty key. */
    private String keyOf(DossierFact fact, String unit) {
        String key = switch (groupBy) {
            case UNIT -> unit;
            case FIELD -> fact.field();
            case PROCEDURE -> fact.procedureCode();
        };
        return key == null ? "" : key;
    }
}
