package vn.province.govtrack.query.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import vn.province.govtrack.web.ProblemException;
import vn.province.govtrack.web.ProblemType;


/**
 * Forms of query parameters, for Bean Validation; a value of another form is a 400. Path ids are not
 * constrained: any string is looked up as it is, and one no resource can have is simply not found (404).
 */
public final class QueryParameters {

    /** Unit codes and fields: the alphabet the command side accepts for codes (empty: absent). */
    public static final String CODE = "[A-Za-z0-9._-]{0,64}";

    /** The longest date, date-time or keyword parameter worth parsing. */
    public static final int MAX_TIME = 64;

    private QueryParameters() {
    }

    /**
     * The parameter {@code name} read as an ISO-8601 instant with offset. A '+' of an offset arrives as
     * a space when the client did not URL-encode it; it is read as the '+' meant. Instants too far out to
     * be shown in {@code businessZone} are rejected like malformed ones.
     *
     * @throws ProblemException 400 {@code invalid-input}
     */
    public static Instant instant(String name, String value, ZoneId businessZone) {
        try {
            Instant instant = OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
            instant.atZone(businessZone);
            return instant;
        } catch (DateTimeException e) {
            throw ProblemType.INVALID_INPUT.exception(name + " must be an ISO-8601 instant with offset, e.g. "
                    + "2025-07-16T17:00:00+07:00 or 2025-07-16T10:00:00Z; got '" + value + "'");
        }
    }
}
