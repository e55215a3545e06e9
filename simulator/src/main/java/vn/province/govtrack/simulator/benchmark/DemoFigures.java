package vn.province.govtrack.simulator.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import vn.province.govtrack.simulator.benchmark.DemoResults.Run;
import vn.province.govtrack.simulator.benchmark.Growth.Trend;

/**
 * The rows of the report's table, the same on the console and in {@code docs/benchmarks.md}: what
 * each figure is, how to read it off a {@link Run}, and how it should grow with history. A figure a
 * size did not measure (an import rate of a size seeded over HTTP, say) is NaN and shows as "–".
 */
final class DemoFigures {

    private static final double MIB = 1024 * 1024;

    /** One row of the table. */
    sealed interface Row permits Heading, Text, Figure {
    }

    /** A heading row that groups the figures below it. */
    record Heading(String title) implements Row {
    }

    /** A row of words rather than numbers (how a size was loaded, its period). */
    record Text(String name, Function<Run, String> text) implements Row {
    }

    /**
     * A row of numbers: one value per size, or several shown together ("p50 / p99 / max"), in which
     * case the second is the one whose growth is judged.
     *
     * @param noise an absolute change too small to count as growth, in the figure's unit
     */
    record Figure(String name, List<ToDoubleFunction<Run>> values, String unit, Trend trend, double noise)
            implements Row {

        static Figure of(String name, ToDoubleFunction<Run> value, String unit, Trend trend, double noise) {
            return new Figure(name, List.of(value), unit, trend, noise);
        }

        String format(Run run) {
            List<String> numbers = values.stream().map(value -> value.applyAsDouble(run)).map(DemoFigures::number)
                    .toList();
            return numbers.stream().allMatch("–"::equals) ? "–" : String.join(" / ", numbers) + unit;
        }

        Growth.Cell growth(Run before, Run after) {
            ToDoubleFunction<Run> judged = values.get(Math.min(1, values.size() - 1));
            return Growth.of(judged.applyAsDouble(before), judged.applyAsDouble(after), trend, noise);
        }
    }

    private DemoFigures() {
    }

    static List<Row> rows(DemoResults results) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Heading("Loading"));
        rows.add(new Text("loaded by", run -> run.importedDossiers() ? "import" : "HTTP"));
        rows.add(new Text("period", run -> run.firstDay() + " to " + run.lastDay()));
        rows.add(Figure.of("load average (1 min) when the size started", run -> firstLoad(run.loadAtStart()), "",
                           Trend.NONE, 0));
        rows.add(Figure.of("events in the store", Run::events, "", Trend.SCALES, 0));
        rows.add(Figure.of("product start-up (empty store)", Run::startupSeconds, " s", Trend.NONE, 0));
        rows.add(Figure.of("commands through the API", run -> run.seeding().commands(), "", Trend.SCALES, 0));
        rows.add(Figure.of("… their wall-clock time", run -> run.seeding().seconds() / 60, " min", Trend.SCALES, 0));
        rows.add(Figure.of("… commands/s", run -> run.seeding().commandsPerSecond(), "", Trend.FLAT_HIGHER_IS_BETTER,
                           0));
        rows.add(Figure.of("dossier phase over HTTP: commands/s",
                           run -> orNaN(run.seeding().dossierCommandsPerSecond()), "", Trend.FLAT_HIGHER_IS_BETTER, 0));
        rows.add(Figure.of("dossier phase over HTTP: dossiers/s", run -> orNaN(run.seeding().dossiersPerSecond()), "",
                           Trend.FLAT_HIGHER_IS_BETTER, 0));
        rows.add(Figure.of("rejected commands", Run::rejections, "", Trend.NONE, 0));
        rows.add(Figure.of("import: records", run -> imported(run, i -> i.records()), "", Trend.SCALES, 0));
        rows.add(Figure.of("import: export of the file (not in the rates)", run -> imported(run, i -> i.exportSeconds()),
                           " s", Trend.SCALES, 0));
        rows.add(Figure.of("import: importer wall time (JVM start included)", run -> imported(run, i -> i.wallSeconds()),
                           " s", Trend.SCALES, 0));
        rows.add(Figure.of("import: events/s (the import itself)", run -> imported(run, i -> i.eventsPerSecond()), "",
                           Trend.FLAT_HIGHER_IS_BETTER, 0));
        rows.add(Figure.of("import: records/s (the import itself)", run -> imported(run, i -> i.recordsPerSecond()), "",
                           Trend.FLAT_HIGHER_IS_BETTER, 0));
        rows.add(Figure.of("import: events/s over the wall time", run -> imported(run, i -> i.eventsPerWallSecond()),
                           "", Trend.FLAT_HIGHER_IS_BETTER, 0));
        rows.add(Figure.of("import: rejected records", run -> imported(run, i -> i.rejected() < 0 ? Double.NaN : i.rejected()), "", Trend.NONE, 0));

        rows.add(new Heading("Projections"));
        rows.add(new Figure("lag while loading, all projections: p50 / p99 / max", spread(run -> run.lag().all()),
                            " s", Trend.FLAT_LOWER_IS_BETTER, 1));
        for (String projection : projections(results)) {
            rows.add(new Figure("lag of `" + projection + "`: p50 / p99 / max",
                                spread(run -> run.lag().byProjection().get(projection)), " s",
                                Trend.FLAT_LOWER_IS_BETTER, 1));
        }
        rows.add(Figure.of("caught up after the last command", Run::catchUpSeconds, " s", Trend.FLAT_LOWER_IS_BETTER,
                           1));
        for (String projection : rebuilt(results)) {
            rows.add(Figure.of("rebuild `" + projection + "`: events/s", run -> rebuild(run, projection)
                    .map(DemoResults.Rebuild::eventsPerSecond).orElse(Double.NaN), "", Trend.FLAT_HIGHER_IS_BETTER, 0));
        }
        rows.add(Figure.of("rebuild of every projection, one after the other", run -> run.rebuilds().isEmpty()
                ? Double.NaN : run.rebuilds().stream().mapToDouble(DemoResults.Rebuild::seconds).sum(), " s",
                Trend.SCALES, 0));

        rows.add(new Heading("Queries: p50 / p99"));
        rows.add(Figure.of("worst p99 of any endpoint group", DemoFigures::worstP99, " ms",
                           Trend.FLAT_LOWER_IS_BETTER, 5));
        for (String endpoint : endpoints(results)) {
            rows.add(new Figure("`" + endpoint + "`", List.of(latency(endpoint, true), latency(endpoint, false)), " ms",
                                Trend.FLAT_LOWER_IS_BETTER, 5));
        }
        rows.add(new Figure("dossiers listed: due within 24 h / overdue",
                            List.of(answered("/dossiers?dueWithinHours=24"), answered("/dossiers?overdue=true")), "",
                            Trend.SCALES, 0));

        rows.add(new Heading("Disk and memory"));
        rows.add(Figure.of("data directory, largest while running", run -> run.storage().maxRunningBytes() / MIB,
                           " MiB", Trend.SCALES, 0));
        rows.add(Figure.of("data directory at the end, running", run -> run.storage().runningBytes() / MIB, " MiB",
                           Trend.SCALES, 0));
        rows.add(Figure.of("data directory after a clean stop", run -> run.storage().stoppedBytes() / MIB, " MiB",
                           Trend.SCALES, 0));
        rows.add(Figure.of("… bytes per event", run -> (double) run.storage().stoppedBytes() / run.events(), "",
                           Trend.FLAT_LOWER_IS_BETTER, 0));
        for (String jvm : jvms(results)) {
            rows.add(new Figure("heap of the " + jvm + ": largest used / old generation",
                                List.of(heap(jvm, true), heap(jvm, false)), " MiB", Trend.FLAT_LOWER_IS_BETTER, 64));
        }

        rows.add(new Heading("What the query side counted"));
        rows.add(Figure.of("received (province total)", run -> run.figures().received(), "", Trend.SCALES, 0));
        rows.add(Figure.of("on-time rate", run -> run.figures().onTimeRate() == null ? Double.NaN
                : run.figures().onTimeRate() * 100, " %", Trend.NONE, 0));
        return rows;
    }

    /** The worst p99 of all endpoint groups: the figure issue 11 wants at 50 ms or less. */
    static double worstP99(Run run) {
        return run.latencies().stream().mapToDouble(latency -> latency.millis().p99()).max().orElse(Double.NaN);
    }

    /** The worst p99 of the endpoint groups whose name starts with {@code prefix}. */
    static double worstP99(Run run, String prefix) {
        return run.latencies().stream().filter(latency -> latency.endpoint().startsWith(prefix))
                .mapToDouble(latency -> latency.millis().p99()).max().orElse(Double.NaN);
    }

    static List<String> projections(DemoResults results) {
        return distinct(results, run -> run.lag().byProjection().keySet());
    }

    static List<String> rebuilt(DemoResults results) {
        return distinct(results, run -> run.rebuilds().stream().map(DemoResults.Rebuild::projection).toList());
    }

    static List<String> jvms(DemoResults results) {
        return distinct(results, run -> run.heaps().keySet());
    }

    static Optional<DemoResults.Rebuild> rebuild(Run run, String projection) {
        return run.rebuilds().stream().filter(rebuild -> rebuild.projection().equals(projection)).findFirst();
    }

    /** The largest heap the JVM used, or its old generation, in MiB; NaN when it was not sampled. */
    static ToDoubleFunction<Run> heap(String jvm, boolean used) {
        return run -> {
            DemoResults.Heap heap = run.heaps().get(jvm);
            return heap == null || heap.samples() == 0 ? Double.NaN
                    : (used ? heap.maxUsedBytes() : heap.maxOldBytes()) / MIB;
        };
    }

    /** A number as the table shows it: thousands grouped, two significant decimals below 10; "–" for NaN. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", Math.round(value))
                : String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    private static List<String> endpoints(DemoResults results) {
        return distinct(results, run -> run.latencies().stream().map(DemoResults.Latency::endpoint).toList());
    }

    private static ToDoubleFunction<Run> latency(String endpoint, boolean median) {
        return run -> run.latencies().stream().filter(latency -> latency.endpoint().equals(endpoint)).findFirst()
                .map(latency -> median ? latency.millis().p50() : latency.millis().p99()).orElse(Double.NaN);
    }

    private static ToDoubleFunction<Run> answered(String endpoint) {
        return run -> run.latencies().stream().filter(latency -> latency.endpoint().equals(endpoint)).findFirst()
                .map(latency -> (double) latency.answered()).orElse(Double.NaN);
    }

    private static List<ToDoubleFunction<Run>> spread(Function<Run, DemoResults.Spread> spread) {
        Function<Run, DemoResults.Spread> orNone = run -> Optional.ofNullable(spread.apply(run))
                .orElse(DemoResults.Spread.NONE);
        return List.of(run -> orNone.apply(run).p50(), run -> orNone.apply(run).p99(), run -> orNone.apply(run).max());
    }

    private static double imported(Run run, ToDoubleFunction<DemoResults.Import> value) {
        return run.imported() == null ? Double.NaN : value.applyAsDouble(run.imported());
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static double firstLoad(String loadAverages) {
        try {
            return Double.parseDouble(loadAverages.trim().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static List<String> distinct(DemoResults results, Function<Run, Collection<String>> names) {
        Set<String> all = new LinkedHashSet<>();
        results.runs().forEach(run -> all.addAll(names.apply(run)));
        return List.copyOf(all);
    }
}
