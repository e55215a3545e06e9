package vn.province.govtrack.simulator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.simulator.benchmark.BenchmarkOptions.Size;

class BenchmarkOptionsTest {

    @Test
    void by_default_1x_is_seeded_over_http_and_10x_and_the_province_year_are_imported() {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options.sizes()).extracting(Size::label, Size::dossiers, Size::days, Size::firstDay, Size::imported)
                .containsExactly(tuple("1×", 30_000, 16, LocalDate.of(2025, 7, 1), false),
                                 tuple("10×", 300_000, 160, LocalDate.of(2025, 7, 1), true),
                                 tuple("province-year", 700_000, 365, LocalDate.of(2025, 1, 1), true));
        assertThat(options.latencyRequests()).isEqualTo(100);
        assertThat(options.warmUpRequests()).isEqualTo(20);
        assertThat(options.docs()).isEqualTo(Path.of("docs"));
        assertThat(options.workDir()).isEqualTo(Path.of("target/demo-benchmark"));
        assertThat(options.sizesSpec()).isEqualTo("30000/16,300000/160:import,province-year:import");
        assertThat(options.sizes().get(2).scenario(42).lastDay()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void a_size_names_its_dossiers_days_and_loading_and_the_other_options_take_their_value_after_a_space_or_equals() {
        BenchmarkOptions options = BenchmarkOptions.parse("--sizes=300,3000/4:import", "--days", "2", "--start",
                                                          "2025-03-01", "--latency-requests=150", "--warm-up", "0",
                                                          "--no-docs", "--keep-runs");

        assertThat(options.sizes()).extracting(Size::label, Size::dossiers, Size::days, Size::firstDay, Size::imported)
                .containsExactly(tuple("0.01×", 300, 2, LocalDate.of(2025, 3, 1), false),
                                 tuple("0.1×", 3_000, 4, LocalDate.of(2025, 3, 1), true));
        assertThat(options.sizes().get(1).slug()).isEqualTo("3000x4d");
        assertThat(options.latencyRequests()).isEqualTo(150);
        assertThat(options.warmUpRequests()).isZero();
        assertThat(options.docs()).isNull();
        assertThat(options.keepRuns()).isTrue();
    }

    @Test
    void bad_sizes_and_options_are_refused_with_a_reason_and_help_is_null() {
        assertThat(BenchmarkOptions.parse("--help")).isNull();
        assertThatThrownBy(() -> BenchmarkOptions.parse("--sizes", "3000:ftp")).hasMessageContaining("http or import");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--sizes", "3000/0")).hasMessageContaining("one day");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--sizes", "lots")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--latency-requests")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast", "1")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> BenchmarkOptions.parse("3000")).hasMessageContaining("unknown argument");
    }
}
