package vn.province.govtrack.simulator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.simulator.benchmark.Growth.Trend;

class GrowthTest {

    @Test
    void a_figure_that_should_be_flat_is_flagged_only_when_it_moves_the_costly_way_beyond_the_tolerance() {
        assertThat(Growth.of(20, 26, Trend.FLAT_LOWER_IS_BETTER, 0)).isEqualTo(new Growth.Cell("×1.30 flat", false));
        assertThat(Growth.of(20, 64, Trend.FLAT_LOWER_IS_BETTER, 0)).isEqualTo(new Growth.Cell("×3.20 grows", true));
        assertThat(Growth.of(20, 5, Trend.FLAT_LOWER_IS_BETTER, 0)).isEqualTo(new Growth.Cell("×0.25 falls", false));
        assertThat(Growth.of(500, 120, Trend.FLAT_HIGHER_IS_BETTER, 0)).isEqualTo(new Growth.Cell("×0.24 falls", true));
        assertThat(Growth.of(500, 2000, Trend.FLAT_HIGHER_IS_BETTER, 0)).isEqualTo(new Growth.Cell("×4.00 grows", false));
    }

    @Test
    void a_change_within_the_figures_noise_is_flat_whatever_the_ratio() {
        assertThat(Growth.of(1.2, 3.4, Trend.FLAT_LOWER_IS_BETTER, 5)).isEqualTo(new Growth.Cell("×2.83 flat", false));
        assertThat(Growth.of(0, 0.5, Trend.FLAT_LOWER_IS_BETTER, 1)).isEqualTo(new Growth.Cell("flat", false));
        assertThat(Growth.of(0, 30, Trend.FLAT_LOWER_IS_BETTER, 1)).isEqualTo(new Growth.Cell("from 0", true));
    }

    @Test
    void figures_that_grow_with_the_data_show_the_ratio_only_and_a_missing_figure_shows_nothing() {
        assertThat(Growth.of(144_000, 1_440_000, Trend.SCALES, 0)).isEqualTo(new Growth.Cell("×10.0", false));
        assertThat(Growth.of(Double.NaN, 20_000, Trend.FLAT_HIGHER_IS_BETTER, 0)).isEqualTo(Growth.Cell.EMPTY);
        assertThat(Growth.of(0.8, 1.9, Trend.NONE, 0)).isEqualTo(Growth.Cell.EMPTY);
    }
}
