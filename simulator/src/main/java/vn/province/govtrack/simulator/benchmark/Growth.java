package vn.province.govtrack.simulator.benchmark;

import java.util.Locale;

/**
 * How a figure changed from one size to the next, and whether that is what its cost should do. A
 * figure whose cost should not depend on history (a rate per event, a latency, a lag, a heap) is
 * called flat when the larger size's value is within {@link #TOLERANCE} times the smaller's, or
 * within the figure's noise of it (a query going from 1 to 2 ms has not grown in any sense that
 * matters); otherwise it is flagged when it moved the wrong way. Figures that grow with the data
 * (events, bytes, times to load) show the ratio only.
 */
final class Growth {

    /** A factor within which a figure counts as flat. */
    static final double TOLERANCE = 1.5;

    /** What a figure is expected to do as history grows. */
    enum Trend {
        /** Grows with the data: the ratio is shown, never flagged. */
        SCALES,
        /** Should stay flat; growing is bad (latencies, lags, memory per event). */
        FLAT_LOWER_IS_BETTER,
        /** Should stay flat; falling is bad (rates). */
        FLAT_HIGHER_IS_BETTER,
        /** No ratio shown (load averages, counts of rejections). */
        NONE
    }

    /**
     * One cell of a growth column.
     *
     * @param text   e.g. {@code ×1.08 flat}, {@code ×3.20 grows}, {@code ×10.0}; empty when there is no ratio
     * @param worse  the figure moved beyond its tolerance in the direction that costs
     */
    record Cell(String text, boolean worse) {

        static final Cell EMPTY = new Cell("", false);
    }

    private Growth() {
    }

    /** From {@code before} (the smaller size) to {@code after}; NaN for a size that lacks the figure. */
    static Cell of(double before, double after, Trend trend, double noise) {
        if (trend == Trend.NONE || Double.isNaN(before) || Double.isNaN(after)) {
            return Cell.EMPTY;
        }
        if (before == 0) {
            boolean flat = Math.abs(after) <= noise;
            return trend == Trend.SCALES ? Cell.EMPTY
                    : new Cell(flat ? "flat" : "from 0", !flat && trend == Trend.FLAT_LOWER_IS_BETTER);
        }
        double ratio = after / before;
        String times = String.format(Locale.ROOT, ratio >= 10 ? "×%.1f" : "×%.2f", ratio);
        if (trend == Trend.SCALES) {
            return new Cell(times, false);
        }
        boolean flat = (ratio <= TOLERANCE && ratio >= 1 / TOLERANCE) || Math.abs(after - before) <= noise;
        if (flat) {
            return new Cell(times + " flat", false);
        }
        boolean grew = ratio > 1;
        boolean worse = grew == (trend == Trend.FLAT_LOWER_IS_BETTER);
        return new Cell(times + (grew ? " grows" : " falls"), worse);
    }
}
