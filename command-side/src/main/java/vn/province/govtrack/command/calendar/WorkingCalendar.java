package vn.province.govtrack.command.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * Counts working time the way the deadline rules do: working days are Monday to Friday minus
 * the year's holidays, and only the {@link WorkingHours} sessions of those days count.
 *
 * <p>Pure Java; the holidays come in through {@link Holidays}, asked at most once per year per
 * instance, so an instance is meant for one decision (it is not thread-safe).
 */
public final class WorkingCalendar {

    /** One working day, in working hours, as the portal counts processing days. */
    public static final int HOURS_PER_WORKING_DAY = 8;

    private final WorkingHours hours;
    private final Holidays holidays;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new HashMap<>();

    /** The non-working days besides weekends, by year; an empty set when none were set. */
    @FunctionalInterface
    public interface Holidays {
        Set<LocalDate> of(int year);
    }

    public WorkingCalendar(WorkingHours hours, Holidays holidays) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
    }

    public ZoneId zone() {
        return hours.zone();
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY
                && !holidaysByYear.computeIfAbsent(day.getYear(), holidays::of).contains(day);
    }

    /**
     * The first working instant counted for a dossier received at {@code receivedAt}. Received on
     * a working day at or before {@code cutoff}, the clock starts then (or at the next session's
     * start, if the office is closed at that moment); received after the cut-off or on a
     * non-working day, it starts at the opening of the next working day.
     */
    public Instant clockStart(Instant receivedAt, LocalTime cutoff) {
        LocalDateTime received = local(receivedAt);
        boolean countsFromToday = isWorkingDay(received.toLocalDate()) && !received.toLocalTime().isAfter(cutoff);
        LocalDateTime start = countsFromToday
                ? firstWorkingMomentFrom(received)
                : openingOf(nextWorkingDayAfter(received.toLocalDate()));
        return instant(start);
    }

    /**
     * The instant at which {@code workingHours} of working time have elapsed from {@code from}.
     * When the time runs out exactly at the end of a session, that end is the answer (a one-day
     * procedure started at opening is due at closing the same day).
     */
    public Instant plusWorkingHours(Instant from, int workingHours) {
        if (workingHours < 0) {
            throw new IllegalArgumentException("working hours must not be negative: " + workingHours);
        }
        return plusWorkingTime(from, Duration.ofHours(workingHours));
    }

    /**
     * The instant at which {@code workingTime} of working time has elapsed from {@code from}, as
     * {@link #plusWorkingHours}; zero leaves {@code from} as it is. This is how a due date moves by
     * the working time a supplement request paused the clock for.
     */
    public Instant plusWorkingTime(Instant from, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + workingTime);
        }
        if (workingTime.isZero()) {
            return from;
        }
        Duration remaining = workingTime;
        LocalDateTime cursor = firstWorkingMomentFrom(local(from));
        while (true) {
            WorkingHours.Session session = sessionContaining(cursor.toLocalTime());
            Duration available = Duration.between(cursor.toLocalTime(), session.end());
            if (remaining.compareTo(available) <= 0) {
                return instant(cursor.plus(remaining));
            }
            remaining = remaining.minus(available);
            cursor = firstWorkingMomentFrom(cursor.toLocalDate().atTime(session.end()));
        }
    }

    /** The working time within {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime start = local(from);
        LocalDateTime end = local(to);
        Duration total = Duration.ZERO;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingHours.Session session : hours.sessions()) {
                LocalDateTime sessionStart = latest(day.atTime(session.start()), start);
                LocalDateTime sessionEnd = earliest(day.atTime(session.end()), end);
                if (sessionStart.isBefore(sessionEnd)) {
                    total = total.plus(Duration.between(sessionStart, sessionEnd));
                }
            }
        }
        return total;
    }

    /** Working days elapsed, as the portal's avgProcessingDays counts them: working minutes / (8 × 60). */
    public double workingDaysBetween(Instant from, Instant to) {
        return workingTimeBetween(from, to).toMinutes() / (HOURS_PER_WORKING_DAY * 60.0);
    }

    /**
     * The progress verdict for processing that ended at {@code endedAt}: LATE after {@code dueAt};
     * otherwise EARLY when it ended on a day before the due date's day (in the business zone), and
     * ON_TIME on that day.
     */
    public Timeliness judge(Instant endedAt, Instant dueAt) {
        if (endedAt.isAfter(dueAt)) {
            return Timeliness.LATE;
        }
        return local(endedAt).toLocalDate().isBefore(local(dueAt).toLocalDate())
                ? Timeliness.EARLY
                : Timeliness.ON_TIME;
    }

    private LocalDateTime firstWorkingMomentFrom(LocalDateTime moment) {
        LocalDate day = moment.toLocalDate();
        if (isWorkingDay(day)) {
            for (WorkingHours.Session session : hours.sessions()) {
                if (moment.toLocalTime().isBefore(session.end())) {
                    return moment.toLocalTime().isBefore(session.start()) ? day.atTime(session.start()) : moment;
                }
            }
        }
        return openingOf(nextWorkingDayAfter(day));
    }

    /** Terminates: holidays are set per year within a bounded range, so a working day always follows. */
    private LocalDate nextWorkingDayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private WorkingHours.Session sessionContaining(LocalTime time) {
        return hours.sessions().stream()
                .filter(session -> !time.isBefore(session.start()) && time.isBefore(session.end()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(time + " is outside every working session"));
    }

    private LocalDateTime openingOf(LocalDate day) {
        return day.atTime(hours.opening());
    }

    private LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, hours.zone());
    }

    private Instant instant(LocalDateTime local) {
        return local.atZone(hours.zone()).toInstant();
    }

    private static LocalDateTime latest(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime earliest(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
