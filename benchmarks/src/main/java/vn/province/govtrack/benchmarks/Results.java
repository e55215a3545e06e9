package vn.province.govtrack.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/** What a run measured; written as {@code docs/benchmarks/event-store.json}. */
record Results(String command, Instant startedAt, double durationSeconds, Machine machine, Parameters parameters,
               List<Scenario> scenarios) {

    /** The baseline every ratio is taken against. */
    static final String BASELINE = "raw";

    /**
     * @param payloadBytes  average size of an event's payload as stored (UTF-8 JSON text)
     * @param metaDataBytes average size of its metadata as stored
     * @param jvmOptions    the benchmark JVM's own options
     * @param revision      the git revision the script ran at (the build it ran is of that checkout)
     */
    record Parameters(List<Integer> commitSizes, int repetitions, int batchSize, long eventIntervalMillis,
                      String server, int payloadBytes, int metaDataBytes, String jvmOptions, String revision) {
    }

    /**
     * @param loadAverageAtStart {@code /proc/loadavg} when the run started: other work on the machine
     */
    record Machine(int processors, String cpuModel, long memoryMib, String java, String os,
                   String loadAverageAtStart, String loadAverageAtEnd) {
    }

    /** Median, min and max of the measured repetitions, in events per second. */
    record Stats(double median, double min, double max, List<Double> samples) {

        static Stats of(List<Double> samples) {
            List<Double> sorted = new ArrayList<>(samples);
            sorted.sort(Double::compare);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Stats(median, sorted.get(0), sorted.get(n - 1), List.copyOf(samples));
        }
    }

    /**
     * One phase of one contender over the repetitions: events per second (of wall time, or of CPU
     * time) and the ratio of its median to the baseline's median in the same scenario.
     */
    record Metric(Stats perSecond, double ratio) {

        /** Null when some trial could not measure {@code nanos} (CPU time of a server we did not start). */
        static Metric of(List<Measurement> trials, List<Measurement> baseline, ToLongFunction<Measurement> nanos) {
            if (Stream.concat(trials.stream(), baseline.stream()).anyMatch(m -> nanos.applyAsLong(m) < 0)) {
                return null;
            }
            Stats own = Stats.of(trials.stream().map(m -> m.perSecond(nanos.applyAsLong(m))).toList());
            Stats base = Stats.of(baseline.stream().map(m -> m.perSecond(nanos.applyAsLong(m))).toList());
            return new Metric(own, own.median() / base.median());
        }
    }

    /**
     * One contender in one scenario.
     *
     * @param append                          append throughput in wall time
     * @param appendCpu                       append throughput per CPU-second of benchmark JVM and
     *                                        server together; null on a server we did not start
     * @param appendCommandsPerCommit         database commands (round trips) sent per appended commit
     * @param replayCommandsPerThousandEvents database commands sent per 1,000 replayed events
     */
    record Row(String key, String label, boolean diagnostic, Metric append, Metric appendCpu, Metric replay,
               Metric replayCpu, double appendCommandsPerCommit, double replayCommandsPerThousandEvents) {
    }

    /**
     * @param events       events appended and replayed by each measured trial
     * @param warmupEvents events of each contender's discarded warm-up trials, all together
     */
    record Scenario(String backend, String backendDescription, int commitSize, int events, int warmupEvents,
                    List<Row> rows) {

        Optional<Row> row(String key) {
            return rows.stream().filter(r -> r.key().equals(key)).findFirst();
        }

        String title() {
            return backend + ", " + commitSize + (commitSize == 1 ? " event" : " events") + "/commit";
        }
    }
}
