package vn.province.govtrack.query.staff;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;

import vn.province.govtrack.query.web.Problems;

/** The {@code asOf} day of staff and personnel queries: a date YYYY-MM-DD in the business zone. */
public final class BusinessDays {

    private BusinessDays() {
    }

    /** {@code asOf} read as a date, or today by {@code clock} (whose zone is the business zone) when absent. */
    public static LocalDate asOf(String asOf, Clock clock) {
        if (asOf == null) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(asOf.trim());
        } catch (DateTimeException e) {
            throw Problems.invalidParameter("asOf must be a date YYYY-MM-DD, e.g. 2025-07-16; got '" + asOf + "'");
        }
    }
}
