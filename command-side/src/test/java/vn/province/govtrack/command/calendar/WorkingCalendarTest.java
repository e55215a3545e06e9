package vn.province.govtrack.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.dossier.Timeliness;

class WorkingCalendarTest {

    private static final LocalTime THREE_PM = LocalTime.of(15, 0);

    /** 2025: Hùng Kings' day (7 Apr), 30/4–1/5 with 2/5 off, National Day 1–2/9; 2026: New Year's Day. */
    private static final Map<Integer, Set<LocalDate>> HOLIDAYS = Map.of(
            2025, Set.of(LocalDate.parse("2025-04-07"), LocalDate.parse("2025-04-30"), LocalDate.parse("2025-05-01"),
                         LocalDate.parse("2025-05-02"), LocalDate.parse("2025-09-01"), LocalDate.parse("2025-09-02")),
            2026, Set.of(LocalDate.parse("2026-01-01")));

    private final List<Integer> yearsAsked = new ArrayList<>();
    private final WorkingCalendar calendar = new WorkingCalendar(WorkingHours.PROVINCE_DEFAULT, year -> {
        yearsAsked.add(year);
        return HOLIDAYS.getOrDefault(year, Set.of());
    });

    /** A local time in Asia/Ho_Chi_Minh. */
    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingHours.PROVINCE_DEFAULT.zone()).toInstant();
    }

    @Nested
    class TheClockStarts {

        @Test
        void atReceiptWhenReceivedOnAWorkingDayBeforeTheCutoff() {
            assertThat(calendar.clockStart(at("2025-07-01T09:30"), THREE_PM)).isEqualTo(at("2025-07-01T09:30"));
        }

        @Test
        void atReceiptWhenReceivedExactlyAtTheCutoff() {
            assertThat(calendar.clockStart(at("2025-07-01T15:00"), THREE_PM)).isEqualTo(at("2025-07-01T15:00"));
        }

        @Test
        void atTheNextWorkingDaysOpeningWhenReceivedAfterTheCutoff() {
            assertThat(calendar.clockStart(at("2025-07-01T15:01"), THREE_PM)).isEqualTo(at("2025-07-02T08:00"));
        }

        @Test
        void onMondayWhenReceivedOnFridayAfterTheCutoff() {
            assertThat(calendar.clockStart(at("2025-07-04T16:00"), THREE_PM)).isEqualTo(at("2025-07-07T08:00"));
        }

        @Test
        void onMondayWhenReceivedOnAWeekend() {
            assertThat(calendar.clockStart(at("2025-07-05T09:00"), THREE_PM)).isEqualTo(at("2025-07-07T08:00"));
            assertThat(calendar.clockStart(at("2025-07-06T10:00"), THREE_PM)).isEqualTo(at("2025-07-07T08:00"));
        }

        @Test
        void afterTheHolidaysWhenReceivedOnTheirEveAfterTheCutoff() {
            assertThat(calendar.clockStart(at("2025-08-29T15:30"), THREE_PM)).isEqualTo(at("2025-09-03T08:00"));
        }

        @Test
        void onTheNextWorkingDayWhenReceivedOnAHoliday() {
            assertThat(calendar.clockStart(at("2025-04-30T09:00"), THREE_PM)).isEqualTo(at("2025-05-05T08:00"));
        }

        @Test
        void atOpeningWhenReceivedBeforeTheOfficeOpens() {
            assertThat(calendar.clockStart(at("2025-07-01T07:15"), THREE_PM)).isEqualTo(at("2025-07-01T08:00"));
        }

        @Test
        void atTheAfternoonSessionWhenReceivedOverLunch() {
            assertThat(calendar.clockStart(at("2025-07-01T12:20"), THREE_PM)).isEqualTo(at("2025-07-01T13:00"));
        }

        @Test
        void inTheNewYearWhenReceivedOnNewYearsEveAfterTheCutoffWithNewYearsDayOff() {
            assertThat(calendar.clockStart(at("2025-12-31T16:00"), THREE_PM)).isEqualTo(at("2026-01-02T08:00"));
            assertThat(yearsAsked).contains(2025, 2026);
        }
    }

    @Nested
    class TheDueDate {

        @Test
        void ofOneWorkingDayFromOpeningIsClosingTheSameDay() {
            assertThat(calendar.plusWorkingHours(at("2025-07-01T08:00"), 8)).isEqualTo(at("2025-07-01T17:00"));
        }

        @Test
        void ofOneWorkingDayFromMidMorningIsTheSameTimeTheNextDay() {
            assertThat(calendar.plusWorkingHours(at("2025-07-01T10:00"), 8)).isEqualTo(at("2025-07-02T10:00"));
        }

        @Test
        void ofHalfADaySkipsTheLunchBreak() {
            assertThat(calendar.plusWorkingHours(at("2025-07-01T10:00"), 4)).isEqualTo(at("2025-07-01T15:00"));
        }

        @Test
        void ofHalfADayEndsAtNoonWhenStartedAtOpening() {
            assertThat(calendar.plusWorkingHours(at("2025-07-01T08:00"), 4)).isEqualTo(at("2025-07-01T12:00"));
        }

        @Test
        void skipsTheWeekend() {
            // Thursday 09:00: 7 h on Thursday, 8 h on Friday, 8 h on Monday, 1 h on Tuesday
            assertThat(calendar.plusWorkingHours(at("2025-07-03T09:00"), 24)).isEqualTo(at("2025-07-08T09:00"));
        }

        @Test
        void skipsHolidaysInTheMiddleOfProcessing() {
            // Tuesday 29 April 10:00: 6 h that day, then 30/4, 1/5, 2/5 and the weekend are off
            assertThat(calendar.plusWorkingHours(at("2025-04-29T10:00"), 8)).isEqualTo(at("2025-05-05T10:00"));
        }

        @Test
        void crossesTheYearBoundaryUsingTheNextYearsHolidays() {
            // Wednesday 31 December 13:00: 4 h that day, 1 January is off, 4 h on Friday 2 January
            assertThat(calendar.plusWorkingHours(at("2025-12-31T13:00"), 8)).isEqualTo(at("2026-01-02T12:00"));
        }

        @Test
        void countsFromTheNextWorkingMomentWhenStartedOutsideWorkingHours() {
            assertThat(calendar.plusWorkingHours(at("2025-07-05T11:00"), 2)).isEqualTo(at("2025-07-07T10:00"));
        }

        @Test
        void refusesNegativeHours() {
            assertThatThrownBy(() -> calendar.plusWorkingHours(at("2025-07-01T08:00"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class WorkingTime {

        @Test
        void countsOnlyWorkingSessions() {
            assertThat(calendar.workingTimeBetween(at("2025-07-01T10:00"), at("2025-07-01T14:30")))
                    .isEqualTo(Duration.ofMinutes(210));
        }

        @Test
        void leavesOutWeekendsAndHolidays() {
            // Friday 29 August 16:00 to Wednesday 3 September 09:00: 1 h + 1 h
            assertThat(calendar.workingTimeBetween(at("2025-08-29T16:00"), at("2025-09-03T09:00")))
                    .isEqualTo(Duration.ofHours(2));
        }

        @Test
        void isZeroWhenTheEndIsNotAfterTheStart() {
            assertThat(calendar.workingTimeBetween(at("2025-07-02T10:00"), at("2025-07-01T10:00"))).isZero();
        }

        @Test
        void inWorkingDaysIsWorkingHoursOverEight() {
            assertThat(calendar.workingDaysBetween(at("2025-07-01T08:00"), at("2025-07-02T10:00"))).isEqualTo(1.25);
        }
    }

    /** A supplement request pauses the clock; the due date then moves by the working time paused. */
    @Nested
    class APause {

        @Test
        void ofNoWorkingTimeLeavesTheDueDateEvenAtClosingTime() {
            assertThat(calendar.plusWorkingTime(at("2025-07-01T17:00"), Duration.ZERO)).isEqualTo(at("2025-07-01T17:00"));
        }

        @Test
        void spanningOnlyTheLunchBreakAndTheNightIsNoWorkingTime() {
            assertThat(calendar.workingTimeBetween(at("2025-07-01T12:05"), at("2025-07-01T12:55"))).isZero();
            assertThat(calendar.workingTimeBetween(at("2025-07-01T17:30"), at("2025-07-02T07:45"))).isZero();
        }

        @Test
        void movesADueDateAtClosingTimeIntoTheNextMorning() {
            assertThat(calendar.plusWorkingTime(at("2025-07-01T17:00"), Duration.ofHours(1))).isEqualTo(at("2025-07-02T09:00"));
        }

        @Test
        void ofHalfADayMovesTheDueDateOverTheLunchBreak() {
            assertThat(calendar.plusWorkingTime(at("2025-07-01T10:00"), Duration.ofHours(4))).isEqualTo(at("2025-07-01T15:00"));
        }

        @Test
        void ofMinutesMovesTheDueDateByMinutes() {
            assertThat(calendar.workingTimeBetween(at("2025-07-01T11:40"), at("2025-07-01T13:10")))
                    .isEqualTo(Duration.ofMinutes(30));
            assertThat(calendar.plusWorkingTime(at("2025-07-01T11:45"), Duration.ofMinutes(30)))
                    .isEqualTo(at("2025-07-01T13:15"));
        }

        @Test
        void overAWeekendCountsFridayAndMondayOnly() {
            Duration paused = calendar.workingTimeBetween(at("2025-07-04T15:00"), at("2025-07-07T10:30"));

            assertThat(paused).isEqualTo(Duration.ofMinutes(4 * 60 + 30));
            assertThat(calendar.plusWorkingTime(at("2025-07-08T16:00"), paused)).isEqualTo(at("2025-07-09T11:30"));
        }

        @Test
        void movesTheDueDateOverTheReunificationDayHolidays() {
            // Tuesday 29 April 16:00 + 3 h: 1 h that day, then 30/4, 1/5, 2/5 and the weekend are off
            assertThat(calendar.plusWorkingTime(at("2025-04-29T16:00"), Duration.ofHours(3))).isEqualTo(at("2025-05-05T10:00"));
        }

        @Test
        void acrossTheYearBoundaryLeavesOutNewYearsDay() {
            // New Year's Eve 15:00 to Friday 2 January 2026 10:00: 2 h + 2 h
            Duration paused = calendar.workingTimeBetween(at("2025-12-31T15:00"), at("2026-01-02T10:00"));

            assertThat(paused).isEqualTo(Duration.ofHours(4));
            assertThat(calendar.plusWorkingTime(at("2025-12-31T16:00"), paused)).isEqualTo(at("2026-01-02T11:00"));
            assertThat(yearsAsked).contains(2025, 2026);
        }

        @Test
        void refusesNegativeTime() {
            assertThatThrownBy(() -> calendar.plusWorkingTime(at("2025-07-01T08:00"), Duration.ofMinutes(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class TheVerdict {

        private final Instant dueAt = at("2025-07-08T10:00");

        @Test
        void isEarlyWhenProcessingEndsOnADayBeforeTheDueDatesDay() {
            assertThat(calendar.judge(at("2025-07-07T16:59"), dueAt)).isEqualTo(Timeliness.EARLY);
        }

        @Test
        void isEarlyWhenProcessingEndsOnTheWeekendBeforeTheDueDate() {
            assertThat(calendar.judge(at("2025-07-06T09:00"), dueAt)).isEqualTo(Timeliness.EARLY);
        }

        @Test
        void isOnTimeWhenProcessingEndsOnTheDueDatesDayBeforeTheDueTime() {
            assertThat(calendar.judge(at("2025-07-08T00:05"), dueAt)).isEqualTo(Timeliness.ON_TIME);
        }

        @Test
        void isOnTimeWhenProcessingEndsExactlyAtTheDueTime() {
            assertThat(calendar.judge(dueAt, dueAt)).isEqualTo(Timeliness.ON_TIME);
        }

        @Test
        void isLateOneMinuteAfterTheDueTime() {
            assertThat(calendar.judge(at("2025-07-08T10:01"), dueAt)).isEqualTo(Timeliness.LATE);
        }

        @Test
        void isLateOnLaterDays() {
            assertThat(calendar.judge(at("2025-07-09T08:00"), dueAt)).isEqualTo(Timeliness.LATE);
        }
    }
}
