package vn.province.govtrack.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class InForceTest {

    record Decision(String name, LocalDate from) {
    }

    private static final Decision RECRUITED = new Decision("recruited", LocalDate.parse("2024-03-01"));
    private static final Decision TRANSFERRED = new Decision("transferred", LocalDate.parse("2024-09-01"));
    private static final Decision CORRECTED = new Decision("corrected", LocalDate.parse("2024-09-01"));
    private static final Decision BACKDATED = new Decision("backdated", LocalDate.parse("2024-06-01"));

    @Test
    void nothing_is_in_force_before_the_first_decision_takes_effect() {
        assertThat(InForce.on(LocalDate.parse("2024-02-29"), List.of(RECRUITED, TRANSFERRED), Decision::from)).isEmpty();
    }

    @Test
    void a_decision_is_in_force_from_its_effective_day_until_the_next_takes_effect() {
        List<Decision> recorded = List.of(RECRUITED, TRANSFERRED);
        assertThat(InForce.on(LocalDate.parse("2024-03-01"), recorded, Decision::from)).contains(RECRUITED);
        assertThat(InForce.on(LocalDate.parse("2024-08-31"), recorded, Decision::from)).contains(RECRUITED);
        assertThat(InForce.on(LocalDate.parse("2024-09-01"), recorded, Decision::from)).contains(TRANSFERRED);
    }

    @Test
    void of_two_effective_the_same_day_the_later_recorded_is_in_force() {
        assertThat(InForce.on(LocalDate.parse("2024-09-01"), List.of(RECRUITED, TRANSFERRED, CORRECTED), Decision::from))
                .contains(CORRECTED);
    }

    @Test
    void a_decision_recorded_later_but_effective_earlier_does_not_displace_a_later_effective_one() {
        List<Decision> recorded = List.of(RECRUITED, TRANSFERRED, BACKDATED);
        assertThat(InForce.on(LocalDate.parse("2024-07-01"), recorded, Decision::from)).contains(BACKDATED);
        assertThat(InForce.on(LocalDate.parse("2024-10-01"), recorded, Decision::from)).contains(TRANSFERRED);
    }
}
