package vn.province.govtrack.query.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.province.govtrack.kernel.staff.StaffEvent;
import vn.province.govtrack.query.staff.Recorded;
import vn.province.govtrack.query.staff.StaffFold;
import vn.province.govtrack.query.staff.StaffRecord;

/**
 * {@link StaffRecord#periodsKnownAt}, read off the whole record, gives at every position the periods of the
 * record folded from the events up to that position alone: for every person of random histories
 * ({@link RandomPersonnelHistory}) and every position of the history. Pure: no database.
 */
class PeriodsKnownAtPropertyTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void the_periods_known_at_each_position_are_those_of_the_events_up_to_it(long seed) {
        List<Object> history = RandomPersonnelHistory.of(new Random(seed), 3, 6, 200);
        Map<String, List<Object>> byPerson = new LinkedHashMap<>();
        Map<String, List<Long>> positions = new LinkedHashMap<>();
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i) instanceof StaffEvent event) {
                byPerson.computeIfAbsent(event.staffId(), id -> new ArrayList<>()).add(event);
                positions.computeIfAbsent(event.staffId(), id -> new ArrayList<>()).add(i + 1L);
            }
        }
        byPerson.forEach((staffId, events) -> {
            List<Long> at = positions.get(staffId);
            StaffRecord whole = fold(staffId, events, at, Long.MAX_VALUE);
            for (long position = 0; position <= history.size(); position++) {
                assertThat(whole.periodsKnownAt(position))
                        .as("seed %d, %s known at %d", seed, staffId, position)
                        .isEqualTo(fold(staffId, events, at, position).periods());
            }
        });
    }

    private static StaffRecord fold(String staffId, List<Object> events, List<Long> positions, long upTo) {
        StaffRecord record = StaffFold.initial(staffId);
        for (int i = 0; i < events.size() && positions.get(i) <= upTo; i++) {
            record = StaffFold.evolve(record, events.get(i), new Recorded(positions.get(i), Instant.EPOCH, "hr"));
        }
        return record;
    }
}
