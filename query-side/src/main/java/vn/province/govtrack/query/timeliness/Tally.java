package vn.province.govtrack.query.timeliness;

import java.math.BigDecimal;

/**
 * The counts of one report row (see {@link TimelinessRow} for their meaning). Processing days are
 * summed exactly: the sum of the decimals the recorded {@code double}s print as.
 */
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

    void add(Tally other) {
        received += other.received;
        resolved += other.resolved;
        early += other.early;
        onTime += other.onTime;
        late += other.late;
        pending += other.pending;
        overdue += other.overdue;
        processingDaysSum = processingDaysSum.add(other.processingDaysSum);
        processingDaysCount += other.processingDaysCount;
    }

    /** Early and on time together: the portal counts an early dossier as on time. */
    long inTime() {
        return early + onTime;
    }
}
