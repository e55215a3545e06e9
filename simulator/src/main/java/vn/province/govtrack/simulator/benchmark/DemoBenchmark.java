package vn.province.govtrack.simulator.benchmark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.simulator.Simulation;
import vn.province.govtrack.simulator.Simulator;
import vn.province.govtrack.simulator.dossier.OfficeHours;
import vn.province.govtrack.simulator.dossier.Scenario;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.province.Province;
import vn.province.govtrack.simulator.province.ProvinceCatalogue;
import vn.province.govtrack.simulator.report.Projections;

/**
 * Measures the demo province on the product itself, at one or more sizes ({@link BenchmarkOptions}).
 * For each it starts the product on an empty store, loads the size through the command API or by the
 * history import while sampling the projections' lag, waits until they have caught up, rebuilds every
 * projection from the first event, times the report and deadline endpoints
 * ({@link EndpointLatencies}), and watches the data directory and every JVM's heap throughout
 * ({@link ResourceMonitor}); then stops the product and measures the data directory once more.
 * Writes {@code docs/benchmarks/demo.json}, the chart and its section of {@code docs/benchmarks.md}
 * ({@link DemoReport}).
 */
public final class DemoBenchmark {

    /** Every JVM of the product and the importer: issue 11's 1 GB heap, and ./run's collector. */
    static final List<String> JAVA_OPTIONS = List.of("-Xmx1g", "-XX:+UseSerialGC");

    private static final Product.Ports PORTS = new Product.Ports(27137, 18181, 18182);
    /** How long the projections may take to catch up with a size once it is loaded. */
    private static final long CATCH_UP_TIMEOUT_MILLIS = 6 * 60 * 60 * 1000L;

    private DemoBenchmark() {
    }

    public static int run(String[] args, PrintStream out) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
            if (options != null) {
                checkPeriods(options);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            return 2;
        }
        if (options == null) {
            out.println(BenchmarkOptions.USAGE);
            return 0;
        }
        try {
            DemoResults results = measure(options, out);
            if (options.keepRuns() && options.docs() != null) {
                results = DemoReport.withEarlierRuns(results, options.docs(), out);
            }
            out.println();
            out.print(DemoReport.table(results));
            if (options.docs() != null && !results.runs().isEmpty()) {
                for (Path written : DemoReport.write(results, options.docs())) {
                    out.println("wrote " + written);
                }
            }
            results.failures().forEach((size, reason) -> System.err.println("benchmark: " + size + " failed: " + reason));
            return results.failures().isEmpty() ? 0 : 1;
        } catch (RuntimeException e) {
            System.err.println("benchmark failed: " + e);
            return 1;
        }
    }

    /** Every size's period must end before today: the services refuse history dated in the future. */
    private static void checkPeriods(BenchmarkOptions options) {
        for (BenchmarkOptions.Size size : options.sizes()) {
            Scenario scenario = size.scenario(options.seed());
            if (!scenario.lastDay().isBefore(LocalDate.now(OfficeHours.ZONE))) {
                throw new IllegalArgumentException(size.spec() + ": " + size.dossiers() + " dossiers over " + size.days()
                                                   + " days from " + size.firstDay() + " would end after today");
            }
        }
    }

    static DemoResults measure(BenchmarkOptions options, PrintStream out) {
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        String loadAtStart = DemoResults.Machine.loadAverage();
        if (!ResourceMonitor.available()) {
            out.println("no jstat in this Java runtime: the heaps will not be measured");
        }
        List<DemoResults.Run> runs = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (BenchmarkOptions.Size size : options.sizes()) {
            Scenario scenario = size.scenario(options.seed());
            out.printf("%n=== %s: %,d dossiers over %d days (%s to %s), by %s ===%n", size.label(), size.dossiers(),
                       size.days(), scenario.firstDay(), scenario.lastDay(), size.imported() ? "import" : "HTTP");
            try {
                runs.add(measureOne(options, size, scenario, out));
            } catch (RuntimeException e) {
                // an unattended run keeps what the other sizes measured, and says what went wrong
                out.printf("%s failed: %s (its data and logs stay in %s)%n", size.label(), e,
                           options.workDir().resolve("data-" + size.slug()));
                failures.put(size.label(), e.toString());
            }
        }
        return new DemoResults(DemoResults.FORMAT, startedAt, seconds(startNanos),
                               DemoResults.Machine.describe(loadAtStart, DemoResults.Machine.loadAverage()),
                               new DemoResults.Parameters(options.seed(), options.workers(), JAVA_OPTIONS,
                                                          options.warmUpRequests(), options.latencyRequests(),
                                                          "embedded MongoDB-wire server, durable H2 file (as ./run)",
                                                          BenchmarkOptions.COMMAND + " --sizes " + options.sizesSpec()),
                               runs, failures);
    }

    private static DemoResults.Run measureOne(BenchmarkOptions options, BenchmarkOptions.Size size, Scenario scenario,
                                              PrintStream out) {
        Instant measuredAt = Instant.now();
        String loadAtStart = DemoResults.Machine.loadAverage();
        Province province = ProvinceCatalogue.province();
        Path dataDir = options.workDir().resolve("data-" + size.slug());
        DossierImport.Exported exported = size.imported()
                ? DossierImport.export(scenario, options.workDir().resolve("history-" + size.slug() + ".ndjson"), out)
                : null;
        long startNanos = System.nanoTime();
        double startup;
        Loaded loaded;
        Measured measured;
        Map<String, DemoResults.Heap> heaps;
        long maxStoreBytes;
        try (Product product = Product.start(options.repository(), dataDir, PORTS, JAVA_OPTIONS);
             ResourceMonitor monitor = new ResourceMonitor(dataDir)) {
            startup = seconds(startNanos);
            out.printf("product up in %.1f s (data and logs in %s)%n", startup, dataDir);
            product.processes().forEach((name, process) -> monitor.watch(name, process, maxHeap()));
            loaded = load(options, scenario, province, product, exported, dataDir, monitor, out);
            measured = measureLoaded(options, scenario, product, dataDir, out);
            heaps = monitor.heaps();
            maxStoreBytes = monitor.maxStoreBytes();
        } finally {
            deleteQuietly(exported);
        }
        long stoppedBytes = Product.storeBytes(dataDir);
        out.printf("data directory %,d MiB after a clean stop%n", stoppedBytes >> 20);
        return new DemoResults.Run(size.label(), size.dossiers(), size.days(), scenario.firstDay().toString(),
                                   scenario.lastDay().toString(), size.loading(), measuredAt, startup,
                                   loaded.seeding(), loaded.imported(), loaded.catchUpSeconds(), loaded.lag(),
                                   measured.rebuilds(), measured.latencies(), measured.events(),
                                   new DemoResults.Storage(maxStoreBytes, measured.runningBytes(), stoppedBytes), heaps,
                                   measured.figures(), loaded.rejections(), loadAtStart,
                                   DemoResults.Machine.loadAverage());
    }

    /** What loading a size gave: its rates and the projections' lag meanwhile. */
    private record Loaded(DemoResults.Seeding seeding, DemoResults.Import imported, double catchUpSeconds,
                          DemoResults.Lag lag, long rejections) {
    }

    /** What was measured on the loaded size, the product still running. */
    private record Measured(List<DemoResults.Rebuild> rebuilds, List<DemoResults.Latency> latencies, long events,
                            long runningBytes, DemoResults.Figures figures) {
    }

    /**
     * Seeds the size through the API, or its reference data through the API and its dossiers by import,
     * sampling the projections' lag from the first command until they have caught up with the last event.
     */
    private static Loaded load(BenchmarkOptions options, Scenario scenario, Province province, Product product,
                               DossierImport.Exported exported, Path dataDir, ResourceMonitor monitor,
                               PrintStream out) {
        Projections projections = new Projections(product.queries());
        LagSampler sampler = LagSampler.start(projections);
        try {
            Simulator.Result seeded = Simulator.seed(province, scenario, Simulator.officeHours(scenario),
                                                     product.commands(), product.tokens(), options.workers(),
                                                     exported == null ? Simulation.seeders()
                                                             : Simulation.referenceSeeders(), out);
            DemoResults.Seeding seeding = seeding(seeded, scenario, options.workers());
            DemoResults.Import imported = exported == null ? null
                    : DossierImport.run(product, exported, projections, dataDir.resolve("logs/importer.log"), monitor,
                                        maxHeap(), out);
            long position = exported == null ? seeded.tally().maxPosition() : projections.headPosition();
            long lastCommand = System.nanoTime();
            awaitCaughtUp(projections, position, out);
            double catchUp = seconds(lastCommand);
            DemoResults.Lag lag = sampler.stop();
            out.printf("projections caught up with position %,d %.1f s after the last command; lag while loading "
                       + "p50 %.0f s, p99 %.0f s, max %.0f s over %,d samples (%d polls failed)%n", position, catchUp,
                       lag.all().p50(), lag.all().p99(), lag.all().max(), lag.all().samples(), sampler.failedPolls());
            return new Loaded(seeding, imported, catchUp, lag, seeded.tally().rejections());
        } finally {
            sampler.close();
        }
    }

    /** Rates over the phases' wall-clock time, and over the dossier phase alone when there was one. */
    private static DemoResults.Seeding seeding(Simulator.Result seeded, Scenario scenario, int workers) {
        long commands = seeded.tally().commands();
        double seconds = seeded.phases().stream().mapToDouble(Simulation.Phase::seconds).sum();
        var dossiers = seeded.phases().stream().filter(phase -> phase.name().equals("dossiers")).findFirst();
        return new DemoResults.Seeding(commands, seconds, commands / seconds,
                                       dossiers.map(Simulation.Phase::commandsPerSecond).orElse(null),
                                       dossiers.map(phase -> scenario.dossiers() / phase.seconds()).orElse(null),
                                       workers);
    }

    private static Measured measureLoaded(BenchmarkOptions options, Scenario scenario, Product product, Path dataDir,
                                          PrintStream out) {
        Projections projections = new Projections(product.queries());
        List<DemoResults.Rebuild> rebuilds = List.of();
        if (options.rebuilds()) {
            rebuilds = new ProjectionRebuilds(product.queries(), product.tokens(), projections, out).all();
        } else {
            out.println("rebuilds skipped (--no-rebuilds)");
        }
        String unit = EndpointLatencies.busiestUnit(product.queries(), scenario);
        List<EndpointLatencies.Endpoint> endpoints = EndpointLatencies.endpoints(scenario, unit);
        out.printf("timing %d endpoint groups (one unit: %s): %d warm-up and %d timed requests each%n",
                   endpoints.size(), unit, options.warmUpRequests(), options.latencyRequests());
        List<DemoResults.Latency> latencies = EndpointLatencies.measure(product.queries(), endpoints,
                                                                        options.warmUpRequests(),
                                                                        options.latencyRequests());
        DemoResults.Latency worst = latencies.stream()
                .max((a, b) -> Double.compare(a.millis().p99(), b.millis().p99())).orElseThrow();
        out.printf("worst p99 %.1f ms: %s (p50 %.1f ms)%n", worst.millis().p99(), worst.endpoint(), worst.millis().p50());
        DemoResults.Figures figures = figures(product.queries(), scenario);
        long events = projections.headPosition();
        long runningBytes = Product.storeBytes(dataDir);
        out.printf("%,d events; data directory %,d MiB while running%n", events, runningBytes >> 20);
        return new Measured(rebuilds, latencies, events, runningBytes, figures);
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

    private static void awaitCaughtUp(Projections projections, long position, PrintStream out) {
        long[] lastLine = {System.nanoTime()};
        try {
            boolean caughtUp = projections.awaitPosition(position, CATCH_UP_TIMEOUT_MILLIS, reached -> {
                if (reached < position && System.nanoTime() - lastLine[0] > 30e9) {
                    out.printf("projections catching up: position %,d of %,d%n", reached, position);
                    lastLine[0] = System.nanoTime();
                }
            });
            if (!caughtUp) {
                throw new IllegalStateException("projections did not reach position " + position + " within "
                                                + CATCH_UP_TIMEOUT_MILLIS / 3_600_000 + " hours");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The {@code -Xmx} of {@link #JAVA_OPTIONS}, as the report names it. */
    private static String maxHeap() {
        return JAVA_OPTIONS.stream().filter(option -> option.startsWith("-Xmx")).map(option -> option.substring(4))
                .findFirst().orElse("default");
    }

    /** The history file holds (simulated) personal data and is large: it goes once imported. */
    private static void deleteQuietly(DossierImport.Exported exported) {
        if (exported != null) {
            try {
                Files.deleteIfExists(exported.file());
            } catch (java.io.IOException e) {
                // left in the work directory; the next run replaces it
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
