package vn.province.govtrack.simulator.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import vn.province.govtrack.simulator.Simulation;
import vn.province.govtrack.simulator.Simulator;
import vn.province.govtrack.simulator.SimulatorOptions;
import vn.province.govtrack.simulator.dossier.OfficeHours;
import vn.province.govtrack.simulator.dossier.Scenario;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;
import vn.province.govtrack.simulator.province.Province;
import vn.province.govtrack.simulator.province.ProvinceCatalogue;
import vn.province.govtrack.simulator.report.Projections;

/**
 * The soak (issue 14): whether the product runs for a long time at a steady load without anything
 * growing that should not. It starts the product as {@code ./run} does ({@link Product}, each JVM with
 * {@link DemoBenchmark#JAVA_OPTIONS} and a GC log), seeds the province's reference data, measures the
 * capacity with a closed-loop burst of the dossiers' commands ({@link SoakLoad#capacity}), then runs an
 * open loop at half of it (or {@code --rate}) with queries alongside, for {@code --minutes}. Every
 * interval it samples each JVM ({@link ProcessProbe}), the data directory, the projections and the
 * answers' times; at the start and at each quarter it has every JVM collect its garbage fully, so that
 * the heap after a full collection is comparable across the run. The verdicts ({@link Flatness}) compare
 * the last quarter with the second. Writes {@code soak.json}, {@code soak.csv} and {@code soak.svg}.
 * A benchmark, not a test: it reports, it does not fail on a verdict.
 */
public final class Soak {

    static final String COMMAND = "benchmarks/run-soak.sh";

    static final String USAGE = """
            usage: %s [options]   (or: java -jar simulator.jar soak [options])

            Starts the product (embedded MongoDB with its durable file, command side, query side) on ports
            27157/18201/18202 with a fresh data directory, seeds the reference data, measures the capacity
            (commands/s of the dossiers' commands sent back to back), then sends dossiers at half of it, and
            queries alongside, for the given minutes, sampling every process; writes soak.json, soak.csv and
            soak.svg with a flatness verdict per figure.
              --minutes M            length of the steady load (default 20)
              --rate R               commands/s of the steady load (default: half the measured capacity)
              --queries-per-command Q  queries sent per command (default 0.5)
              --capacity-seconds S   length of the capacity burst (default 90), of which
              --warm-up-seconds W    the first W are not counted (default 30)
              --workers N            clients of the capacity burst (default 16, as the demo)
              --interval S           seconds between samples (default 30)
              --repository DIR       the checkout whose */target jars are started (default .)
              --work-dir DIR         where data, logs and GC logs go (default target/soak)
              --out DIR              where the results go (default docs/benchmarks)
              --redraw               measure nothing: judge the samples of the soak.json in --out again and
                                     rewrite it, soak.csv and soak.svg
              --help                 print this text""".formatted(COMMAND);

    private static final Product.Ports PORTS = new Product.Ports(27157, 18201, 18202);
    /**
     * The scenario the dossiers come from, in order: the demo's density (1,875 dossiers a working day)
     * over far more days than a soak sends, so that every dossier's history is complete (none is cut
     * short by the period's end) and each quarter of the soak sends the same mix of commands.
     */
    private static final Scenario SCENARIO = new Scenario(Scenario.DEFAULT_SEED, 600_000, Scenario.DEFAULT_FIRST_DAY,
                                                          320);
    private static final long CATCH_UP_TIMEOUT_MILLIS = 10 * 60 * 1000L;

    record Options(double minutes, Double rate, double queriesPerCommand, int capacitySeconds, int warmUpSeconds,
                   int workers, int intervalSeconds, Path repository, Path workDir, Path out, boolean redraw) {
    }

    private Soak() {
    }

    public static int run(String[] args, PrintStream out) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("soak: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        try {
            SoakResults results = options.redraw() ? rejudged(read(options.out())) : measure(options, out);
            out.println();
            results.verdicts().forEach(verdict -> out.println(verdict.line()));
            out.println(results.flat() ? "every figure flat" : "NOT every figure flat: see above");
            for (Path written : write(results, options.out())) {
                out.println("wrote " + written);
            }
            return 0;
        } catch (RuntimeException e) {
            System.err.println("soak failed: " + e);
            return 1;
        }
    }

    /** @return null when help was asked for */
    static Options parse(String[] args) {
        double minutes = 20;
        Double rate = null;
        double queriesPerCommand = 0.5;
        int capacitySeconds = 90;
        int warmUpSeconds = 30;
        int workers = 16;
        int interval = 30;
        Path repository = Path.of(".");
        Path workDir = Path.of("target/soak");
        Path out = Path.of("docs/benchmarks");
        boolean redraw = false;
        Deque<String> queue = SimulatorOptions.queue(args);
        while (!queue.isEmpty()) {
            String option = queue.poll();
            switch (option) {
                case "--minutes" -> minutes = positive(value(queue, option), option);
                case "--rate" -> rate = positive(value(queue, option), option);
                case "--queries-per-command" -> queriesPerCommand = number(value(queue, option), option);
                case "--capacity-seconds" -> capacitySeconds = (int) positive(value(queue, option), option);
                case "--warm-up-seconds" -> warmUpSeconds = (int) number(value(queue, option), option);
                case "--workers" -> workers = (int) positive(value(queue, option), option);
                case "--interval" -> interval = (int) positive(value(queue, option), option);
                case "--repository" -> repository = Path.of(value(queue, option));
                case "--work-dir" -> workDir = Path.of(value(queue, option));
                case "--out" -> out = Path.of(value(queue, option));
                case "--redraw" -> redraw = true;
                case "-h", "--help" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (warmUpSeconds >= capacitySeconds) {
            throw new IllegalArgumentException("--warm-up-seconds must be shorter than --capacity-seconds");
        }
        if (queriesPerCommand < 0) {
            throw new IllegalArgumentException("--queries-per-command must not be negative");
        }
        if (minutes * 60 < 4 * interval) {
            throw new IllegalArgumentException("--minutes must hold at least four intervals (one per quarter)");
        }
        return new Options(minutes, rate, queriesPerCommand, capacitySeconds, warmUpSeconds, workers, interval,
                           repository, workDir, out, redraw);
    }

    static SoakResults measure(Options options, PrintStream out) {
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        String loadAtStart = DemoResults.Machine.loadAverage();
        Path dataDir = options.workDir().resolve("data");
        Path gcLogs = options.workDir().resolve("gc");
        recreate(gcLogs);
        List<String> javaOptions = new ArrayList<>(DemoBenchmark.JAVA_OPTIONS);
        javaOptions.add(ProcessProbe.gcLogOption(gcLogs));
        Province province = ProvinceCatalogue.province();
        OfficeHours hours = Simulator.officeHours(SCENARIO);
        try (Product product = Product.start(options.repository(), dataDir, PORTS, javaOptions)) {
            out.printf("product up in %.1f s (data and logs in %s)%n", seconds(startNanos), dataDir);
            Simulator.seed(province, SCENARIO, hours, product.commands(), product.tokens(), options.workers(),
                           Simulation.referenceSeeders(), out);
            Projections projections = new Projections(product.queries());
            try (SoakLoad load = new SoakLoad(product, province, SCENARIO, hours, out)) {
                out.printf("%nmeasuring capacity: %d clients sending dossiers back to back for %d s (the first %d "
                           + "not counted)%n", options.workers(), options.capacitySeconds(), options.warmUpSeconds());
                SoakResults.Capacity capacity = load.capacity(options.workers(), options.capacitySeconds(),
                                                              options.warmUpSeconds());
                if (capacity.commandsPerSecond() <= 0) {
                    throw new IllegalStateException("no command was answered while measuring the capacity");
                }
                out.printf("capacity %.1f commands/s (p50 %.0f ms, p99 %.0f ms), %.2f commands per dossier%n",
                           capacity.commandsPerSecond(), capacity.millis().p50(), capacity.millis().p99(),
                           capacity.commandsPerDossier());
                awaitCaughtUp(projections, projections.headPosition());
                double rate = options.rate() != null ? options.rate() : capacity.commandsPerSecond() / 2;
                double queryRate = rate * options.queriesPerCommand();
                var parameters = new SoakResults.Parameters(
                        options.minutes(), options.intervalSeconds(), rate, options.rate() != null,
                        options.queriesPerCommand(), queryRate, options.capacitySeconds(), options.warmUpSeconds(),
                        options.workers(), javaOptions,
                        String.format(Locale.ROOT, "the dossiers of seed %d from %s in order (%,d a working day), "
                                                   + "each history in full", SCENARIO.seed(), SCENARIO.firstDay(),
                                      SCENARIO.dossiers() / SCENARIO.days()),
                        SoakLoad.QUERY_MIX, COMMAND + commandLine(options));
                return steady(options, product, load, projections, dataDir, gcLogs, parameters, capacity, startedAt,
                              startNanos, loadAtStart, out);
            }
        }
    }

    private static SoakResults steady(Options options, Product product, SoakLoad load, Projections projections,
                                      Path dataDir, Path gcLogs, SoakResults.Parameters parameters,
                                      SoakResults.Capacity capacity, Instant startedAt, long startNanos,
                                      String loadAtStart, PrintStream out) {
        Map<String, Process> processes = product.processes();
        Http commandAdmin = new Http(product.commands().baseUrl(), () -> product.tokens().of(Official.ADMIN));
        Http queryAdmin = new Http(product.queries().baseUrl(), () -> product.tokens().of(Official.ADMIN));
        ProcessProbe probe = new ProcessProbe(List.of(
                new ProcessProbe.Watched(Product.MONGO, processes.get(Product.MONGO), PORTS.mongo(), null),
                new ProcessProbe.Watched(Product.COMMAND_SIDE, processes.get(Product.COMMAND_SIDE), PORTS.command(),
                                         commandAdmin),
                new ProcessProbe.Watched(Product.QUERY_SIDE, processes.get(Product.QUERY_SIDE), PORTS.query(),
                                         queryAdmin)), gcLogs);
        double totalSeconds = options.minutes() * 60;
        long interval = options.intervalSeconds() * 1_000_000_000L;
        long dossiersBefore = load.dossiersStarted();
        out.printf("%nsteady load for %.1f min: %.1f commands/s (%s), %.1f queries/s; a sample every %d s%n",
                   options.minutes(), parameters.commandsPerSecond(),
                   parameters.rateGiven() ? "as given" : "half the capacity", parameters.queriesPerSecond(),
                   options.intervalSeconds());
        probe.collectGarbage();
        Sampler sampler = new Sampler(probe, projections, dataDir);
        List<SoakResults.Sample> samples = new ArrayList<>();
        samples.add(sampler.sample(0, true, new SoakLoad.Drained(
                new SoakLoad.Latencies.Interval(List.of(), 0), new SoakLoad.Latencies.Interval(List.of(), 0), 0, 0), 0));
        LagSampler lag = LagSampler.start(projections);
        long steadyStart = System.nanoTime();
        load.startSteady(parameters.commandsPerSecond(), capacity.commandsPerDossier(), parameters.queriesPerSecond());
        int quarter = 0;
        List<Double> allCommandMillis = new ArrayList<>();
        long commands = 0;
        long rejected = 0;
        long queries = 0;
        long failedQueries = 0;
        for (int k = 1; ; k++) {
            sleepUntil(steadyStart + k * interval);
            // when the sample was due: it is taken within milliseconds of that, and the quarters' bounds
            // are multiples of the interval, which a measured time a little past them would miss
            double seconds = k * (double) options.intervalSeconds();
            boolean last = seconds >= totalSeconds - options.intervalSeconds() / 2.0;
            int reached = (int) Math.floor((seconds + options.intervalSeconds() / 2.0) / (totalSeconds / 4));
            boolean fullGc = reached > quarter || last;
            quarter = Math.max(quarter, reached);
            if (last) {
                load.close();
            }
            SoakLoad.Drained drained = load.drain();
            if (fullGc) {
                probe.collectGarbage();
            }
            SoakResults.Sample sample = sampler.sample(last ? totalSeconds : seconds, fullGc, drained,
                                                       options.intervalSeconds());
            samples.add(sample);
            allCommandMillis.addAll(drained.commands().millis());
            commands += drained.commands().millis().size();
            rejected += drained.commands().failed();
            queries += drained.queries().millis().size();
            failedQueries += drained.queries().failed();
            out.println(progress(sample));
            if (last) {
                break;
            }
        }
        long stopped = System.nanoTime();
        long head = projections.headPosition();
        awaitCaughtUp(projections, head);
        double caughtUp = (System.nanoTime() - stopped) / 1e9;
        DemoResults.Lag lagSeconds = lag.stop();
        SoakResults.Sample first = samples.get(0);
        SoakResults.Sample end = samples.get(samples.size() - 1);
        long events = end.head() - first.head();
        double growth = end.dataDirectoryBytes() - first.dataDirectoryBytes();
        double[] load1 = samples.stream().mapToDouble(SoakResults.Sample::loadAverage1).filter(v -> !Double.isNaN(v))
                .sorted().toArray();
        var steady = new SoakResults.Steady(commands, rejected, queries, failedQueries,
                                            load.dossiersStarted() - dossiersBefore, events, growth,
                                            events == 0 ? Double.NaN : growth / events,
                                            Percentiles.spread(allCommandMillis), load.queryMillisByKind(),
                                            lagSeconds, caughtUp, load1.length == 0 ? new double[] {Double.NaN,
                                                    Double.NaN, Double.NaN}
                                                    : new double[] {load1[0], Percentiles.of(load1, 0.5),
                                                            load1[load1.length - 1]});
        List<Flatness.Verdict> verdicts = verdicts(samples, totalSeconds, parameters.commandsPerSecond());
        return new SoakResults(SoakResults.FORMAT, startedAt, seconds(startNanos),
                               DemoResults.Machine.describe(loadAtStart, DemoResults.Machine.loadAverage()),
                               parameters, capacity, steady, samples, verdicts,
                               verdicts.stream().allMatch(Flatness.Verdict::flat));
    }

    /**
     * The figures judged, with their tolerances. Heaps only after a full collection (after a young one,
     * the serial collector's old generation still holds whatever garbage was promoted, which saws up
     * and down without a leak): within 10% or 16 MiB. Threads within 10% or 4; open files within 10%
     * or 16; connections within 10% or 2. Growth of the data directory per event within 50% or 64
     * bytes (the store file grows in chunks). Latency p99 (the median of the intervals') within 50% or
     * 5 ms, as the demo benchmark's latencies; the projections' backlog within 50% or two seconds of
     * events; the open loop's backlog of dossiers within 50% or 10.
     */
    static List<Flatness.Verdict> verdicts(List<SoakResults.Sample> samples, double totalSeconds,
                                           double commandsPerSecond) {
        List<Flatness.Verdict> verdicts = new ArrayList<>();
        List<String> jvms = List.copyOf(samples.get(0).processes().keySet());
        List<SoakResults.Sample> collected = samples.stream().filter(SoakResults.Sample::fullGc).toList();
        for (String jvm : jvms) {
            verdicts.add(Flatness.of(jvm + ": heap after full GC", "MiB",
                                     perProcess(collected, jvm, SoakResults.ProcessSample::heapAfterFullGcMib),
                                     totalSeconds, 0.10, 16));
        }
        for (String jvm : jvms) {
            verdicts.add(Flatness.of(jvm + ": threads", "threads",
                                     perProcess(samples, jvm, SoakResults.ProcessSample::threads), totalSeconds, 0.10, 4));
        }
        for (String jvm : jvms) {
            verdicts.add(Flatness.of(jvm + ": open files", "files",
                                     perProcess(samples, jvm, SoakResults.ProcessSample::openFiles), totalSeconds,
                                     0.10, 16));
        }
        for (String jvm : jvms) {
            verdicts.add(Flatness.of(jvm + ": TCP connections to it", "connections",
                                     perProcess(samples, jvm, SoakResults.ProcessSample::serverConnections),
                                     totalSeconds, 0.10, 2));
            List<Flatness.Point> pool = perProcess(samples, jvm, SoakResults.ProcessSample::poolSize);
            if (pool.stream().anyMatch(p -> !Double.isNaN(p.value()))) {
                verdicts.add(Flatness.of(jvm + ": MongoDB pool size", "connections", pool, totalSeconds, 0.10, 2));
            }
        }
        verdicts.add(Flatness.ofGrowth("data directory growth per event", "bytes/event",
                                       SoakChart.series(samples, s -> s.dataDirectoryBytes()),
                                       SoakChart.series(samples, s -> s.head()), totalSeconds, 0.5, 64));
        List<SoakResults.Sample> intervals = samples.subList(1, samples.size());
        verdicts.add(Flatness.of("command latency p99", "ms", SoakChart.series(intervals,
                                                                                SoakResults.Sample::commandP99),
                                 totalSeconds, 0.5, 5));
        verdicts.add(Flatness.of("query latency p99", "ms", SoakChart.series(intervals, SoakResults.Sample::queryP99),
                                 totalSeconds, 0.5, 5));
        verdicts.add(Flatness.of("events behind (slowest projection)", "events",
                                 SoakChart.series(samples, s -> s.eventsBehind()), totalSeconds, 0.5,
                                 2 * commandsPerSecond));
        verdicts.add(Flatness.of("dossiers waiting to start", "dossiers",
                                 SoakChart.series(samples, s -> s.dossiersWaiting()), totalSeconds, 0.5, 10));
        return verdicts;
    }

    private static List<Flatness.Point> perProcess(List<SoakResults.Sample> samples, String jvm,
                                                   ToDoubleFunction<SoakResults.ProcessSample> value) {
        return samples.stream().map(s -> new Flatness.Point(s.seconds(), s.processes().get(jvm) == null ? Double.NaN
                : value.applyAsDouble(s.processes().get(jvm)))).toList();
    }

    /** Takes the samples; remembers the previous one, for the data directory's growth per event. */
    private static final class Sampler {

        private final ProcessProbe probe;
        private final Projections projections;
        private final Path dataDir;
        private long lastHead = -1;
        private long lastBytes = -1;

        Sampler(ProcessProbe probe, Projections projections, Path dataDir) {
            this.probe = probe;
            this.projections = projections;
            this.dataDir = dataDir;
        }

        SoakResults.Sample sample(double seconds, boolean fullGc, SoakLoad.Drained drained, int intervalSeconds) {
            long head = -1;
            long slowest = -1;
            try {
                List<Projections.Status> statuses = projections.all();
                head = statuses.stream().mapToLong(Projections.Status::headPosition).max().orElse(0);
                slowest = statuses.stream().mapToLong(Projections.Status::position).min().orElse(0);
            } catch (RuntimeException e) {
                // the figures of this sample stay unknown
            }
            long bytes = Product.storeBytes(dataDir);
            double perEvent = lastHead >= 0 && head > lastHead && bytes >= 0 && lastBytes >= 0
                    ? (bytes - lastBytes) / (double) (head - lastHead) : Double.NaN;
            if (head >= 0) {
                lastHead = head;
                lastBytes = bytes;
            }
            DemoResults.Spread commands = Percentiles.spread(drained.commands().millis());
            DemoResults.Spread queries = Percentiles.spread(drained.queries().millis());
            boolean interval = intervalSeconds > 0;
            return new SoakResults.Sample(
                    seconds, load1(), fullGc,
                    interval ? drained.commands().millis().size() / (double) intervalSeconds : Double.NaN,
                    drained.commands().failed(), interval ? commands.p50() : Double.NaN,
                    interval ? commands.p99() : Double.NaN,
                    interval ? drained.queries().millis().size() / (double) intervalSeconds : Double.NaN,
                    drained.queries().failed(), interval ? queries.p50() : Double.NaN,
                    interval ? queries.p99() : Double.NaN, drained.dossiersWaiting(), drained.dossiersInFlight(), head,
                    head < 0 ? -1 : head - slowest, bytes, perEvent, probe.sample());
        }
    }

    private static String progress(SoakResults.Sample s) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%5.0f s  load %4.1f  cmd %5.1f/s p50 %5.1f p99 %6.1f ms  qry %5.1f/s p99 %6.1f ms  waiting %d, "
                + "in flight %d  behind %d  data %,.1f MiB (%s B/event)%s", s.seconds(), s.loadAverage1(), s.commandsPerSecond(),
                s.commandP50(), s.commandP99(), s.queriesPerSecond(), s.queryP99(), s.dossiersWaiting(),
                s.dossiersInFlight(), s.eventsBehind(), s.dataDirectoryBytes() / 1048576.0, Flatness.format(s.bytesPerEvent()),
                s.fullGc() ? "  [full GC]" : ""));
        s.processes().forEach((name, p) -> line.append(String.format(Locale.ROOT,
                "%n         %-16s heap after GC %6.1f MiB, after full GC %6.1f MiB; %3.0f threads, %3.0f files, "
                + "%3.0f connections to it, pool %s", name, p.heapAfterGcMib(), p.heapAfterFullGcMib(), p.threads(),
                p.openFiles(), p.serverConnections(), Flatness.format(p.poolSize()))));
        return line.toString();
    }

    /**
     * {@code results} judged again from their samples, each at the time it was due (a multiple of the
     * interval): results written before sample times were recorded so took them as measured, a little
     * late, and a sample just past a quarter's end fell out of that quarter.
     */
    static SoakResults rejudged(SoakResults results) {
        int interval = results.parameters().intervalSeconds();
        List<SoakResults.Sample> samples = results.samples().stream()
                .map(s -> new SoakResults.Sample(Math.round(s.seconds() / interval) * (double) interval,
                                                 s.loadAverage1(), s.fullGc(), s.commandsPerSecond(),
                                                 s.rejectedCommands(), s.commandP50(), s.commandP99(),
                                                 s.queriesPerSecond(), s.failedQueries(), s.queryP50(), s.queryP99(),
                                                 s.dossiersWaiting(), s.dossiersInFlight(), s.head(), s.eventsBehind(),
                                                 s.dataDirectoryBytes(), s.bytesPerEvent(), s.processes()))
                .toList();
        List<Flatness.Verdict> verdicts = verdicts(samples, results.parameters().minutes() * 60,
                                                   results.parameters().commandsPerSecond());
        return new SoakResults(results.format(), results.startedAt(), results.durationSeconds(), results.machine(),
                               results.parameters(), results.capacity(), results.steady(), samples, verdicts,
                               verdicts.stream().allMatch(Flatness.Verdict::flat));
    }

    /** The results a run wrote to {@code dir}, for {@code --redraw}. */
    static SoakResults read(Path dir) {
        try {
            return DemoReport.JSON.readValue(dir.resolve("soak.json").toFile(), SoakResults.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> write(SoakResults results, Path dir) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("soak.json");
            Files.writeString(json, DemoReport.JSON.writeValueAsString(results) + "\n", StandardCharsets.UTF_8);
            Path csv = dir.resolve("soak.csv");
            Files.writeString(csv, results.csv(), StandardCharsets.UTF_8);
            Path svg = dir.resolve("soak.svg");
            Files.writeString(svg, SoakChart.svg(results), StandardCharsets.UTF_8);
            return List.of(json, csv, svg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitCaughtUp(Projections projections, long position) {
        try {
            if (!projections.awaitPosition(position, CATCH_UP_TIMEOUT_MILLIS, reached -> {
            })) {
                throw new IllegalStateException("projections did not reach position " + position + " within "
                                                + CATCH_UP_TIMEOUT_MILLIS / 60_000 + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static double load1() {
        String load = DemoResults.Machine.loadAverage();
        try {
            return Double.parseDouble(load.split(" ")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String commandLine(Options o) {
        return String.format(Locale.ROOT, " --minutes %s%s --queries-per-command %s --capacity-seconds %d "
                                          + "--warm-up-seconds %d --workers %d --interval %d",
                             Flatness.format(o.minutes()), o.rate() == null ? "" : " --rate " + o.rate(),
                             o.queriesPerCommand(), o.capacitySeconds(), o.warmUpSeconds(), o.workers(),
                             o.intervalSeconds());
    }

    private static void recreate(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepUntil(long nanos) {
        try {
            long left = nanos - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String value(Deque<String> queue, String option) {
        if (queue.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return queue.poll();
    }

    private static double number(String value, String option) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a number: " + value);
        }
    }

    private static double positive(String value, String option) {
        double number = number(value, option);
        if (number <= 0) {
            throw new IllegalArgumentException(option + " must be positive: " + value);
        }
        return number;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
