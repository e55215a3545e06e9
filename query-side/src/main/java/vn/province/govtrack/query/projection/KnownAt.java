package vn.province.govtrack.query.projection;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;

import vn.province.govtrack.query.web.QueryParameters;
import vn.province.govtrack.web.ProblemType;

/**
 * "As known at" an instant, the recorded-time axis of the audit queries: {@code knownAt=<instant>} on a
 * {@link ProjectionQuery} endpoint answers from the events the store had recorded by that instant, and
 * from no later one, backdated ones included. {@code asOf} and report periods are business time, the
 * instants the events say things happened; {@code knownAt} is when the store learnt of them.
 *
 * <p>{@link ReadYourWrites} turns the instant into a global position, the last the store had
 * recorded then ({@code MongoEventStorageEngine.positionRecordedBy}), waits until the endpoint's read
 * model has processed it, and leaves it in the request for the handler ({@link #position}) and in the
 * response header {@value #POSITION_HEADER}. Recording times never decrease along the log, so "recorded
 * by T" and "at or before that position" are the same events. The answer's body is the body the same
 * query had when asked at that instant: nothing in it says it was asked later.
 */
public final class KnownAt {

    public static final String PARAMETER = "knownAt";
    public static final String POSITION_HEADER = "X-Known-At-Position";
    private static final String POSITION_ATTRIBUTE = KnownAt.class.getName() + ".position";

    private KnownAt() {
    }

    /** The position that {@code knownAt} named for this request; empty when the request has no {@code knownAt}. */
    public static OptionalLong position(HttpServletRequest request) {
        Object position = request.getAttribute(POSITION_ATTRIBUTE);
        return position instanceof Long known ? OptionalLong.of(known) : OptionalLong.empty();
    }

    /** The instant {@code knownAt} names, checked: an ISO-8601 instant with offset, not in the future. */
    static Instant instant(String value, Clock clock) {
        Instant instant = QueryParameters.instant(PARAMETER, value, clock.getZone());
        if (instant.isAfter(clock.instant())) {
            throw ProblemType.INVALID_INPUT.exception("knownAt must not be in the future: the store cannot know "
                    + "what it has not recorded yet; got '" + value + "'");
        }
        return instant;
    }

    static void remember(HttpServletRequest request, long position) {
        request.setAttribute(POSITION_ATTRIBUTE, position);
    }
}
