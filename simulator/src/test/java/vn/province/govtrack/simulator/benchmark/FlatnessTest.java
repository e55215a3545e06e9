package vn.province.govtrack.simulator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

class FlatnessTest {

    private static final double SOAK = 1200;

    /** A sample every 30 s over a 20-minute soak. */
    private static List<Flatness.Point> every30s(DoubleUnaryOperator value) {
        List<Flatness.Point> points = new ArrayList<>();
        for (int t = 0; t <= SOAK; t += 30) {
            points.add(new Flatness.Point(t, value.applyAsDouble(t)));
        }
        return points;
    }

    @Test
    void a_figure_that_wobbles_around_one_level_is_flat() {
        Flatness.Verdict verdict = Flatness.of("threads", "threads", every30s(t -> 60 + (t % 90 == 0 ? 3 : -2)), SOAK,
                                               0.10, 4);

        assertThat(verdict.flat()).isTrue();
        assertThat(verdict.secondQuarter()).isEqualTo(58);
        assertThat(verdict.lastQuarter()).isEqualTo(58);
    }

    @Test
    void a_figure_that_keeps_climbing_grows_and_its_slope_says_by_how_much_an_hour() {
        Flatness.Verdict verdict = Flatness.of("heap", "MiB", every30s(t -> 100 + t / 10), SOAK, 0.10, 16);

        assertThat(verdict.flat()).isFalse();
        assertThat(verdict.lastQuarter() - verdict.secondQuarter()).isEqualTo(60);
        assertThat(verdict.slopePerHour()).isCloseTo(360, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(verdict.line()).contains("GROWS");
    }

    @Test
    void growth_in_the_first_quarter_only_is_warm_up_and_does_not_count() {
        Flatness.Verdict verdict = Flatness.of("pool", "connections", every30s(t -> Math.min(t, 300) / 10), SOAK,
                                               0.10, 2);

        assertThat(verdict.flat()).isTrue();
        assertThat(verdict.first()).isZero();
        assertThat(verdict.last()).isEqualTo(30);
    }

    @Test
    void a_change_within_the_noise_floor_is_flat_however_large_relative_to_a_small_value() {
        assertThat(Flatness.of("p99", "ms", every30s(t -> t < 900 ? 2 : 6), SOAK, 0.5, 5).flat()).isTrue();
        assertThat(Flatness.of("p99", "ms", every30s(t -> t < 900 ? 2 : 8), SOAK, 0.5, 5).flat()).isFalse();
    }

    @Test
    void a_figure_that_only_fell_is_flat() {
        assertThat(Flatness.of("latency", "ms", every30s(t -> 500 - t / 4), SOAK, 0.5, 5).flat()).isTrue();
    }

    @Test
    void a_figure_not_measured_in_a_quarter_gets_no_flat_verdict() {
        Flatness.Verdict verdict = Flatness.of("pool", "connections", every30s(t -> t > 800 ? Double.NaN : 10), SOAK,
                                               0.10, 2);

        assertThat(verdict.flat()).isFalse();
        assertThat(verdict.reason()).isEqualTo("not measured in both quarters");
    }

    @Test
    void bytes_per_event_are_compared_per_quarter_from_the_totals_at_the_quarters_ends() {
        List<Flatness.Point> events = every30s(t -> 1000 + 50 * t);
        List<Flatness.Point> steady = every30s(t -> 1e8 + 2000 * 50 * t);
        List<Flatness.Point> accelerating = every30s(t -> 1e8 + 2000 * 50 * t * (t / 400));

        Flatness.Verdict flat = Flatness.ofGrowth("data", "bytes/event", steady, events, SOAK, 0.5, 64);
        Flatness.Verdict grows = Flatness.ofGrowth("data", "bytes/event", accelerating, events, SOAK, 0.5, 64);

        assertThat(flat.flat()).isTrue();
        assertThat(flat.secondQuarter()).isEqualTo(2000);
        assertThat(flat.lastQuarter()).isEqualTo(2000);
        assertThat(grows.flat()).isFalse();
        assertThat(grows.lastQuarter()).isGreaterThan(2 * grows.secondQuarter());
    }
}
