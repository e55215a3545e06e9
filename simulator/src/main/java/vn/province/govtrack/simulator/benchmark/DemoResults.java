package vn.province.govtrack.simulator.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run measured, as written to {@code docs/benchmarks/demo.json}.
 *
 * @param format   the layout of this record: {@link #FORMAT}; an earlier file of another layout is not merged
 * @param failures the sizes this run tried but could not measure, by label, with the reason
 */
record DemoResults(int format, Instant startedAt, double durationSeconds, Machine machine, Parameters parameters,
                   List<Run> runs, Map<String, String> failures) {

    /** Raised whenever a change to these records would make an earlier file read wrongly. */
    static final int FORMAT = 2;

    /** The machine, with its load averages (1, 5, 15 min): other work on it shows there. */
    record Machine(int cores, String cpu, long memoryMib, String java, String os, String loadAtStart, String loadAtEnd) {

        static Machine describe(String loadAtStart, String loadAtEnd) {
            return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemoryMib(),
                               System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                               System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                               + System.getProperty("os.arch"), loadAtStart, loadAtEnd);
        }

        static String loadAverage() {
            List<String> lines = lines("/proc/loadavg");
            if (lines.isEmpty()) {
                return "unknown";
            }
            String[] fields = lines.get(0).trim().split("\\s+");
            return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
        }

        private static String cpuModel() {
            return lines("/proc/cpuinfo").stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst()
                    .orElse(System.getProperty("os.arch"));
        }

        private static long totalMemoryMib() {
            return lines("/proc/meminfo").stream().filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
        }

        private static List<String> lines(String file) {
            try {
                return Files.readAllLines(Path.of(file));
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }
    }

    /**
     * @param javaOptions     the options of every JVM of the product, the importer included
     * @param latencyRequests timed requests per endpoint group, after {@code warmUpRequests} untimed ones
     * @param storage         how the product stored its data (the embedded server's durable file, as {@code ./run})
     */
    record Parameters(long seed, int workers, List<String> javaOptions, int warmUpRequests, int latencyRequests,
                      String storage, String command) {
    }

    /**
     * One size of the demo province.
     *
     * @param label          the size relative to the demo's 30,000 dossiers over 16 days, e.g. {@code "10×"}
     * @param loading        {@code http}: every command through the API; {@code import}: the reference data
     *                       through the API, the dossiers by the command side's import
     * @param measuredAt     when this size's measurement started
     * @param seeding        the commands sent through the API: all of them, or the reference data only
     * @param imported       the import of the dossiers; null when they were seeded through the API
     * @param catchUpSeconds from the last command (or the importer's exit) until every projection had processed it
     * @param lag            the projections' lag behind the event log while the size was loaded
     * @param rebuilds       each projection rebuilt from the first event, one after the other
     * @param latencies      each endpoint group's answer time, in the order they were listed
     * @param events         events in the store at the end
     * @param heaps          the heap each JVM used, by JVM (embedded MongoDB, command side, query side, importer)
     * @param figures        the province total the query side answered, for a sanity check
     */
    record Run(String label, int dossiers, int days, String firstDay, String lastDay, String loading,
               Instant measuredAt, double startupSeconds, Seeding seeding, Import imported, double catchUpSeconds,
               Lag lag, List<Rebuild> rebuilds, List<Latency> latencies, long events, Storage storage,
               Map<String, Heap> heaps, Figures figures, long rejections, String loadAtStart, String loadAtEnd) {

        boolean importedDossiers() {
            return imported != null;
        }
    }

    /**
     * The commands sent through the API.
     *
     * @param commandsPerSecond        all of them over the whole seeding
     * @param dossierCommandsPerSecond the dossier phase alone (concurrent workers); null when dossiers were imported
     * @param dossiersPerSecond        dossiers over the dossier phase; null when they were imported
     */
    record Seeding(long commands, double seconds, double commandsPerSecond, Double dossierCommandsPerSecond,
                   Double dossiersPerSecond, int workers) {
    }

    /**
     * The dossiers loaded by {@code java -jar command-side.jar import FILE}.
     *
     * @param records       lines of the exported file
     * @param exportSeconds writing the file (the simulator, before the product started; not part of the rates)
     * @param events        events the import appended (the head position after it less the one before)
     * @param wallSeconds   the importer JVM from its start to its exit
     * @param importSeconds the import itself, as the importer reports it (JVM start and Spring context excluded);
     *                      null when its summary could not be read
     * @param rejected      records the importer rejected, as it reports them; -1 when not reported
     */
    record Import(long records, long fileBytes, double exportSeconds, long events, double wallSeconds,
                  Double importSeconds, long rejected, int exitStatus) {

        /** Events appended per second of the importer's wall time, its start included. */
        double eventsPerWallSecond() {
            return events / wallSeconds;
        }

        /** Events appended per second of the import itself; NaN when the importer did not say how long. */
        double eventsPerSecond() {
            return importSeconds == null ? Double.NaN : events / importSeconds;
        }

        double recordsPerSecond() {
            return importSeconds == null ? Double.NaN : records / importSeconds;
        }
    }

    /** Nearest-rank percentiles of a set of samples and its largest. */
    record Spread(int samples, double p50, double p99, double max) {

        static final Spread NONE = new Spread(0, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * The projections' lag behind the event log, sampled every second while the size was loaded.
     *
     * @param byProjection each projection's lag in seconds
     * @param all          the samples of every projection together
     */
    record Lag(double sampledSeconds, Map<String, Spread> byProjection, Spread all) {
    }

    record Rebuild(String projection, long events, double seconds, double eventsPerSecond) {
    }

    /**
     * One endpoint group: the request sent, and its answer times in milliseconds.
     *
     * @param answered how much the answer held: dossiers or staffing rows matched, or rows of a report
     */
    record Latency(String endpoint, String path, long answered, Spread millis) {
    }

    /**
     * The data directory (the embedded server's files and the services' local secrets; logs excluded).
     *
     * @param maxRunningBytes the largest it was in any sample while the product ran
     * @param runningBytes    at the end of the measurements, the product still running
     * @param stoppedBytes    after the product's clean stop
     */
    record Storage(long maxRunningBytes, long runningBytes, long stoppedBytes) {
    }

    /**
     * One JVM's heap, from {@code jstat -gc} every few seconds.
     *
     * @param maxHeap     its {@code -Xmx}
     * @param maxUsedBytes the most it used (survivor, eden and old generation; garbage not yet collected included)
     * @param maxOldBytes  the most its old generation held: what survived collections
     */
    record Heap(String maxHeap, int samples, long maxUsedBytes, long maxOldBytes) {
    }

    /** The province total GET /timeliness answered, for a sanity check of what was measured. */
    record Figures(long received, long resolved, long late, long pending, long overdue, Double onTimeRate) {
    }
}
