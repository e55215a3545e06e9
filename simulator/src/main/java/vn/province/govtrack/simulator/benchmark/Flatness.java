package vn.province.govtrack.simulator.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * Whether a figure stayed flat over a soak of {@code T} seconds: the median of its values in the last
 * quarter ({@code [3T/4, T]}) against the median in the second ({@code [T/4, T/2]}), so that the first
 * quarter, where caches fill and the JIT settles, does not count, and one noisy sample cannot decide.
 * Flat when the later median is at most the earlier one plus the larger of a relative tolerance and
 * an absolute noise floor (a latency moving from 2 to 3 ms has not grown in any sense that matters). A
 * figure that only fell is flat: falling heaps, threads or latencies leak nothing. The least-squares
 * slope over the whole soak is reported beside it, per hour, for the reader; it does not decide.
 */
final class Flatness {

    /** One sampled value of a figure, at {@code seconds} into the soak; NaN values are left out. */
    record Point(double seconds, double value) {
    }

    /**
     * @param metric         what was judged, e.g. {@code command side: threads}
     * @param unit           of the values, e.g. {@code MiB}
     * @param first          the value at the first sample that has one
     * @param last           the value at the last sample that has one
     * @param secondQuarter  the median over {@code [T/4, T/2]}
     * @param lastQuarter    the median over {@code [3T/4, T]}
     * @param slopePerHour   the least-squares slope over every sample, per hour
     * @param tolerance      how much the last quarter may exceed the second, in words
     * @param flat           false also when a quarter has no value (then {@code reason} says so)
     */
    record Verdict(String metric, String unit, double first, double last, double secondQuarter, double lastQuarter,
                   double slopePerHour, String tolerance, boolean flat, String reason) {

        String line() {
            return String.format(Locale.ROOT, "%-46s %s  start %s, end %s; quarter 2 %s, quarter 4 %s (%s); "
                                              + "slope %s %s/h; tolerance %s", metric, flat ? "flat " : "GROWS",
                                 format(first), format(last), format(secondQuarter), format(lastQuarter), reason,
                                 format(slopePerHour), unit, tolerance);
        }
    }

    private Flatness() {
    }

    /**
     * @param relative  the later median may exceed the earlier one by this share of it (0.1: 10%)
     * @param noise     or by this much, whichever is larger
     */
    static Verdict of(String metric, String unit, List<Point> points, double totalSeconds, double relative,
                      double noise) {
        List<Point> known = points.stream().filter(p -> !Double.isNaN(p.value())).toList();
        double first = known.isEmpty() ? Double.NaN : known.get(0).value();
        double last = known.isEmpty() ? Double.NaN : known.get(known.size() - 1).value();
        double second = median(known, totalSeconds / 4, totalSeconds / 2);
        double fourth = median(known, totalSeconds * 3 / 4, totalSeconds);
        String tolerance = String.format(Locale.ROOT, "+%.0f%% or +%s %s", relative * 100, format(noise), unit);
        double slope = slopePerHour(known);
        if (Double.isNaN(second) || Double.isNaN(fourth)) {
            return new Verdict(metric, unit, first, last, second, fourth, slope, tolerance, false,
                               "not measured in both quarters");
        }
        double allowed = Math.max(Math.abs(second) * relative, noise);
        double change = fourth - second;
        boolean flat = change <= allowed;
        String reason = String.format(Locale.ROOT, "%s%s %s", change >= 0 ? "+" : "", format(change), unit);
        return new Verdict(metric, unit, first, last, second, fourth, slope, tolerance, flat, reason);
    }

    /**
     * How a quantity that accumulates (the data directory's bytes, say, against the events appended)
     * grew per unit of another over each of the two quarters: {@code Δy/Δx} between the samples nearest
     * the quarters' ends, judged as {@link #of} judges medians.
     */
    static Verdict ofGrowth(String metric, String unit, List<Point> ys, List<Point> xs, double totalSeconds,
                            double relative, double noise) {
        double second = growth(ys, xs, totalSeconds / 4, totalSeconds / 2);
        double fourth = growth(ys, xs, totalSeconds * 3 / 4, totalSeconds);
        double whole = growth(ys, xs, 0, totalSeconds);
        String tolerance = String.format(Locale.ROOT, "+%.0f%% or +%s %s", relative * 100, format(noise), unit);
        if (Double.isNaN(second) || Double.isNaN(fourth)) {
            return new Verdict(metric, unit, whole, whole, second, fourth, Double.NaN, tolerance, false,
                               "not measured in both quarters");
        }
        double change = fourth - second;
        boolean flat = change <= Math.max(Math.abs(second) * relative, noise);
        String reason = String.format(Locale.ROOT, "%s%s %s", change >= 0 ? "+" : "", format(change), unit);
        return new Verdict(metric, unit, whole, whole, second, fourth, Double.NaN, tolerance, flat, reason);
    }

    /** Nearest-rank median of the values sampled within {@code [from, to]}; NaN for none. */
    static double median(List<Point> points, double from, double to) {
        double[] values = points.stream().filter(p -> p.seconds() >= from - 1e-6 && p.seconds() <= to + 1e-6)
                .mapToDouble(Point::value).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return values.length == 0 ? Double.NaN : Percentiles.of(values, 0.5);
    }

    /** Least-squares slope of the points, per hour; NaN for fewer than two. */
    static double slopePerHour(List<Point> points) {
        if (points.size() < 2) {
            return Double.NaN;
        }
        double meanX = points.stream().mapToDouble(Point::seconds).average().orElse(0);
        double meanY = points.stream().mapToDouble(Point::value).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Point p : points) {
            covariance += (p.seconds() - meanX) * (p.value() - meanY);
            variance += (p.seconds() - meanX) * (p.seconds() - meanX);
        }
        return variance == 0 ? Double.NaN : covariance / variance * 3600;
    }

    private static double growth(List<Point> ys, List<Point> xs, double from, double to) {
        Point y0 = nearest(ys, from);
        Point y1 = nearest(ys, to);
        Point x0 = nearest(xs, from);
        Point x1 = nearest(xs, to);
        if (y0 == null || y1 == null || x0 == null || x1 == null || x1.value() <= x0.value()) {
            return Double.NaN;
        }
        return (y1.value() - y0.value()) / (x1.value() - x0.value());
    }

    private static Point nearest(List<Point> points, double seconds) {
        return points.stream().filter(p -> !Double.isNaN(p.value()))
                .min((a, b) -> Double.compare(Math.abs(a.seconds() - seconds), Math.abs(b.seconds() - seconds)))
                .orElse(null);
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double abs = Math.abs(value);
        return String.format(Locale.ROOT, abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : "%.2f", value);
    }
}
