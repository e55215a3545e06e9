package vn.province.govtrack.simulator.benchmark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.simulator.Simulator;
import vn.province.govtrack.simulator.dossier.OfficeHours;
import vn.province.govtrack.simulator.dossier.Scenario;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.DevTokens;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;
import vn.province.govtrack.simulator.province.Province;
import vn.province.govtrack.simulator.province.ProvinceCatalogue;
import vn.province.govtrack.simulator.report.Projections;

/**
 * Measures the demo province on the product itself, at one or more sizes: for each, it starts the
 * product on an empty store, seeds it through the command API (commands/s), waits for the live
 * projections, rebuilds every projection from the first event (events/s), and times
 * {@code GET /timeliness} (median, p99). Writes {@code docs/benchmarks/demo.json}, the chart
 * {@code docs/benchmarks/demo.svg} and its section of {@code docs/benchmarks.md}.
 */
public final class DemoBenchmark {

    static final String COMMAND = "benchmarks/run-demo-benchmark.sh";

    static final String USAGE = """
            usage: %s [options]   (or: java -jar simulator.jar benchmark [options])

            Starts the product from its jars (embedded MongoDB with its durable file store, command side,
            query side) on ports 27137/18181/18182 and a fresh data directory for each size, seeds the demo
            province, and measures seeding, projection catch-up and GET /timeliness latency.
              --sizes N[,N...]    dossiers per run (default 30000,300000: the demo and 10 times it)
              --days D            the period every size's dossiers are spread over (default 16: a larger
                                  size is a busier province, not a longer history)
              --seed N            random seed (default 42)
              --workers N         commands sent concurrently (default 16, as the demo)
              --latency-requests N  timed GET /timeliness requests per size (default 200)
              --repository DIR    the checkout whose */target jars are started (default .)
              --work-dir DIR      where the product's data and logs go (default target/demo-benchmark)
              --docs DIR          where results are written (default docs); --no-docs writes nothing
              --keep-runs         keep the sizes of the existing docs/benchmarks/demo.json that this run does
                                  not measure (each run keeps its own time and load averages)
              --help              print this text""".formatted(COMMAND);

    private static final Product.Ports PORTS = new Product.Ports(27137, 18181, 18182);
    private static final String[] GROUPINGS = {"unit", "field", "procedure"};

    private DemoBenchmark() {
    }

    record Options(List<Integer> sizes, int days, long seed, int workers, int latencyRequests, Path repository,
                   Path workDir, Path docs, boolean keepRuns) {
    }

    public static int run(String[] args, PrintStream out) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        try {
            DemoResults results = measure(options, out);
            if (options.keepRuns() && options.docs() != null) {
                results = DemoReport.withEarlierRuns(results, options.docs());
            }
            out.println();
            out.print(DemoReport.table(results));
            if (options.docs() != null) {
                for (Path written : DemoReport.write(results, options.docs())) {
                    out.println("wrote " + written);
                }
            }
            return 0;
        } catch (RuntimeException e) {
            System.err.println("benchmark failed: " + e);
            return 1;
        }
    }

    static DemoResults measure(Options options, PrintStream out) {
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        String loadAtStart = DemoResults.Machine.loadAverage();
        Province province = ProvinceCatalogue.province();
        List<DemoResults.Run> runs = new ArrayList<>();
        for (int size : options.sizes()) {
            int days = options.days();
            Scenario scenario = new Scenario(options.seed(), size, Scenario.DEFAULT_FIRST_DAY, days);
            if (!scenario.lastDay().isBefore(LocalDate.now(OfficeHours.ZONE))) {
                throw new IllegalArgumentException(size + " dossiers over " + days + " days would end after today");
            }
            String label = label(size);
            out.printf("%n=== %s: %,d dossiers over %d days (%s to %s) ===%n", label, size, days, scenario.firstDay(),
                       scenario.lastDay());
            runs.add(measureOne(options, scenario, label, province, out));
        }
        return new DemoResults(startedAt, (System.nanoTime() - startNanos) / 1e9,
                               DemoResults.Machine.describe(loadAtStart, DemoResults.Machine.loadAverage()),
                               new DemoResults.Parameters(options.seed(), options.workers(), options.latencyRequests(),
                                                          "embedded MongoDB-wire server, durable H2 file (as ./run)",
                                                          COMMAND + " --sizes " + join(options.sizes())),
                               runs);
    }

    private static DemoResults.Run measureOne(Options options, Scenario scenario, String label, Province province,
                                              PrintStream out) {
        Instant measuredAt = Instant.now();
        String loadAtStart = DemoResults.Machine.loadAverage();
        Path dataDir = options.workDir().resolve("data-" + scenario.dossiers());
        long startNanos = System.nanoTime();
        try (Product product = Product.start(options.repository(), dataDir, PORTS, List.of("-Xmx2g"))) {
            double startup = seconds(startNanos);
            out.printf("product up in %.1f s (data and logs in %s)%n", startup, dataDir);

            long seedStart = System.nanoTime();
            Simulator.Result seeded = Simulator.seed(province, scenario, Simulator.officeHours(scenario),
                                                     product.commands(), product.tokens(), options.workers(), out);
            double seedSeconds = seconds(seedStart);
            long position = seeded.tally().maxPosition();

            Projections projections = new Projections(product.queries());
            long lagStart = System.nanoTime();
            awaitQuietly(projections, position);
            double lag = seconds(lagStart);
            out.printf("projections caught up with position %,d %.1f s after the last command%n", position, lag);

            List<DemoResults.Rebuild> rebuilds = new ArrayList<>();
            for (Projections.Status status : projections.all()) {
                rebuilds.add(rebuild(product.queries(), product.tokens(), projections, status.name(), out));
            }

            Map<String, List<Double>> samples = latencies(product.queries(), scenario, options.latencyRequests());
            List<Double> all = new ArrayList<>();
            Map<String, DemoResults.Latency> byGroup = new LinkedHashMap<>();
            samples.forEach((group, millis) -> {
                all.addAll(millis);
                byGroup.put(group, latency(millis));
            });
            DemoResults.Latency latency = latency(all);
            out.printf("GET /timeliness: median %.1f ms, p99 %.1f ms over %d requests%n", latency.medianMillis(),
                       latency.p99Millis(), latency.requests());

            DemoResults.Figures figures = figures(product.queries(), scenario);
            var dossierPhase = seeded.phases().stream().filter(p -> p.name().equals("dossiers")).findFirst()
                    .orElseThrow();
            return new DemoResults.Run(
                    label, scenario.dossiers(), scenario.days(), scenario.firstDay().toString(),
                    scenario.lastDay().toString(), measuredAt, startup,
                    new DemoResults.Seeding(seeded.tally().commands(), seedSeconds,
                                            seeded.tally().commands() / seedSeconds,
                                            dossierPhase.commandsPerSecond(),
                                            scenario.dossiers() / dossierPhase.seconds(), options.workers()),
                    lag, rebuilds, latency, byGroup, projections.headPosition(), Product.sizeOf(dataDir), figures,
                    seeded.tally().rejections(), loadAtStart, DemoResults.Machine.loadAverage());
        }
    }

    /** Rebuilds one projection from the first event and times it until it has caught up with the head again. */
    private static DemoResults.Rebuild rebuild(Http queries, DevTokens tokens, Projections projections, String name,
                                               PrintStream out) {
        long head = projections.headPosition();
        long startNanos = System.nanoTime();
        // rebuilds are the ADMIN's; the query client reads as the AUDITOR
        Answer answer = queries.post("/api/v1/admin/projections/" + name + "/rebuild", null,
                                     Map.of("Authorization", "Bearer " + tokens.of(Official.ADMIN)));
        if (answer.status() != 202) {
            throw new IllegalStateException("rebuild of " + name + " answered " + answer.status() + ": " + answer.problem());
        }
        long lastPrint = 0;
        while (true) {
            Projections.Status status = projections.all().stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("projection " + name + " disappeared"));
            if (!status.replaying() && status.position() >= head && status.state().equals("CAUGHT_UP")) {
                break;
            }
            if (status.state().equals("ERROR") || status.state().equals("STOPPED")) {
                throw new IllegalStateException("projection " + name + " is " + status.state() + " during its rebuild");
            }
            if (System.nanoTime() - lastPrint > 5e9) {
                out.printf("rebuilding %-12s position %,d of %,d (%d%%)%n", name, status.position(), head,
                           status.progress());
                lastPrint = System.nanoTime();
            }
            sleep(100);
        }
        double seconds = seconds(startNanos);
        out.printf("rebuilt %-12s %,d events in %.1f s: %,.0f events/s%n", name, head, seconds, head / seconds);
        return new DemoResults.Rebuild(name, head, seconds, head / seconds);
    }

    /** Sequential requests, round-robin over the groupings, after a warm-up that is not counted. */
    private static Map<String, List<Double>> latencies(Http queries, Scenario scenario, int requests) {
        String period = "&from=" + scenario.firstDay() + "&to=" + scenario.lastDay();
        for (int i = 0; i < 15; i++) {
            timedGet(queries, "/api/v1/timeliness?groupBy=" + GROUPINGS[i % GROUPINGS.length] + period);
        }
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (int i = 0; i < requests; i++) {
            String group = GROUPINGS[i % GROUPINGS.length];
            samples.computeIfAbsent(group, g -> new ArrayList<>())
                   .add(timedGet(queries, "/api/v1/timeliness?groupBy=" + group + period));
        }
        return samples;
    }

    private static double timedGet(Http queries, String path) {
        long start = System.nanoTime();
        Answer answer = queries.get(path);
        double millis = (System.nanoTime() - start) / 1e6;
        if (!answer.ok()) {
            throw new IllegalStateException("GET " + path + " answered " + answer.status() + ": " + answer.problem());
        }
        return millis;
    }

    static DemoResults.Latency latency(List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new DemoResults.Latency(sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.9),
                                       percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static DemoResults.Figures figures(Http queries, Scenario scenario) {
        Answer answer = queries.get("/api/v1/timeliness?groupBy=unit&from=" + scenario.firstDay() + "&to="
                                    + scenario.lastDay());
        JsonNode total = answer.body().path("total");
        return new DemoResults.Figures(total.path("received").asLong(), total.path("resolved").asLong(),
                                       total.path("late").asLong(), total.path("pending").asLong(),
                                       total.path("overdue").asLong(),
                                       total.path("onTimeRate").isNumber() ? total.path("onTimeRate").asDouble() : null);
    }

    private static void awaitQuietly(Projections projections, long position) {
        try {
            if (!projections.awaitPosition(position, 60 * 60 * 1000L, reached -> { })) {
                throw new IllegalStateException("projections did not reach position " + position + " within an hour");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Options parse(String... args) {
        List<Integer> sizes = List.of(30_000, 300_000);
        int days = Scenario.DEFAULT_DAYS;
        long seed = Scenario.DEFAULT_SEED;
        int workers = 16;
        int latencyRequests = 200;
        Path repository = Path.of(".");
        Path workDir = null;
        Path docs = Path.of("docs");
        boolean noDocs = false;
        boolean keepRuns = false;
        List<String> queue = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                queue.add(arg.substring(0, equals));
                queue.add(arg.substring(equals + 1));
            } else {
                queue.add(arg);
            }
        }
        for (int i = 0; i < queue.size(); i++) {
            String option = queue.get(i);
            switch (option) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--no-docs" -> noDocs = true;
                case "--keep-runs" -> keepRuns = true;
                default -> {
                    if (i + 1 >= queue.size()) {
                        throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value"
                                                                                   : "unknown argument: " + option);
                    }
                    String value = queue.get(++i);
                    switch (option) {
                        case "--sizes" -> sizes = Arrays.stream(value.split(",")).map(String::trim)
                                .map(s -> Integer.parseInt(s.replace("_", ""))).toList();
                        case "--days" -> days = Integer.parseInt(value);
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--workers" -> workers = Integer.parseInt(value);
                        case "--latency-requests" -> latencyRequests = Integer.parseInt(value);
                        case "--repository" -> repository = Path.of(value);
                        case "--work-dir" -> workDir = Path.of(value);
                        case "--docs" -> docs = Path.of(value);
                        default -> throw new IllegalArgumentException("unknown option: " + option);
                    }
                }
            }
        }
        if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 1) || days < 1 || workers < 1
            || latencyRequests < 1) {
            throw new IllegalArgumentException("sizes, days, workers and latency requests must be positive");
        }
        return new Options(sizes, days, seed, workers, latencyRequests, repository,
                           workDir != null ? workDir : repository.resolve("target/demo-benchmark"),
                           noDocs ? null : repository.resolve(docs), keepRuns);
    }

    /** A size relative to the demo's 30,000 dossiers, e.g. {@code "1×"}, {@code "10×"}, {@code "0.1×"}. */
    static String label(int size) {
        java.math.BigDecimal ratio = java.math.BigDecimal.valueOf(size)
                .divide(java.math.BigDecimal.valueOf(Scenario.DEFAULT_DOSSIERS), new java.math.MathContext(2));
        return ratio.stripTrailingZeros().toPlainString() + "×";
    }

    private static String join(List<Integer> sizes) {
        return String.join(",", sizes.stream().map(String::valueOf).toList());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
