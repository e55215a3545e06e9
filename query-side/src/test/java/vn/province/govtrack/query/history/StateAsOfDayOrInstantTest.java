package vn.province.govtrack.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.web.ProblemException;

/** {@code asOf} on a stream's state: a day means its end in the business zone, an instant itself. */
class StateAsOfDayOrInstantTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void a_day_includes_its_last_instant_in_the_business_zone_and_not_the_next_midnight() {
        AsOf sixteenth = AsOf.parse("2025-07-16", VIETNAM);

        assertThat(sixteenth.toString()).isEqualTo("2025-07-16");
        assertThat(sixteenth.includes(Instant.parse("2025-07-16T16:59:59.999999999Z"))).isTrue();
        assertThat(sixteenth.includes(Instant.parse("2025-07-16T17:00:00Z"))).as("midnight of the 17th in Hanoi").isFalse();
    }

    @Test
    void an_instant_includes_itself_and_is_shown_in_the_business_zone() {
        AsOf afternoon = AsOf.parse("2025-07-16T10:00:00Z", VIETNAM);

        assertThat(afternoon.toString()).isEqualTo("2025-07-16T17:00:00+07:00");
        assertThat(afternoon.includes(Instant.parse("2025-07-16T10:00:00Z"))).isTrue();
        assertThat(afternoon.includes(Instant.parse("2025-07-16T10:00:00.000000001Z"))).isFalse();
    }

    @Test
    void now_includes_what_happened_up_to_this_instant() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T03:00:00Z"), VIETNAM);

        AsOf now = AsOf.now(clock);

        assertThat(now.toString()).isEqualTo("2026-01-05T10:00:00+07:00");
        assertThat(now.includes(clock.instant())).isTrue();
        assertThat(now.includes(clock.instant().plusNanos(1))).isFalse();
    }

    @Test
    void anything_else_is_invalid_input_naming_both_forms() {
        for (String malformed : new String[] {"2025-07-32", "16/07/2025", "2025-07-16T17:00", "", "+999999999-12-31"}) {
            assertThatThrownBy(() -> AsOf.parse(malformed, VIETNAM)).as(malformed)
                    .isInstanceOf(ProblemException.class)
                    .hasMessageContaining("a day YYYY-MM-DD").hasMessageContaining("an ISO-8601 instant with offset");
        }
    }
}
