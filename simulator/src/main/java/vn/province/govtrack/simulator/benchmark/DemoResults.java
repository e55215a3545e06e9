package vn.province.govtrack.simulator.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What one benchmark run measured, as written to {@code docs/benchmarks/demo.json}. */
record DemoResults(Instant startedAt, double durationSeconds, Machine machine, Parameters parameters, List<Run> runs) {

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
     * @param storage how the product stored its data (the embedded server's durable file, as {@code ./run})
     */
    record Parameters(long seed, int workers, int latencyRequests, String storage, String command) {
    }

    /**
     * One size of the demo province.
     *
     * @param label          the size relative to the demo's 30,000 dossiers, e.g. {@code "1×"}
     * @param measuredAt     when this size's measurement started
     * @param events         events in the store after seeding
     * @param liveLagSeconds how long after the last command the projections had processed it
     * @param rebuilds       each projection rebuilt from the first event, one after the other
     * @param latency        GET /timeliness over the whole period, all groupings together
     * @param latencyByGroup the same, per {@code groupBy}
     */
    record Run(String label, int dossiers, int days, String firstDay, String lastDay, Instant measuredAt,
               double startupSeconds, Seeding seeding, double liveLagSeconds, List<Rebuild> rebuilds, Latency latency,
               Map<String, Latency> latencyByGroup, long events, long storeBytes, Figures figures, long rejections,
               String loadAtStart, String loadAtEnd) {

        Run relabelled(String newLabel) {
            return new Run(newLabel, dossiers, days, firstDay, lastDay, measuredAt, startupSeconds, seeding,
                           liveLagSeconds, rebuilds, latency, latencyByGroup, events, storeBytes, figures, rejections,
                           loadAtStart, loadAtEnd);
        }
    }

    /**
     * @param commands              every command sent: units, holidays, procedures, dossiers
     * @param commandsPerSecond     all of them over the whole seeding
     * @param dossierCommandsPerSecond the dossier phase alone (concurrent workers)
     */
    record Seeding(long commands, double seconds, double commandsPerSecond, double dossierCommandsPerSecond,
                   double dossiersPerSecond, int workers) {
    }

    record Rebuild(String projection, long events, double seconds, double eventsPerSecond) {
    }

    record Latency(int requests, double medianMillis, double p90Millis, double p99Millis, double maxMillis) {
    }

    /** The province total GET /timeliness answered, for a sanity check of what was measured. */
    record Figures(long received, long resolved, long late, long pending, long overdue, Double onTimeRate) {
    }
}
