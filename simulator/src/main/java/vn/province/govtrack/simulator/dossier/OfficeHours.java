package vn.province.govtrack.simulator.dossier;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;

/**
 * When the simulated clerks and officers work: Monday to Friday minus the holidays, 08:00–12:00
 * and 13:00–17:00 in the province's zone (the command side's assumed office hours). The simulator
 * places desk work in these hours and estimates due dates by the deadline rules; the due dates
 * that count are the ones the command side answers.
 */
public final class OfficeHours {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalTime[] STARTS = {LocalTime.of(8, 0), LocalTime.of(13, 0)};
    private static final LocalTime[] ENDS = {LocalTime.of(12, 0), LocalTime.of(17, 0)};

    private final Set<LocalDate> holidays;

    public OfficeHours(Collection<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** {@code time} itself when the office is open then, else the next opening of a session. */
    public Instant nextWorkingMoment(Instant time) {
        return instant(firstWorkingMomentFrom(local(time)));
    }

    /** The instant at which {@code seconds} of working time have elapsed from {@code from}. */
    public Instant plusWorkingSeconds(Instant from, long seconds) {
        LocalDateTime cursor = firstWorkingMomentFrom(local(from));
        long remaining = Math.max(0, seconds);
        while (true) {
            LocalTime end = sessionEnd(cursor.toLocalTime());
            long available = Duration.between(cursor.toLocalTime(), end).toSeconds();
            if (remaining <= available) {
                return instant(cursor.plusSeconds(remaining));
            }
            remaining -= available;
            cursor = firstWorkingMomentFrom(cursor.toLocalDate().atTime(end));
        }
    }

    /** Working seconds within {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public long workingSecondsBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        LocalDateTime start = local(from);
        LocalDateTime end = local(to);
        long total = 0;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (int i = 0; i < STARTS.length; i++) {
                LocalDateTime sessionStart = latest(day.atTime(STARTS[i]), start);
                LocalDateTime sessionEnd = earliest(day.atTime(ENDS[i]), end);
                if (sessionStart.isBefore(sessionEnd)) {
                    total += Duration.between(sessionStart, sessionEnd).toSeconds();
                }
            }
        }
        return total;
    }

    /**
     * The deadline rule: received on a working day at or before the cut-off, the clock starts then
     * (or when the office next opens); otherwise at the next working day's opening. Due after
     * {@code processingHours} of working time.
     */
    public Instant estimatedDueAt(Instant receivedAt, LocalTime cutoff, int processingHours) {
        return plusWorkingSeconds(clockStart(receivedAt, cutoff), processingHours * 3600L);
    }

    /**
     * When the clock starts for a dossier received at {@code receivedAt}: then, or when the office next
     * opens, if that is on a working day at or before the cut-off; otherwise at the next working day's
     * opening.
     */
    public Instant clockStart(Instant receivedAt, LocalTime cutoff) {
        LocalDateTime received = local(receivedAt);
        boolean countsFromToday = isWorkingDay(received.toLocalDate()) && !received.toLocalTime().isAfter(cutoff);
        return countsFromToday ? nextWorkingMoment(receivedAt)
                : instant(nextWorkingDayAfter(received.toLocalDate()).atTime(STARTS[0]));
    }

    private LocalDateTime firstWorkingMomentFrom(LocalDateTime moment) {
        LocalDate day = moment.toLocalDate();
        if (isWorkingDay(day)) {
            for (int i = 0; i < STARTS.length; i++) {
                if (moment.toLocalTime().isBefore(ENDS[i])) {
                    return moment.toLocalTime().isBefore(STARTS[i]) ? day.atTime(STARTS[i]) : moment;
                }
            }
        }
        return nextWorkingDayAfter(day).atTime(STARTS[0]);
    }

    private LocalDate nextWorkingDayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static LocalTime sessionEnd(LocalTime time) {
        for (int i = 0; i < STARTS.length; i++) {
            if (!time.isBefore(STARTS[i]) && time.isBefore(ENDS[i])) {
                return ENDS[i];
            }
        }
        throw new IllegalStateException(time + " is outside office hours");
    }

    static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }

    static Instant instant(LocalDateTime local) {
        return local.atZone(ZONE).toInstant();
    }

    private static LocalDateTime latest(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime earliest(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
