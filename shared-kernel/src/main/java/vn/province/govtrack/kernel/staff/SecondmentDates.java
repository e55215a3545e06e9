package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

/**
 * The date rules of a secondment (biệt phái), in one place for the command side, which decides with
 * them, and the query side, which reports with them. A secondment runs from {@code from} to
 * {@code until}, both days included, and lasts at most {@value #LONGEST_YEARS} years; a recorded end
 * ({@code endedOn}, the first day back) cuts it short, and an end on or before {@code from} means it
 * never took effect.
 *
 * @param from    the first day at the host unit
 * @param until   the last day at the host unit, as decided
 * @param endedOn the first day back at the home unit once an end is recorded; null while none is
 */
public record SecondmentDates(LocalDate from, LocalDate until, LocalDate endedOn) {

    /** A secondment lasts at most this many years. */
    public static final int LONGEST_YEARS = 3;

    /** The latest {@code until} a secondment starting on {@code from} may have: three years less a day later. */
    public static LocalDate latestUntil(LocalDate from) {
        return from.plusYears(LONGEST_YEARS).minusDays(1);
    }

    /** The same secondment with its end recorded on {@code day}, the first day back. */
    public SecondmentDates endedOn(LocalDate day) {
        return new SecondmentDates(from, until, day);
    }

    /** The last day at the host unit as recorded so far; before {@code from} when it never took effect. */
    public LocalDate lastDay() {
        return endedOn == null || endedOn.isAfter(until) ? until : endedOn.minusDays(1);
    }

    /** False for a secondment ended (cancelled) before its first day. */
    public boolean takesEffect() {
        return !lastDay().isBefore(from);
    }

    /** Whether the person works at the host unit on {@code day}. */
    public boolean runsOn(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(lastDay());
    }
}
