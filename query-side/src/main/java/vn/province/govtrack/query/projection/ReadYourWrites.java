package vn.province.govtrack.query.projection;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.province.govtrack.web.FilterProblems;
import vn.province.govtrack.web.ProblemType;

/**
 * Gives every {@link ProjectionQuery} endpoint read-your-writes: before the handler runs it waits
 * until the projection (each of them, for an endpoint that reads several) has processed {@code minPosition} (query parameter, or header
 * {@code X-Min-Position}; the larger wins), at most {@link ConsistencyProperties#maxWait()}.
 *
 * <p>It never fails for lack of progress: after the wait the query answers from the current read
 * model, with {@code X-Projection-Stale: true} when the position was not reached. The
 * {@code X-Projection-Position} header holds the position read before the handler ran, so the
 * answer reflects at least that position; during a rebuild the read model starts over from the first
 * event and its position with it.
 *
 * <p>With {@code knownAt} ({@link KnownAt}) the position the store had recorded at that instant is a
 * minimum too, and one the answer cannot do without: a read model behind it would leave out events that
 * were known then. When the wait runs out first the query is answered 503 {@code unavailable} with
 * {@code Retry-After}, never from a read model that is behind.
 */
@Component
class ReadYourWrites implements HandlerInterceptor {

    private static final String MIN_POSITION_PARAMETER = "minPosition";
    private static final String MIN_POSITION_HEADER = "X-Min-Position";
    private static final String POSITION_HEADER = "X-Projection-Position";
    private static final String STALE_HEADER = "X-Projection-Stale";

    private final ProjectionPositions positions;
    private final ConsistencyProperties properties;
    private final Clock clock;

    ReadYourWrites(ProjectionPositions positions, ConsistencyProperties properties, Clock clock) {
        this.positions = positions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(ProjectionQuery.class)) {
            return true;
        }
        ProjectionQuery query = method.getMethodAnnotation(ProjectionQuery.class);
        String[] sources = query.value();
        long position = recent(sources);
        response.setHeader(POSITION_HEADER, Long.toString(position));
        long minPosition = Math.max(parse(request.getParameter(MIN_POSITION_PARAMETER), MIN_POSITION_PARAMETER),
                parse(request.getHeader(MIN_POSITION_HEADER), MIN_POSITION_HEADER));
        String knownAt = request.getParameter(KnownAt.PARAMETER);
        long knownPosition = -1;
        if (knownAt != null && !knownAt.isBlank()) {
            if (!query.knownAt()) {
                throw ProblemType.INVALID_INPUT.exception("knownAt is not answered here: this endpoint's read model "
                        + "keeps only what the store knows now. Reports as known at an instant: /timeliness, "
                        + "/timeliness/ranking, /index-766 (and its ranking and evidence), /personnel/audit, "
                        + "/personnel/rebalancing, /audit/streams/{id}/state");
            }
            knownPosition = positions.positionRecordedBy(KnownAt.instant(knownAt, clock));
            KnownAt.remember(request, knownPosition);
            response.setHeader(KnownAt.POSITION_HEADER, Long.toString(knownPosition));
            minPosition = Math.max(minPosition, knownPosition);
        }
        if (position < minPosition) {
            position = awaitPosition(sources, minPosition);
            response.setHeader(POSITION_HEADER, Long.toString(position));
        }
        if (position < knownPosition) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            throw ProblemType.UNAVAILABLE.exception("The read model has processed the log up to position " + position
                    + "; knownAt needs position " + knownPosition + ". Retry shortly.");
        }
        if (position < minPosition) {
            response.setHeader(STALE_HEADER, "true");
            FilterProblems.addToAnyProblem(request,
                    Map.of("requestedPosition", minPosition, "projectionPosition", position));
        }
        return true;
    }

    /** The position of the read model furthest behind: the answer reflects at least that much of the log. */
    private long recent(String[] sources) {
        long position = Long.MAX_VALUE;
        for (String source : sources) {
            position = Math.min(position, positions.recent(source));
        }
        return position;
    }

    private long awaitPosition(String[] sources, long minPosition) {
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        long position = recent(sources);
        while (position < minPosition && System.nanoTime() < deadline) {
            try {
                long pause = Math.min(properties.pollInterval().toNanos(), deadline - System.nanoTime());
                TimeUnit.NANOSECONDS.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return position;
            }
            position = recent(sources);
        }
        return position;
    }

    private static long parse(String value, String name) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below like any other out-of-range value
        }
        throw ProblemType.INVALID_INPUT.exception(name + " must be a global event position, a whole number >= 0; got '"
                + value + "'");
    }
}
