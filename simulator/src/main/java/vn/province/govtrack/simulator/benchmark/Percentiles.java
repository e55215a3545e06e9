package vn.province.govtrack.simulator.benchmark;

import java.util.Collection;

/**
 * Nearest-rank percentiles: the value at rank ⌈q·n⌉ of the n sorted samples, always one that was
 * measured (no interpolation), so that a p99 of 100 samples is their second largest.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The summary the report shows; {@link DemoResults.Spread#NONE} for no samples. */
    static DemoResults.Spread spread(Collection<Double> samples) {
        if (samples.isEmpty()) {
            return DemoResults.Spread.NONE;
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new DemoResults.Spread(sorted.length, of(sorted, 0.5), of(sorted, 0.99), sorted[sorted.length - 1]);
    }

    /** @param sorted samples in ascending order; 0 when there are none */
    static double of(double[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
