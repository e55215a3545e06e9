package vn.province.govtrack.eventstore.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AppendMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AppendMeters meters = new AppendMeters(registry);

    @Test
    void each_commit_counts_once_its_events_count_each_and_its_time_is_recorded() {
        meters.committed(3, TimeUnit.MILLISECONDS.toNanos(4));
        meters.committed(1, TimeUnit.MILLISECONDS.toNanos(2));

        assertThat(registry.get(AppendMeters.COMMITS).counter().count()).isEqualTo(2);
        assertThat(registry.get(AppendMeters.EVENTS).counter().count()).isEqualTo(4);
        assertThat(registry.get(AppendMeters.APPEND).timer().count()).isEqualTo(2);
        assertThat(registry.get(AppendMeters.APPEND).timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6);
    }
}
