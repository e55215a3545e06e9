package vn.province.govtrack.kernel.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SecondmentDatesTest {

    private static final LocalDate FROM = LocalDate.of(2025, 7, 1);
    private static final LocalDate UNTIL = LocalDate.of(2025, 12, 31);
    private static final SecondmentDates SECOND_HALF = new SecondmentDates(FROM, UNTIL, null);

    @Test
    void aSecondmentStartingOnTheFirstOfJulyMayLastUntilTheThirtiethOfJuneThreeYearsLater() {
        assertThat(SecondmentDates.latestUntil(FROM)).isEqualTo(LocalDate.of(2028, 6, 30));
        assertThat(SecondmentDates.latestUntil(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2027, 2, 27));
    }

    @Test
    void anOpenSecondmentRunsFromItsFirstToItsLastDayBothIncluded() {
        assertThat(SECOND_HALF.lastDay()).isEqualTo(UNTIL);
        assertThat(SECOND_HALF.runsOn(FROM.minusDays(1))).isFalse();
        assertThat(SECOND_HALF.runsOn(FROM)).isTrue();
        assertThat(SECOND_HALF.runsOn(UNTIL)).isTrue();
        assertThat(SECOND_HALF.runsOn(UNTIL.plusDays(1))).isFalse();
        assertThat(SECOND_HALF.takesEffect()).isTrue();
    }

    @Test
    void anEndRecordedEarlyMakesTheEveOfTheFirstDayBackTheLastDay() {
        SecondmentDates endedEarly = SECOND_HALF.endedOn(LocalDate.of(2025, 10, 1));

        assertThat(endedEarly.lastDay()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(endedEarly.runsOn(LocalDate.of(2025, 9, 30))).isTrue();
        assertThat(endedEarly.runsOn(LocalDate.of(2025, 10, 1))).isFalse();
    }

    @Test
    void anEndRecordedAfterTheLastDayChangesNothing() {
        SecondmentDates expired = SECOND_HALF.endedOn(UNTIL.plusDays(1));
        SecondmentDates endedLate = SECOND_HALF.endedOn(UNTIL.plusDays(30));

        assertThat(expired.lastDay()).isEqualTo(UNTIL);
        assertThat(endedLate.lastDay()).isEqualTo(UNTIL);
        assertThat(endedLate.runsOn(UNTIL.plusDays(1))).isFalse();
    }

    @Test
    void anEndRecordedOnOrBeforeTheFirstDayCancelsTheSecondment() {
        SecondmentDates cancelled = SECOND_HALF.endedOn(FROM);

        assertThat(cancelled.takesEffect()).isFalse();
        assertThat(cancelled.lastDay()).isBefore(FROM);
        assertThat(cancelled.runsOn(FROM)).isFalse();
        assertThat(SECOND_HALF.endedOn(FROM.plusDays(1)).takesEffect()).isTrue();
    }
}
