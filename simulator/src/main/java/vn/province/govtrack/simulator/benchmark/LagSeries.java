package vn.province.govtrack.simulator.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far each projection lags behind the event log, in seconds, from samples of its position and
 * the log's head taken over time. A projection at position p in a sample taken at time t lags by
 * t − (the time of the first sample whose head had reached p + 1): how long the oldest event it has
 * not processed has been in the log, as far as the samples can tell; 0 once it has processed the
 * head. The resolution is the sampling period: an event appended between two samples counts from
 * the later one.
 */
final class LagSeries {

    /** The times at which the head was first seen at each of {@link #heads}. */
    private final List<Double> headTimes = new ArrayList<>();
    /** The heads seen, strictly increasing. */
    private final List<Long> heads = new ArrayList<>();
    private final Map<String, List<Double>> lags = new TreeMap<>();
    private double first = Double.NaN;
    private double last = Double.NaN;

    /**
     * Adds one sample; samples come in the order they were taken.
     *
     * @param seconds   when it was taken, on any clock that only moves forward
     * @param head      the event log's head position
     * @param positions each projection's position
     */
    void add(double seconds, long head, Map<String, Long> positions) {
        if (Double.isNaN(first)) {
            first = seconds;
        }
        last = seconds;
        if (heads.isEmpty() || head > heads.get(heads.size() - 1)) {
            heads.add(head);
            headTimes.add(seconds);
        }
        long knownHead = heads.get(heads.size() - 1);
        positions.forEach((name, position) -> lags.computeIfAbsent(name, n -> new ArrayList<>())
                .add(position >= knownHead ? 0 : seconds - firstSeen(position + 1)));
    }

    /** The lag of each projection and of all of them together. */
    DemoResults.Lag lag() {
        Map<String, DemoResults.Spread> byProjection = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        lags.forEach((name, samples) -> {
            byProjection.put(name, Percentiles.spread(samples));
            all.addAll(samples);
        });
        return new DemoResults.Lag(Double.isNaN(first) ? 0 : last - first, byProjection, Percentiles.spread(all));
    }

    /** When the head was first seen at {@code position} or beyond; only asked for positions the head has reached. */
    private double firstSeen(long position) {
        int index = Collections.binarySearch(heads, position);
        return headTimes.get(index >= 0 ? index : -index - 1);
    }
}
