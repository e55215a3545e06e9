package vn.province.govtrack.simulator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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
    void the_section_and_chart_show_every_size_and_how_the_numbers_grow() {
        DemoResults results = results(run("1×", 30_000, 150_000, 100, 40), run("10×", 300_000, 1_500_000, 90, 400));

        String section = DemoReport.section(results);
        String svg = DemoReport.svg(results);

        assertThat(section).contains("## Demo province: seeding, catch-up, query latency", "1×: 30,000 dossiers",
                                     "10×: 300,000 dossiers", "| events in the store | 150,000 | 1,500,000 | ×10.00 |",
                                     "with 10.0× the events, the seeding rate changed by ×0.90");
        assertThat(svg).startsWith("<svg").endsWith("</svg>\n").contains("300,000 dossiers");
        assertThat(svg.split("<rect ").length - 1).isEqualTo(1 + 2 * (2 + 1 + 2) + 2);
    }

    @Test
    void earlier_runs_of_other_sizes_are_kept_and_all_are_labelled_relative_to_the_demo(@TempDir Path docs) {
        DemoReport.write(results(run("1×", 30_000, 150_000, 100, 40)), docs);

        DemoResults merged = DemoReport.withEarlierRuns(results(run("0.1×", 3_000, 15_000, 110, 20)), docs);

        assertThat(merged.runs()).extracting(DemoResults.Run::label, DemoResults.Run::dossiers)
                .containsExactly(tuple("0.1×", 3_000), tuple("1×", 30_000));
        assertThat(DemoBenchmark.label(300_000)).isEqualTo("10×");
        assertThat(merged.parameters().command()).endsWith("--sizes 3000,30000");
    }

    @Test
    void percentiles_are_nearest_rank() {
        double[] sorted = new double[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(DemoBenchmark.percentile(sorted, 0.5)).isEqualTo(50);
        assertThat(DemoBenchmark.percentile(sorted, 0.99)).isEqualTo(99);
        assertThat(DemoBenchmark.latency(List.of(3.0, 1.0, 2.0)).medianMillis()).isEqualTo(2);
    }

    private static DemoResults results(DemoResults.Run... runs) {
        return new DemoResults(Instant.parse("2026-11-28T07:00:00Z"), 600,
                               new DemoResults.Machine(2, "cpu", 4096, "java", "linux", "1.0 1.0 1.0", "2.0 2.0 2.0"),
                               new DemoResults.Parameters(42, 6, 200, "embedded", "cmd"), List.of(runs));
    }

    private static DemoResults.Run run(String label, int dossiers, long events, double commandsPerSecond,
                                       double medianMillis) {
        DemoResults.Latency latency = new DemoResults.Latency(200, medianMillis, medianMillis * 2, medianMillis * 3,
                                                              medianMillis * 4);
        return new DemoResults.Run(label, dossiers, 16, "2025-07-01", "2025-07-16",
                                   Instant.parse("2026-11-28T07:00:00Z"), 30,
                                   new DemoResults.Seeding(events, events / commandsPerSecond, commandsPerSecond,
                                                           commandsPerSecond, dossiers / 100.0, 6),
                                   5, List.of(new DemoResults.Rebuild("timeliness", events, events / 1000.0, 1000)),
                                   latency, Map.of("unit", latency), events, 1 << 20,
                                   new DemoResults.Figures(dossiers, dossiers, 10, 5, 1, 0.97), 0, "1", "2");
    }
}
