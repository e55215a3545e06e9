package vn.province.govtrack.simulator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LagSeriesTest {

    @Test
    void a_projection_lags_by_how_long_its_oldest_unprocessed_event_has_been_in_the_log() {
        LagSeries series = new LagSeries();

        series.add(0, 0, Map.of("dossiers", 0L));
        series.add(1, 100, Map.of("dossiers", 0L));    // position 1 first seen at t=1: lag 0
        series.add(2, 200, Map.of("dossiers", 50L));   // position 51 first seen at t=1: lag 1
        series.add(3, 300, Map.of("dossiers", 150L));  // position 151 first seen at t=2: lag 1
        series.add(4, 300, Map.of("dossiers", 200L));  // position 201 first seen at t=3: lag 1
        series.add(5, 300, Map.of("dossiers", 200L));  // still at 200: lag 2
        series.add(6, 300, Map.of("dossiers", 300L));  // at the head: 0

        DemoResults.Lag lag = series.lag();
        assertThat(lag.sampledSeconds()).isEqualTo(6);
        assertThat(lag.byProjection().get("dossiers")).isEqualTo(new DemoResults.Spread(7, 1, 2, 2));
    }

    @Test
    void a_projection_past_the_head_of_its_sample_does_not_lag_and_every_projection_counts_in_the_total() {
        LagSeries series = new LagSeries();

        series.add(10, 5, Map.of("staff", 5L, "timeliness", 0L));
        series.add(11, 5, Map.of("staff", 6L, "timeliness", 0L));
        series.add(14, 5, Map.of("staff", 5L, "timeliness", 4L));

        DemoResults.Lag lag = series.lag();
        assertThat(lag.byProjection().get("staff").max()).isZero();
        // the head was at 5 from the first sample (t=10): position 1 and position 5 have waited since then
        assertThat(lag.byProjection().get("timeliness").max()).isEqualTo(4);
        assertThat(lag.all().samples()).isEqualTo(6);
        assertThat(lag.all().max()).isEqualTo(4);
    }

    @Test
    void no_sample_no_lag() {
        DemoResults.Lag lag = new LagSeries().lag();

        assertThat(lag.byProjection()).isEmpty();
        assertThat(lag.all()).isEqualTo(DemoResults.Spread.NONE);
    }

    @Test
    void percentiles_are_nearest_rank() {
        double[] sorted = new double[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }

        assertThat(Percentiles.of(sorted, 0.5)).isEqualTo(50);
        assertThat(Percentiles.of(sorted, 0.99)).isEqualTo(99);
        assertThat(Percentiles.spread(List.of(3.0, 1.0, 2.0))).isEqualTo(new DemoResults.Spread(3, 2, 3, 3));
    }
}
