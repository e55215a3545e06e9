package vn.province.govtrack.query.timeliness;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The figures of one period as a report shows them: a tally per row key (unit code, field or
 * procedure code, only for keys something was counted for; or each day of the period), and their total.
 */
final class TimelinessFigures {

    static final String TOTAL_KEY = "PROVINCE";

    private final SortedMap<String, Tally> tallies;
    private final Tally total;
    private final String unitCode;

    /** @param unitCode the one unit counted; null for the whole province */
    TimelinessFigures(SortedMap<String, Tally> tallies, String unitCode) {
        this(tallies, new Tally(), unitCode);
        tallies.values().forEach(total::add);
    }

    /**
     * Rows whose total is not their sum: days, whose pending and overdue are stocks at each day's end,
     * while the period's are those at its end.
     */
    TimelinessFigures(SortedMap<String, Tally> tallies, Tally total, String unitCode) {
        this.tallies = tallies;
        this.total = total;
        this.unitCode = unitCode;
    }

    /** Rows in key order. */
    List<TimelinessRow> rows() {
        return tallies.entrySet().stream().map(row -> TimelinessRow.of(row.getKey(), row.getValue())).toList();
    }

    /** The sum of the rows, keyed {@value #TOTAL_KEY}, or the unit code when the figures are for one unit. */
    TimelinessRow total() {
        return TimelinessRow.of(unitCode == null ? TOTAL_KEY : unitCode, total);
    }

    /** The total's counts. */
    Tally sum() {
        return total;
    }

    /** The tallies by row key, for ranking. */
    Map<String, Tally> tallies() {
        return tallies;
    }
}
