package vn.province.govtrack.query.projection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a query endpoint that answers from the named event processors' read models (or, with
 * {@link #EVENT_LOG}, straight from the event store); with several, the answer is as current as the one
 * furthest behind. Such an endpoint accepts {@code minPosition}
 * (or header {@code X-Min-Position}): the answer waits, bounded, until that position is processed.
 * Its response carries {@code X-Projection-Position}, a lower bound of what the answer reflects,
 * and {@code X-Projection-Stale: true} when the wait ran out first.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProjectionQuery {

    /** Pseudo-processor name for endpoints that read the event store itself: its position is the store's head. */
    String EVENT_LOG = "event-log";

    /** The event processors (processing groups) whose read models the endpoint reads. */
    String[] value();

    /**
     * Whether the endpoint answers {@code knownAt} ({@link KnownAt}): its read model keeps what it knew
     * at every position. Elsewhere {@code knownAt} is refused with 400, never answered with the present.
     */
    boolean knownAt() default false;
}
