package vn.province.govtrack.query.timeliness;

import java.math.BigDecimal;

import vn.province.govtrack.kernel.dossier.Timeliness;

/** The counts of one report row, as they accumulate. Processing days are summed exactly, in any order. */
final class Tally {

    long received;
    long resolved;
    long early;
    long onTime;
    long late;
    long pending;
    long overdue;
    BigDecimal processingDaysSum = BigDecimal.ZERO;
    long processingDaysCount;

    void received() {
        received++;
    }

    void ended(Timeliness verdict, Double processingDays) {
        resolved++;
        if (verdict == Timeliness.EARLY) {
            early++;
        } else if (verdict == Timeliness.ON_TIME) {
            onTime++;
        } else if (verdict == Timeliness.LATE) {
            late++;
        }
        if (processingDays != null) {
            processingDaysSum = processingDaysSum.add(BigDecimal.valueOf(processingDays));
            processingDaysCount++;
        }
    }

    void pending(boolean overdueToo) {
        pending++;
        if (overdueToo) {
            overdue++;
        }
    }

    /** Early and on time together: the portal counts an early dossier as on time. */
    long inTime() {
        return early + onTime;
    }
}
