package vn.province.govtrack.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one run of {@link EventStoreBenchmark} measures. Every option has a default that keeps a
 * run under about three minutes on a busy two-core machine.
 *
 * @param events        events appended and replayed per measured trial on the memory backend
 *                      or {@code MONGODB_URI}
 * @param h2Events      the same on the durable H2 backend, whose every write is a file commit of
 *                      several milliseconds
 * @param commitSizes   events per {@code appendEvents} call; one scenario per size
 * @param repetitions   measured trials per contender and scenario (median, min and max are reported)
 * @param warmupEvents  events of the discarded trial per contender and scenario that precedes
 *                      them; null: a fifth of the scenario's events; 0: no warm-up at all (the
 *                      run's first scenario otherwise warms up with full-size trials)
 * @param backends      servers to measure on, each a scenario dimension
 * @param externalUri   a MongoDB to use instead of starting embedded servers ({@code MONGODB_URI})
 * @param batchSize     events per read batch of both Axon engines (our production default)
 * @param eventInterval milliseconds between the timestamps of consecutive events
 * @param diagnostics   also measure the attribution rows (the raw driver making our database
 *                      calls, Jackson alone)
 * @param outputDir     where {@code benchmarks.md} and {@code benchmarks/event-store.*} are written;
 *                      null writes nothing
 */
record BenchmarkOptions(int events, int h2Events, List<Integer> commitSizes, int repetitions, Integer warmupEvents,
                        List<Backend> backends, String externalUri, int batchSize, long eventInterval,
                        boolean diagnostics, Path outputDir) {

    static final String USAGE = """
            usage: benchmarks/run-event-store.sh [options]
              --events=N            events per measured trial on the memory backend or MONGODB_URI (default 20000)
              --h2-events=N         events per measured trial on the H2 file backend (default 4000)
              --commit-sizes=A,B    events per commit, one scenario each (default 1,5)
              --repetitions=N       measured trials per contender and scenario (default 3)
              --warmup-events=N     events of the discarded warm-up trial per scenario (default a fifth of the trial's
                                    events; the run's first scenario warms up with two full-size trials); 0: none
              --backends=memory,h2  embedded server backends, measured in this order (default memory,h2); ignored with MONGODB_URI
              --batch-size=N        read batch size of the Axon engines (default 100)
              --event-interval-ms=N milliseconds between consecutive event timestamps (default 10)
              --no-diagnostics      skip the attribution measurements
              --out=DIR             directory of benchmarks.md (default docs); --out= writes no files
              --help                print this text
            environment: MONGODB_URI=mongodb://... measures that server instead of starting embedded ones""";

    enum Backend {
        /** The durable H2 file backend in a temporary directory: what {@code ./run} uses. */
        H2("h2", "embedded, durable H2 file (as ./run)"),
        /** The memory backend: what the tests use. */
        MEMORY("memory", "embedded, memory (as the tests)"),
        /** Whatever {@code MONGODB_URI} points at. */
        EXTERNAL("external", "MONGODB_URI");

        final String key;
        final String description;

        Backend(String key, String description) {
            this.key = key;
            this.description = description;
        }

        static Backend of(String key) {
            return Arrays.stream(values()).filter(b -> b != EXTERNAL && b.key.equals(key)).findFirst()
                         .orElseThrow(() -> new IllegalArgumentException("unknown backend: " + key));
        }
    }

    BenchmarkOptions {
        if (events <= 0 || h2Events <= 0 || repetitions <= 0 || (warmupEvents != null && warmupEvents < 0)
            || batchSize <= 0 || eventInterval < 0 || commitSizes.isEmpty() || backends.isEmpty()) {
            throw new IllegalArgumentException("counts must be positive");
        }
        for (int size : commitSizes) {
            if (size <= 0 || events % size != 0 || h2Events % size != 0
                || (warmupEvents != null && warmupEvents % size != 0)) {
                throw new IllegalArgumentException(
                        "each commit size must divide --events, --h2-events and --warmup-events: " + size);
            }
        }
        commitSizes = List.copyOf(commitSizes);
        backends = List.copyOf(backends);
    }

    static BenchmarkOptions parse(String[] args, Map<String, String> environment) {
        int events = 20_000;
        int h2Events = 4_000;
        List<Integer> commitSizes = List.of(1, 5);
        int repetitions = 3;
        Integer warmupEvents = null;
        List<Backend> backends = List.of(Backend.MEMORY, Backend.H2);
        int batchSize = 100;
        long eventInterval = 10;
        boolean diagnostics = true;
        Path outputDir = Path.of("docs");
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                case "--events" -> events = Integer.parseInt(value);
                case "--h2-events" -> h2Events = Integer.parseInt(value);
                case "--commit-sizes" -> commitSizes = Arrays.stream(value.split(",")).map(String::trim)
                                                             .map(Integer::valueOf).toList();
                case "--repetitions" -> repetitions = Integer.parseInt(value);
                case "--warmup-events" -> warmupEvents = Integer.parseInt(value);
                case "--backends" -> backends = Arrays.stream(value.split(",")).map(String::trim)
                                                      .map(Backend::of).toList();
                case "--batch-size" -> batchSize = Integer.parseInt(value);
                case "--event-interval-ms" -> eventInterval = Long.parseLong(value);
                case "--no-diagnostics" -> diagnostics = false;
                case "--out" -> outputDir = value.isBlank() ? null : Path.of(value);
                case "--help", "-h" -> throw new HelpRequested();
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        String externalUri = environment.get("MONGODB_URI");
        if (externalUri != null && !externalUri.isBlank()) {
            backends = List.of(Backend.EXTERNAL);
        } else {
            externalUri = null;
        }
        return new BenchmarkOptions(events, h2Events, new ArrayList<>(commitSizes), repetitions, warmupEvents,
                                    backends, externalUri, batchSize, eventInterval, diagnostics, outputDir);
    }

    int eventsOn(Backend backend) {
        return backend == Backend.H2 ? h2Events : events;
    }

    int warmupEventsOn(Backend backend) {
        if (warmupEvents != null) {
            return warmupEvents;
        }
        int step = commitSizes.stream().reduce(1, BenchmarkOptions::lcm);
        int fifth = eventsOn(backend) / 5;
        return fifth - fifth % step;
    }

    private static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }

    /** {@code --help} was given: print the usage and stop. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
