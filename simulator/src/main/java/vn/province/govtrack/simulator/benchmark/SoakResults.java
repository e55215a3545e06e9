package vn.province.govtrack.simulator.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What one soak run measured ({@link Soak}): the capacity it found, the steady load it then ran,
 * a sample of every process every interval, and the flatness verdicts drawn from the samples.
 * Written as {@code soak.json}; {@link #csv} flattens the samples into {@code soak.csv}.
 */
record SoakResults(int format, Instant startedAt, double durationSeconds, DemoResults.Machine machine,
                   Parameters parameters, Capacity capacity, Steady steady, List<Sample> samples,
                   List<Flatness.Verdict> verdicts, boolean flat) {

    static final int FORMAT = 1;

    /**
     * @param rateGiven          whether the command rate was given ({@code --rate}) rather than half the capacity
     * @param queriesPerCommand  queries sent per command sent, at the same steady rate
     */
    record Parameters(double minutes, int intervalSeconds, double commandsPerSecond, boolean rateGiven,
                      double queriesPerCommand, double queriesPerSecond, int capacitySeconds, int warmUpSeconds,
                      int capacityWorkers, List<String> javaOptions, String scenario, String queryMix, String command) {
    }

    /**
     * The closed-loop burst that measured capacity: {@code workers} clients sending the dossiers'
     * commands back to back; the rate counts the commands answered after the warm-up.
     */
    record Capacity(double commandsPerSecond, double commandsPerDossier, long commands, long dossiers,
                    DemoResults.Spread millis) {
    }

    /**
     * The open-loop phase as a whole.
     *
     * @param lagSeconds          the projections' lag sampled every second ({@link LagSampler}) during it
     * @param caughtUpSeconds     from stopping the load until every projection had processed the last event
     * @param queryMillisByKind   each kind of query over the whole phase
     * @param loadAverage1        the machine's 1-minute load average over the samples: min, median, max
     */
    record Steady(long commands, long rejectedCommands, long queries, long failedQueries, long dossiersStarted,
                  long eventsAppended, double dataDirectoryGrowthBytes, double bytesPerEvent,
                  DemoResults.Spread commandMillis, Map<String, DemoResults.Spread> queryMillisByKind,
                  DemoResults.Lag lagSeconds, double caughtUpSeconds, double[] loadAverage1) {
    }

    /**
     * One sample, due at {@code seconds} (a multiple of the interval) after the steady load started and
     * taken within milliseconds of it, covering the interval since the previous one (the first, at 0,
     * covers nothing: no rates or latencies).
     *
     * @param fullGc           whether every JVM was asked for a full collection just before this sample
     *                         ({@link ProcessProbe#collectGarbage}); then the heap after a full GC is what is live
     * @param dossiersWaiting  dossiers due to start by the open-loop schedule that no client had started yet
     * @param dossiersInFlight dossiers being played at the sample: commands in flight at most
     * @param eventsBehind     the log's head less the slowest projection's position
     * @param bytesPerEvent    the data directory's growth over the interval per event appended in it
     */
    record Sample(double seconds, double loadAverage1, boolean fullGc, double commandsPerSecond, long rejectedCommands,
                  double commandP50, double commandP99, double queriesPerSecond, long failedQueries, double queryP50,
                  double queryP99, long dossiersWaiting, long dossiersInFlight, long head, long eventsBehind, long dataDirectoryBytes,
                  double bytesPerEvent, Map<String, ProcessSample> processes) {
    }

    /**
     * One JVM at a sample; NaN where it cannot be read (a pool for the database, which has none).
     *
     * @param heapAfterGcMib      the heap in use after its latest collection, young or full (its GC log)
     * @param heapAfterFullGcMib  the same after its latest full collection: what was live then
     * @param threads             its threads, every one the OS knows ({@code /proc/PID/status})
     * @param serverConnections   TCP connections established to the port it serves
     * @param poolSize            the MongoDB driver's pooled connections ({@code mongodb.driver.pool.size})
     * @param poolCheckedOut      of those, in use ({@code mongodb.driver.pool.checkedout})
     */
    record ProcessSample(double heapAfterGcMib, double heapAfterFullGcMib, long collections, long fullCollections,
                         double threads, double openFiles, double rssMib, double serverConnections, double poolSize,
                         double poolCheckedOut) {
    }

    /** The per-process columns of {@link #csv}, each with how it reads a sample. */
    private static final Map<String, ToDoubleFunction<ProcessSample>> PROCESS_COLUMNS = processColumns();

    private static Map<String, ToDoubleFunction<ProcessSample>> processColumns() {
        Map<String, ToDoubleFunction<ProcessSample>> columns = new LinkedHashMap<>();
        columns.put("heap_after_gc_mib", ProcessSample::heapAfterGcMib);
        columns.put("heap_after_full_gc_mib", ProcessSample::heapAfterFullGcMib);
        columns.put("collections", ProcessSample::collections);
        columns.put("full_collections", ProcessSample::fullCollections);
        columns.put("threads", ProcessSample::threads);
        columns.put("open_files", ProcessSample::openFiles);
        columns.put("rss_mib", ProcessSample::rssMib);
        columns.put("server_connections", ProcessSample::serverConnections);
        columns.put("pool_size", ProcessSample::poolSize);
        columns.put("pool_checked_out", ProcessSample::poolCheckedOut);
        return columns;
    }

    /** The samples as CSV: one row per sample, one column per figure and per process ({@code mongo_threads}). */
    String csv() {
        List<String> processes = samples.isEmpty() ? List.of() : List.copyOf(samples.get(0).processes().keySet());
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(
                "seconds", "load_average_1", "full_gc", "commands_per_second", "rejected_commands", "command_p50_ms",
                "command_p99_ms", "queries_per_second", "failed_queries", "query_p50_ms", "query_p99_ms",
                "dossiers_waiting", "dossiers_in_flight", "head", "events_behind", "data_directory_bytes", "bytes_per_event"));
        for (String process : processes) {
            PROCESS_COLUMNS.keySet().forEach(column -> header.add(slug(process) + "_" + column));
        }
        csv.append(String.join(",", header)).append('\n');
        for (Sample s : samples) {
            List<String> row = new ArrayList<>(List.of(
                    number(s.seconds()), number(s.loadAverage1()), s.fullGc() ? "1" : "0",
                    number(s.commandsPerSecond()), String.valueOf(s.rejectedCommands()), number(s.commandP50()),
                    number(s.commandP99()), number(s.queriesPerSecond()), String.valueOf(s.failedQueries()),
                    number(s.queryP50()), number(s.queryP99()), String.valueOf(s.dossiersWaiting()),
                    String.valueOf(s.dossiersInFlight()), String.valueOf(s.head()), String.valueOf(s.eventsBehind()), String.valueOf(s.dataDirectoryBytes()),
                    number(s.bytesPerEvent())));
            for (String process : processes) {
                ProcessSample p = s.processes().get(process);
                PROCESS_COLUMNS.values().forEach(column -> row.add(p == null ? "" : number(column.applyAsDouble(p))));
            }
            csv.append(String.join(",", row)).append('\n');
        }
        return csv.toString();
    }

    /** {@code command side} → {@code command_side}, for column names. */
    static String slug(String process) {
        return process.toLowerCase(Locale.ROOT).replace("embedded ", "").replaceAll("[^a-z0-9]+", "_");
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }
}
