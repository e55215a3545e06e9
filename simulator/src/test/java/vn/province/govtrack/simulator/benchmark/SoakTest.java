package vn.province.govtrack.simulator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SoakTest {

    @Test
    void by_default_it_soaks_for_twenty_minutes_at_half_the_measured_capacity() {
        Soak.Options options = Soak.parse(new String[0]);

        assertThat(options.minutes()).isEqualTo(20);
        assertThat(options.rate()).isNull();
        assertThat(options.intervalSeconds()).isEqualTo(30);
        assertThat(options.out()).isEqualTo(Path.of("docs/benchmarks"));
    }

    @Test
    void options_are_read_and_nonsense_is_refused() {
        Soak.Options options = Soak.parse(new String[] {"--minutes", "3", "--rate=40", "--interval", "10"});

        assertThat(options.minutes()).isEqualTo(3);
        assertThat(options.rate()).isEqualTo(40);
        assertThat(Soak.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> Soak.parse(new String[] {"--rate", "0"})).hasMessageContaining("positive");
        assertThatThrownBy(() -> Soak.parse(new String[] {"--capacity-seconds", "20", "--warm-up-seconds", "20"}))
                .hasMessageContaining("--warm-up-seconds");
        assertThatThrownBy(() -> Soak.parse(new String[] {"--minutes", "1", "--interval", "30"}))
                .hasMessageContaining("four intervals");
    }

    @Test
    void a_thread_leak_in_one_service_makes_its_verdict_and_only_its_verdict_grow() {
        List<SoakResults.Sample> samples = new java.util.ArrayList<>();
        for (int t = 0; t <= 1200; t += 30) {
            samples.add(sample(t, t % 300 == 0, 40 + t / 10.0));
        }

        List<Flatness.Verdict> verdicts = Soak.verdicts(samples, 1200, 50);

        assertThat(verdicts).filteredOn(v -> !v.flat()).extracting(Flatness.Verdict::metric)
                .containsExactly("command side: threads");
    }

    @Test
    void samples_taken_a_little_after_a_quarters_end_are_judged_in_that_quarter_when_rejudged() {
        List<SoakResults.Sample> late = new java.util.ArrayList<>();
        for (int t = 0; t <= 1200; t += 30) {
            // the heap after full GC grows from one checkpoint to the next only in the last quarter
            late.add(sample(t == 0 ? 0 : t + 0.004, t % 300 == 0, 40, t < 900 ? 60 : 60 + (t - 600) / 10.0));
        }
        SoakResults written = new SoakResults(SoakResults.FORMAT, null, 0, null, parameters(), null, null, late,
                                              List.of(), true);

        SoakResults rejudged = Soak.rejudged(written);

        assertThat(rejudged.samples()).extracting(SoakResults.Sample::seconds).contains(300.0, 600.0, 900.0);
        assertThat(rejudged.verdicts()).filteredOn(v -> !v.flat()).extracting(Flatness.Verdict::metric)
                .containsExactly("command side: heap after full GC");
        assertThat(rejudged.flat()).isFalse();
    }

    @Test
    void the_csv_has_a_column_per_figure_and_per_process_and_leaves_unknown_figures_empty() {
        SoakResults results = new SoakResults(SoakResults.FORMAT, null, 0, null, null, null, null,
                                              List.of(sample(0, true, 40)), List.of(), true);

        String[] lines = results.csv().split("\n");

        assertThat(lines[0]).startsWith("seconds,load_average_1,full_gc,").contains("mongodb_threads",
                                                                                 "command_side_pool_size");
        assertThat(lines[1].split(",", -1)).hasSameSizeAs(lines[0].split(","));
        assertThat(lines[1]).startsWith("0,1.500,1,,0,,");
    }

    private static SoakResults.Parameters parameters() {
        return new SoakResults.Parameters(20, 30, 50, false, 0.5, 25, 90, 30, 16, List.of(), "", "", "");
    }

    private static SoakResults.Sample sample(double seconds, boolean fullGc, double commandThreads) {
        return sample(seconds, fullGc, commandThreads, 60);
    }

    private static SoakResults.Sample sample(double seconds, boolean fullGc, double commandThreads,
                                             double commandHeapAfterFullGc) {
        var database = new SoakResults.ProcessSample(80, 40, 10, 1, 50, 120, 400, 30, Double.NaN, Double.NaN);
        var command = new SoakResults.ProcessSample(90, commandHeapAfterFullGc, 10, 1, commandThreads, 80, 400, 20,
                                                    30, 2);
        var query = new SoakResults.ProcessSample(90, 70, 10, 1, 50, 50, 400, 10, 15, 1);
        boolean interval = seconds > 0;
        return new SoakResults.Sample(seconds, 1.5, fullGc, interval ? 50 : Double.NaN, 0, interval ? 20 : Double.NaN,
                                      interval ? 300 : Double.NaN, interval ? 25 : Double.NaN, 0,
                                      interval ? 10 : Double.NaN, interval ? 200 : Double.NaN, 0, 3,
                                      1000 + (long) seconds * 50, 5, 100_000_000 + (long) seconds * 50 * 2000, 2000,
                                      Map.of(Product.MONGO, database, Product.COMMAND_SIDE, command,
                                             Product.QUERY_SIDE, query));
    }
}
