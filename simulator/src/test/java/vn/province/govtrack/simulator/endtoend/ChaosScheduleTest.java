package vn.province.govtrack.simulator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ChaosScheduleTest {

    private static final List<String> TARGETS = List.of("mongo", "command", "query");

    @Test
    void the_same_seed_draws_the_same_kills_and_another_seed_other_ones() {
        assertThat(Chaos.schedule(new Random(7), TARGETS, 3, 2)).isEqualTo(Chaos.schedule(new Random(7), TARGETS, 3, 2));
        assertThat(Chaos.schedule(new Random(8), TARGETS, 3, 2)).isNotEqualTo(Chaos.schedule(new Random(7), TARGETS, 3, 2));
    }

    @Test
    void each_target_is_killed_as_often_as_asked_and_a_service_on_one_of_its_instances() {
        List<Chaos.Kill> kills = Chaos.schedule(new Random(42), TARGETS, 3, 2);

        Map<String, Long> byTarget = kills.stream()
                .collect(Collectors.groupingBy(kill -> kill.part().replaceAll("-\\d+$", ""), Collectors.counting()));
        assertThat(byTarget).containsExactlyInAnyOrderEntriesOf(Map.of("mongo", 3L, "command", 3L, "query", 3L));
        assertThat(kills).extracting(Chaos.Kill::part)
                         .allMatch(part -> List.of("mongo", "command-1", "command-2", "query-1", "query-2").contains(part));
    }

    @Test
    void pauses_and_times_dead_stay_within_their_bounds() {
        for (long seed = 0; seed < 50; seed++) {
            assertThat(Chaos.schedule(new Random(seed), TARGETS, 3, 2)).allSatisfy(kill -> {
                assertThat(kill.pauseMillis()).isBetween(500L, 3_999L);
                assertThat(kill.downMillis()).isBetween(200L, 2_999L);
            });
        }
    }
}
