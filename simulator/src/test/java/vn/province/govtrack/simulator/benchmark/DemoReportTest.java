package vn.province.govtrack.simulator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoReportTest {

    @Test
    void a_rerun_replaces_only_its_own_section_of_benchmarks_md() {
        String existing = "# Benchmarks\n\nintro\n\n<!-- event-store-benchmark:start (x) -->\nevent store\n"
                          + "<!-- event-store-benchmark:end -->\n";

        String first = DemoReport.replaceSection(existing, "demo, first run\n");
        String second = DemoReport.replaceSection(first, "demo, second run\n");

        assertThat(first).startsWith(existing).contains("demo, first run");
        assertThat(second).contains("event store", "demo, second run").doesNotContain("demo, first run");
        assertThat(second.indexOf(DemoReport.SECTION_START)).isEqualTo(second.lastIndexOf(DemoReport.SECTION_START));
    }

    @Test
    void the_table_has_a_growth_column_after_each_larger_size_flagging_what_should_be_flat_and_is_not() {
        DemoResults results = results(httpRun("1×", 30_000, 16, 150_000, 20),
                                       importRun("10×", 300_000, 160, 1_500_000, 80));

        String section = DemoReport.section(results);

        assertThat(section).contains(
                "| | 1×: 30,000 dossiers, 16 days | 10× / 1× | 10×: 300,000 dossiers, 160 days |",
                "| events in the store | 150,000 | ×10.0 | 1,500,000 |",
                "| loaded by | HTTP |  | import |",
                "| dossier phase over HTTP: commands/s | 500 |  | – |",
                "| import: events/s (the import itself) | – |  | 20,000 |",
                "| `/timeliness by unit, year, province` | 10 / 20 ms | **×4.00 grows** | 40 / 80 ms |",
                "| lag of `dossiers`: p50 / p99 / max | 1 / 2 / 3 s | ×1.00 flat | 1 / 2 / 3 s |",
                "| heap of the query side: largest used / old generation | 800 / 200 MiB | ×1.00 flat | 800 / 200 MiB |",
                "| rebuild `timeliness`: events/s | 12,000 | ×1.00 flat | 12,000 |",
                "| dossiers listed: due within 24 h / overdue | – / 1,500 | ×10.0 | – / 15,000 |",
                "| **Queries: p50 / p99** |",
                "Figures whose cost should not depend on history but grew with it (the costly way): "
                + "worst p99 of any endpoint group ×4.00 grows (10× / 1×)",
                "**Not measured** (no numbers for them here): province-year (700,000 dossiers over 365 days). "
                + "**Failed** in this run: province-year: java.lang.IllegalStateException: query side exited.",
                "Machine.** 2 cores (cpu)");
        assertThat(DemoReport.table(results)).contains("events in the store", "×10.0", "×4.00 grows");
    }

    @Test
    void the_chart_has_six_panels_with_a_bar_per_size_and_figure_and_says_where_nothing_was_measured() {
        DemoResults results = results(httpRun("1×", 30_000, 16, 150_000, 20),
                                       importRun("10×", 300_000, 160, 1_500_000, 80));

        String svg = DemoChart.svg(results);

        assertThat(svg).startsWith("<svg").endsWith("</svg>\n").contains("300,000 dossiers, 160 days, import",
                                                                         "Projection lag while loading, p99, s",
                                                                         "dossier phase, 10×: not measured");
        int series = 2 + 2 + (1 + 2) + 1 + 5 + (1 + 1);
        assertThat(svg.split("<rect ").length - 1).isEqualTo(1 + 2 * series + 2);
    }

    @Test
    void earlier_runs_of_other_sizes_are_kept_and_a_file_of_another_layout_is_left_out(@TempDir Path docs) {
        DemoReport.write(results(httpRun("1×", 30_000, 16, 150_000, 20)), docs);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        DemoResults merged = DemoReport.withEarlierRuns(results(importRun("0.1×", 3_000, 2, 15_000, 5)), docs, quiet);

        assertThat(merged.runs()).extracting(DemoResults.Run::label, DemoResults.Run::dossiers)
                .containsExactly(tuple("0.1×", 3_000), tuple("1×", 30_000));
        assertThat(merged.parameters().command()).endsWith("--sizes 3000/2:import,30000/16");
        assertThat(merged.runs().get(1).lag().byProjection()).containsEntry("staff", DemoResults.Spread.NONE)
                .containsKey("dossiers");
    }

    @Test
    void an_earlier_file_of_another_layout_is_not_merged(@TempDir Path docs) throws Exception {
        Files.createDirectories(docs.resolve("benchmarks"));
        Files.writeString(docs.resolve("benchmarks/demo.json"), "{\"note\":\"by hand\",\"runs\":[{\"label\":\"1×\"}]}");
        ByteArrayOutputStream said = new ByteArrayOutputStream();

        DemoResults results = results(httpRun("1×", 30_000, 16, 150_000, 20));
        DemoResults merged = DemoReport.withEarlierRuns(results, docs,
                                                        new PrintStream(said, true, StandardCharsets.UTF_8));

        assertThat(merged).isSameAs(results);
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("not merged");
    }

    private static DemoResults results(DemoResults.Run... runs) {
        return new DemoResults(DemoResults.FORMAT, Instant.parse("2026-11-28T07:00:00Z"), 600,
                               new DemoResults.Machine(2, "cpu", 4096, "java", "linux", "1.0 1.0 1.0", "2.0 2.0 2.0"),
                               new DemoResults.Parameters(42, 16, List.of("-Xmx1g"), 20, 100, "embedded", "cmd"),
                               List.of(runs), Map.of("province-year", "java.lang.IllegalStateException: query side exited"));
    }

    private static DemoResults.Run httpRun(String label, int dossiers, int days, long events, double p99Millis) {
        return run(label, dossiers, days, events, p99Millis,
                   new DemoResults.Seeding(events, events / 500.0, 500, 500.0, 100.0, 16), null);
    }

    private static DemoResults.Run importRun(String label, int dossiers, int days, long events, double p99Millis) {
        return run(label, dossiers, days, events, p99Millis, new DemoResults.Seeding(13_000, 26, 500, null, null, 16),
                   new DemoResults.Import(events, events * 300, 2, events, events / 15_000.0, events / 20_000.0, 0, 0));
    }

    private static DemoResults.Run run(String label, int dossiers, int days, long events, double p99Millis,
                                       DemoResults.Seeding seeding, DemoResults.Import imported) {
        DemoResults.Spread lag = new DemoResults.Spread(100, 1, 2, 3);
        DemoResults.Spread millis = new DemoResults.Spread(100, p99Millis / 2, p99Millis, p99Millis * 2);
        return new DemoResults.Run(label, dossiers, days, "2025-07-01", "2025-07-" + (days < 10 ? "0" : "") + days,
                                   imported == null ? "http" : "import", Instant.parse("2026-11-28T07:00:00Z"), 30,
                                   seeding, imported, 2, new DemoResults.Lag(600, Map.of("dossiers", lag, "staff", DemoResults.Spread.NONE), lag),
                                   List.of(new DemoResults.Rebuild("timeliness", events, events / 12_000.0, 12_000)),
                                   List.of(new DemoResults.Latency("/timeliness by unit, year, province",
                                                                   "/api/v1/timeliness?groupBy=unit", 166, millis),
                                           new DemoResults.Latency("/dossiers?overdue=true",
                                                                   "/api/v1/dossiers?overdue=true", dossiers / 20,
                                                                   millis)),
                                   events, new DemoResults.Storage(events * 400, events * 300, events * 200),
                                   Map.of("query side", new DemoResults.Heap("1g", 100, 800L << 20, 200L << 20)),
                                   new DemoResults.Figures(dossiers, dossiers, 10, 5, 1, 0.97), 0, "1.5 1 1", "2 2 2");
    }
}
