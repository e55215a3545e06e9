package vn.province.govtrack.query.staff;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;

import vn.province.govtrack.web.ProblemType;


/** The {@code asOf} day of staff and personnel queries: a date YYYY-MM-DD in the business zone. */
public final class BusinessDays {

    /** The range of dates the command side accepts on staff movements. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private BusinessDays() {
    }

    /** {@code asOf} read as a date, or today by {@code clock} (whose zone is the business zone) when absent. */
    public static LocalDate asOf(String asOf, Clock clock) {
        if (asOf == null) {
            return LocalDate.now(clock);
        }
        try {
            LocalDate day = LocalDate.parse(asOf.trim());
            if (!day.isBefore(EARLIEST) && !day.isAfter(LATEST)) {
                return day;
            }
        } catch (DateTimeException e) {
            // answered below like a date out of range
        }
        throw ProblemType.INVALID_INPUT.exception(
                "asOf must be a date YYYY-MM-DD between " + EARLIEST + " and " + LATEST
                                        + ", e.g. 2025-07-16; got '" + asOf + "'");
    }
}
