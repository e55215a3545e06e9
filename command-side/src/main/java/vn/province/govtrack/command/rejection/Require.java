package vn.province.govtrack.command.rejection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The presence checks a handler makes on command fields before deciding anything, and the business-time check. */
public final class Require {

    /** How far a caller's clock may run ahead of ours before its explicit time counts as the future. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** No business predates this; it also keeps the deadline arithmetic within the calendar's years. */
    public static final Instant EARLIEST_TIME = Instant.parse("2000-01-01T00:00:00Z");

    private Require() {
    }

    /** {@code value} when it has non-blank text, else an {@link InvalidCommandException} naming {@code field}. */
    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field + " must not be blank");
        }
        return value;
    }

    /** {@code value} when it is not null, else an {@link InvalidCommandException} naming {@code field}. */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidCommandException(field + " is required");
        }
        return value;
    }

    /**
     * A command's business time ({@code ...At}): the given one, for history imported after the fact, or now; never
     * in the future (beyond {@link #CLOCK_SKEW}) nor before {@link #EARLIEST_TIME}, else an
     * {@link InvalidCommandException} naming {@code field}.
     */
    public static Instant businessTime(Instant given, String field, Clock clock) {
        Instant now = clock.instant();
        Instant time = given != null ? given : now;
        if (time.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidCommandException(field + " " + time + " lies in the future");
        }
        if (time.isBefore(EARLIEST_TIME)) {
            throw new InvalidCommandException(field + " must not be before " + EARLIEST_TIME);
        }
        return time;
    }
}
