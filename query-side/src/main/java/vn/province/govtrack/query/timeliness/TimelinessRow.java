package vn.province.govtrack.query.timeliness;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One row of the timeliness report, as the national index's progress indicator counts it.
 *
 * @param key               the unit code, field or procedure code, or the date ({@code YYYY-MM-DD}) of a
 *                          row by day; for the total row {@code PROVINCE} (or the unit code asked for)
 * @param received          dossiers received in the period
 * @param resolved          dossiers whose processing ended in the period (resolved, returned or
 *                          stopped, whichever came first); equal to early + onTime + late, since the
 *                          resolution or stop that ends processing records a verdict (only a return
 *                          without a resolution, which the lifecycle does not produce, would count
 *                          here without one)
 * @param early             of those, judged EARLY when processing ended
 * @param onTime            of those, judged ON_TIME
 * @param late              of those, judged LATE
 * @param pending           dossiers received before the period's end and not ended by then
 * @param overdue           of those, the ones past their appointment date at the period's end, the clock
 *                          running (a dossier waiting for a supplement at that moment is not overdue)
 * @param onTimeRate        (early + onTime) / resolved, rounded half-up to 4 decimals; null when nothing
 *                          was resolved
 * @param avgProcessingDays mean of the processing days recorded for the resolved dossiers, rounded
 *                          half-up to 2 decimals; null when none was recorded
 * @param progressScore     20 × (early + onTime) / resolved, rounded half-up to 2 decimals (computed from
 *                          the counts, not from the rounded rate); null when nothing was resolved
 * @param maxScore          20, the progress indicator's points
 */
record TimelinessRow(String key, long received, long resolved, long early, long onTime, long late, long pending,
                     long overdue, Double onTimeRate, Double avgProcessingDays, Double progressScore, int maxScore) {

    static final int MAX_SCORE = 20;

    static TimelinessRow of(String key, Tally tally) {
        return new TimelinessRow(key, tally.received, tally.resolved, tally.early, tally.onTime, tally.late,
                tally.pending, tally.overdue, ratio(tally.inTime(), tally.resolved, 1, 4),
                tally.processingDaysCount == 0 ? null
                        : tally.processingDaysSum.divide(BigDecimal.valueOf(tally.processingDaysCount), 2,
                                RoundingMode.HALF_UP).doubleValue(),
                ratio(tally.inTime(), tally.resolved, MAX_SCORE, 2), MAX_SCORE);
    }

    private static Double ratio(long numerator, long denominator, int scale, int decimals) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator * scale)
                         .divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP)
                         .doubleValue();
    }
}
