package vn.province.govtrack.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.benchmarks.BenchmarkOptions.Backend;

/**
 * Event-store benchmark: append and full sequential replay throughput of our engine, of
 * axon-mongo 4.12.0 and of the raw driver writing the same documents, in one run, on the same
 * server. Every trial gets a fresh database; the contenders take turns within each repetition
 * (in rotating order) so that load from other processes spreads over all of them. Prints a table
 * and (re)writes {@code docs/benchmarks.md}'s section with its chart and results file.
 */
public final class EventStoreBenchmark {

    static final String COMMAND = "./benchmarks/run-event-store.sh";
    /**
     * Full-size warm-up trials per contender before the run's first measurement: the JIT needs
     * thousands of commits before both JVMs run at speed (measured: the first two trials of
     * 3,000 events were up to three times slower), and its compiler threads would otherwise
     * also inflate the CPU figures.
     */
    static final int FIRST_WARMUP_TRIALS = 2;

    private final BenchmarkOptions options;
    private final String command;
    private final Serializer serializer = serializer();
    private final List<Contender> contenders;
    private boolean warmedUp;

    /** {@code command}: how this run was started, as the report should quote it. */
    EventStoreBenchmark(BenchmarkOptions options, String command) {
        this.options = options;
        this.command = command;
        List<Contender> all = new ArrayList<>(List.of(RawDriverContender.baseline(), new OurEngineContender(),
                                                      new AxonMongoContender()));
        if (options.diagnostics()) {
            all.add(RawDriverContender.withOurAccessPattern());
            all.add(new JacksonAloneContender());
        }
        this.contenders = List.copyOf(all);
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args, System.getenv());
        } catch (BenchmarkOptions.HelpRequested e) {
            System.out.println(BenchmarkOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        String command = args.length == 0 ? COMMAND : COMMAND + " " + String.join(" ", args);
        Results results = new EventStoreBenchmark(options, command).run();
        System.out.println();
        System.out.print(Report.table(results));
        if (options.outputDir() != null) {
            for (Path written : Report.write(results, options.outputDir())) {
                System.out.println("wrote " + written);
            }
        }
    }

    /** The JSON serializer the services use: Jackson with ISO-8601 instants. */
    static Serializer serializer() {
        return JacksonSerializer.builder()
                                .objectMapper(JsonMapper.builder()
                                                        .addModule(new JavaTimeModule())
                                                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                        .build())
                                .build();
    }

    Results run() throws Exception {
        Instant startedAt = Instant.now();
        String loadAtStart = Machines.loadAverage();
        long started = System.nanoTime();
        List<Results.Scenario> scenarios = new ArrayList<>();
        Path workDir = Files.createTempDirectory("govtrack-benchmark-");
        try {
            for (Backend backend : options.backends()) {
                scenarios.addAll(runOn(backend, workDir));
            }
        } finally {
            deleteRecursively(workDir);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Results.Machine machine = Machines.describe(loadAtStart, Machines.loadAverage());
        String server = options.externalUri() != null
                ? "MONGODB_URI (" + redact(options.externalUri()) + ")"
                : "mongo-java-server 1.47.0 run by embedded-mongo's EmbeddedMongoServer in a child JVM ("
                  + EmbeddedServerProcess.JVM_OPTIONS + ") on 127.0.0.1";
        List<Workload.EventRecord> sample = new Workload(options.events(), 1, Duration.ofMillis(options.eventInterval()))
                .records(serializer).stream().flatMap(List::stream).toList();
        Results.Parameters parameters = new Results.Parameters(
                options.commitSizes(), options.repetitions(), options.batchSize(), options.eventInterval(), server,
                averageBytes(sample, Workload.EventRecord::payload), averageBytes(sample, Workload.EventRecord::metaData),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                                                  .filter(option -> !option.startsWith("-Dgovtrack.revision")).toList()),
                System.getProperty("govtrack.revision", "unknown"));
        return new Results(command, startedAt, seconds, machine, parameters, scenarios);
    }

    private List<Results.Scenario> runOn(Backend backend, Path workDir) throws Exception {
        EmbeddedServerProcess server = null;
        String uri = options.externalUri();
        if (backend != Backend.EXTERNAL) {
            progress("starting embedded MongoDB (" + backend.key + ")");
            server = EmbeddedServerProcess.start(backend == Backend.MEMORY, workDir);
            uri = server.uri();
        }
        LongSupplier serverCpu = server != null ? server::cpuNanos : () -> -1;
        CommandCounter commands = new CommandCounter();
        MongoClientSettings settings = MongoClientSettings.builder()
                                                          .applyConnectionString(new ConnectionString(uri))
                                                          .addCommandListener(commands)
                                                          .build();
        try (MongoClient client = MongoClients.create(settings)) {
            List<Results.Scenario> scenarios = new ArrayList<>();
            for (int commitSize : options.commitSizes()) {
                scenarios.add(runScenario(new Probes(client, commands, serverCpu), backend, commitSize));
            }
            return scenarios;
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** What a trial talks to and reads its counters from. */
    private record Probes(MongoClient client, CommandCounter commands, LongSupplier serverCpuNanos) {
    }

    private Results.Scenario runScenario(Probes probes, Backend backend, int commitSize) {
        Duration interval = Duration.ofMillis(options.eventInterval());
        Workload workload = new Workload(options.eventsOn(backend), commitSize, interval);
        int warmupEvents = options.warmupEventsOn(backend);
        if (warmupEvents > 0) {
            int trials = 1;
            Workload warmup = new Workload(warmupEvents, commitSize, interval);
            if (!warmedUp) {
                trials = FIRST_WARMUP_TRIALS;
                warmup = workload;
                warmedUp = true;
            }
            for (int i = 0; i < trials; i++) {
                for (Contender contender : contenders) {
                    progress(backend.key + ", " + commitSize + "/commit, warm-up: " + contender.label());
                    trial(probes, contender, warmup);
                }
            }
            warmupEvents = trials * warmup.events();
        }
        Map<String, List<Measurement>> measurements = new LinkedHashMap<>();
        for (int repetition = 0; repetition < options.repetitions(); repetition++) {
            for (int turn = 0; turn < contenders.size(); turn++) {
                Contender contender = contenders.get((turn + repetition) % contenders.size());
                Measurement m = trial(probes, contender, workload);
                progress(String.format("%s, %d/commit, repetition %d: %-26s append %,9.0f ev/s (%s per CPU-s)"
                                       + "   replay %,9.0f ev/s (%s per CPU-s)", backend.key, commitSize,
                                       repetition + 1, contender.label(), m.perSecond(m.appendNanos()),
                                       perCpuSecond(m, m.appendCpuNanos()), m.perSecond(m.replayNanos()),
                                       perCpuSecond(m, m.replayCpuNanos())));
                measurements.computeIfAbsent(contender.key(), k -> new ArrayList<>()).add(m);
            }
        }
        List<Measurement> baseline = measurements.get(Results.BASELINE);
        List<Results.Row> rows = contenders.stream().map(c -> {
            List<Measurement> ms = measurements.get(c.key());
            Measurement last = ms.get(ms.size() - 1);
            return new Results.Row(c.key(), c.label(), c.diagnostic(),
                    Results.Metric.of(ms, baseline, Measurement::appendNanos),
                    Results.Metric.of(ms, baseline, Measurement::appendCpuNanos),
                    Results.Metric.of(ms, baseline, Measurement::replayNanos),
                    Results.Metric.of(ms, baseline, Measurement::replayCpuNanos),
                    (double) last.appendCommands() / (workload.events() / commitSize),
                    last.replayCommands() * 1000.0 / workload.events());
        }).toList();
        return new Results.Scenario(backend.key, backend.description, commitSize, workload.events(), warmupEvents,
                                    rows);
    }

    /** One trial in a fresh database. */
    private Measurement trial(Probes probes, Contender contender, Workload workload) {
        MongoDatabase database = probes.client().getDatabase("bench_" + contender.key().replace('-', '_') + "_"
                                                             + UUID.randomUUID().toString().substring(0, 8));
        try {
            Contender.Trial trial = contender.prepare(database, workload, serializer, options.batchSize());
            System.gc();
            CommandCounter commands = probes.commands();
            commands.take();
            long[] start = clocksBefore(probes);
            trial.appendAll();
            long[] appended = clocksAfter(probes);
            long appendCommands = commands.take();
            long[] replayStart = clocksBefore(probes);
            long read = trial.replayAll();
            long[] replayed = clocksAfter(probes);
            long replayCommands = commands.take();
            if (read != workload.events()) {
                throw new IllegalStateException(contender.label() + " replayed " + read + " of "
                                                + workload.events() + " events");
            }
            return new Measurement(workload.events(), appended[0] - start[0], cpu(start, appended),
                                   replayed[0] - replayStart[0], cpu(replayStart, replayed), appendCommands,
                                   replayCommands);
        } finally {
            database.drop();
        }
    }

    /**
     * Wall time, this JVM's CPU time and the server's CPU time (-1: unknown), in nanoseconds.
     * Reading CPU times takes a few milliseconds, so the wall clock is read last at the start of
     * a timed phase and first at its end.
     */
    private static long[] clocksBefore(Probes probes) {
        long client = CpuTime.ofThisProcess();
        long server = probes.serverCpuNanos().getAsLong();
        return new long[] {System.nanoTime(), client, server};
    }

    private static long[] clocksAfter(Probes probes) {
        long wall = System.nanoTime();
        return new long[] {wall, CpuTime.ofThisProcess(), probes.serverCpuNanos().getAsLong()};
    }

    /** CPU time of client and server between two readings, or -1 when the server's is unknown. */
    private static long cpu(long[] from, long[] to) {
        return from[2] < 0 || to[2] < 0 ? -1 : (to[1] - from[1]) + (to[2] - from[2]);
    }

    private static String perCpuSecond(Measurement m, long cpuNanos) {
        return cpuNanos < 0 ? "n/a" : String.format("%,9.0f", m.perSecond(cpuNanos));
    }

    private static int averageBytes(List<Workload.EventRecord> records, Function<Workload.EventRecord, String> field) {
        return (int) Math.round(records.stream().mapToInt(r -> field.apply(r).getBytes(StandardCharsets.UTF_8).length)
                                       .average().orElse(0));
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }

    private static void progress(String message) {
        System.err.println("[benchmark] " + message);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
