package vn.province.govtrack.query.history;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonValue;

import vn.province.govtrack.query.web.QueryParameters;
import vn.province.govtrack.web.ProblemException;
import vn.province.govtrack.web.ProblemType;

/**
 * The business-time axis of a state query ({@code asOf=}): the events that had happened by then, by
 * when they say they happened ({@link vn.province.govtrack.kernel.BusinessEvent}), whenever they were
 * recorded. An instant includes what happened at or before it; a day ({@code YYYY-MM-DD}) includes what
 * happened on or before it in the business zone, i.e. before the next midnight.
 *
 * @param shown as the answer echoes it: the day as asked, or the instant in the business zone
 * @param end   the first instant it does not include
 */
record AsOf(String shown, Instant end) {

    static final String PARAMETER = "asOf";

    /** Everything that has happened up to now. */
    static AsOf now(Clock clock) {
        Instant now = clock.instant();
        return new AsOf(shown(now, clock.getZone()), now.plusNanos(1));
    }

    /**
     * {@code value} read as a day {@code YYYY-MM-DD} (its end in {@code businessZone}) or an ISO-8601
     * instant with offset.
     *
     * @throws ProblemException 400 {@code invalid-input}
     */
    static AsOf parse(String value, ZoneId businessZone) {
        String trimmed = value.trim();
        try {
            if (trimmed.contains("T")) {
                Instant instant = QueryParameters.instant(PARAMETER, trimmed, businessZone);
                return new AsOf(shown(instant, businessZone), instant.plusNanos(1));
            }
            LocalDate day = LocalDate.parse(trimmed);
            return new AsOf(day.toString(), day.plusDays(1).atStartOfDay(businessZone).toInstant());
        } catch (DateTimeException | ProblemException e) {
            throw ProblemType.INVALID_INPUT.exception(PARAMETER + " must be a day YYYY-MM-DD (its end, in the business "
                    + "time zone) or an ISO-8601 instant with offset, e.g. 2025-07-16 or 2025-07-16T17:00:00+07:00; got '"
                    + value + "'");
        }
    }

    /** Whether an event that happened at {@code occurredAt} had happened by then. */
    boolean includes(Instant occurredAt) {
        return occurredAt.isBefore(end);
    }

    /** As every answer shows an instant: ISO-8601 in the business zone, seconds always given. */
    private static String shown(Instant instant, ZoneId businessZone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(businessZone).toOffsetDateTime());
    }

    @JsonValue
    @Override
    public String toString() {
        return shown;
    }
}
