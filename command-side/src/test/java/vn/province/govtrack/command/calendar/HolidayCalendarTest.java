package vn.province.govtrack.command.calendar;

import static java.time.LocalDate.parse;

import java.util.Arrays;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.kernel.calendar.HolidaysSetEvent;
import vn.province.govtrack.kernel.calendar.SetHolidaysCommand;

class HolidayCalendarTest {

    private FixtureConfiguration<HolidayCalendar> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HolidayCalendar.class);
    }

    @Test
    void theHolidaysOfAYearAreRecordedInOrderWithoutRepeats() {
        fixture.givenNoPriorActivity()
                .when(new SetHolidaysCommand(2025, List.of(parse("2025-09-02"), parse("2025-01-01"), parse("2025-09-02"))))
                .expectEvents(new HolidaysSetEvent(2025, List.of(parse("2025-01-01"), parse("2025-09-02"))))
                .expectResultMessagePayload(new HolidaysSetEvent(2025, List.of(parse("2025-01-01"), parse("2025-09-02"))));
    }

    @Test
    void settingTheHolidaysAgainReplacesThem() {
        fixture.given(new HolidaysSetEvent(2025, List.of(parse("2025-01-01"))))
                .when(new SetHolidaysCommand(2025, List.of(parse("2025-01-01"), parse("2025-09-01"))))
                .expectEvents(new HolidaysSetEvent(2025, List.of(parse("2025-01-01"), parse("2025-09-01"))));
    }

    @Test
    void aYearMayHaveNoHolidaysAtAll() {
        fixture.given(new HolidaysSetEvent(2025, List.of(parse("2025-01-01"))))
                .when(new SetHolidaysCommand(2025, List.of()))
                .expectEvents(new HolidaysSetEvent(2025, List.of()));
    }

    @Test
    void aHolidayOutsideTheYearIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SetHolidaysCommand(2025, List.of(parse("2025-01-01"), parse("2026-01-01"))))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("holidays of 2025 must lie in 2025: [2026-01-01]")
                .expectNoEvents();
    }

    @Test
    void aMissingDateIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SetHolidaysCommand(2025, Arrays.asList(parse("2025-01-01"), null)))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void aYearOutsideTheCalendarsRangeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SetHolidaysCommand(HolidayCalendar.LAST_YEAR + 1, List.of()))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }
}
