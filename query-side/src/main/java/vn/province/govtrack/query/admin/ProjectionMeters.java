package vn.province.govtrack.query.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import vn.province.govtrack.eventstore.MongoEventStorageEngine;

/**
 * Each projection's progress as gauges, tagged {@code projection} with its processor's name: what
 * {@code GET /api/v1/admin/projections} shows ({@link Projections#all}), and how far behind the head it is.
 *
 * <ul>
 *   <li>{@value #LAG_EVENTS}: the head position minus the projection's position, 0 when caught up;</li>
 *   <li>{@value #LAG_SECONDS}: for a projection behind the head, the seconds since the store recorded the
 *       first event it has not handled yet (the commit holding its position + 1), by this instance's clock;
 *       0 when caught up. It grows by a second a second while the projection stands still, and says how
 *       stale its answers can be;</li>
 *   <li>{@value #POSITION}, {@value #PROGRESS} (0–100, as in the list), {@value #REPLAYING} (1 while a
 *       rebuild's replay has not reached where it started, else 0);</li>
 *   <li>{@value #STATE}, tagged {@code state} too: 1 for the state the projection is in (RESETTING,
 *       REQUESTED, STOPPED, ERROR, REPLAYING, CATCHING_UP, CAUGHT_UP), 0 for the others.</li>
 * </ul>
 *
 * <p>Positions come from the shared token store, so every instance reports the same values but for the
 * timeliness index, which each instance keeps for itself. A scrape reads every gauge within a moment: all
 * are answered from one reading of the projections, taken at most once per {@link #REUSE}, which costs what
 * one {@code GET /api/v1/admin/projections} costs (the head, the rebuild requests, every position in one query
 * of the token store, each projection's count of parked events) plus, for a projection whose position moved
 * while it is behind, one indexed lookup of the recording time of its next event (kept while the position
 * stays).
 * Without an answer from the database the gauges read NaN.
 */
@Component
class ProjectionMeters {

    static final String LAG_EVENTS = "govtrack.projection.lag.events";
    static final String LAG_SECONDS = "govtrack.projection.lag.seconds";
    static final String POSITION = "govtrack.projection.position";
    static final String PROGRESS = "govtrack.projection.progress";
    static final String REPLAYING = "govtrack.projection.replaying";
    static final String STATE = "govtrack.projection.state";
    static final Duration REUSE = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ProjectionMeters.class);

    private final Projections projections;
    private final MongoEventStorageEngine engine;
    private final MeterRegistry registry;
    private final Clock clock;
    /** Per projection, the recording time of the event after its position, for that position. */
    private final Map<String, NextEvent> nextEvents = new ConcurrentHashMap<>();
    private Reading reading;

    ProjectionMeters(Projections projections, MongoEventStorageEngine engine, MeterRegistry registry, Clock clock) {
        this.projections = projections;
        this.engine = engine;
        this.registry = registry;
        this.clock = clock;
    }

    /** Once the processors are configured and started. */
    @EventListener(ApplicationStartedEvent.class)
    void register() {
        for (String name : projections.names()) {
            gauge(LAG_EVENTS, name, "Events the projection is behind the head", status -> status.lagEvents);
            gauge(LAG_SECONDS, name, "Seconds since the first event the projection has not handled was recorded",
                  status -> status.lagSeconds);
            gauge(POSITION, name, "The global position the projection has processed up to",
                  status -> status.status.position());
            gauge(PROGRESS, name, "0-100: the projection's position as a share of the head",
                  status -> status.status.progress());
            gauge(REPLAYING, name, "1 while a rebuild's replay is under way", status -> status.status.replaying() ? 1 : 0);
            for (String state : Projections.STATES) {
                Gauge.builder(STATE, this, meters -> meters.value(name, status -> state.equals(status.status.state()) ? 1 : 0))
                     .description("1 for the state the projection is in, 0 for the others")
                     .tag("projection", name).tag("state", state)
                     .register(registry);
            }
        }
    }

    private void gauge(String meter, String projection, String description, ToDoubleFunction<Measured> value) {
        Gauge.builder(meter, this, meters -> meters.value(projection, value))
             .description(description).tag("projection", projection)
             .register(registry);
    }

    private double value(String projection, ToDoubleFunction<Measured> value) {
        Measured measured = current().get(projection);
        return measured == null ? Double.NaN : value.applyAsDouble(measured);
    }

    /**
     * The projections as read at most {@link #REUSE} ago; empty if the database did not answer. A reading
     * is dated when it ends, a failed one too: a read that took seconds while the database was out of
     * reach is not made again by each of the scrape's gauges.
     */
    private synchronized Map<String, Measured> current() {
        if (reading == null || System.nanoTime() - reading.readAtNanos() >= REUSE.toNanos()) {
            Map<String, Measured> projections = read();
            reading = new Reading(System.nanoTime(), projections);
        }
        return reading.projections();
    }

    private Map<String, Measured> read() {
        try {
            Instant now = clock.instant();
            return projections.all().stream().collect(Collectors.toMap(ProjectionStatus::name,
                                                                      status -> measured(status, now)));
        } catch (RuntimeException unavailable) {
            log.debug("No reading of the projections for their gauges", unavailable);
            return Map.of();
        }
    }

    private Measured measured(ProjectionStatus status, Instant now) {
        long behind = Math.max(0, status.headPosition() - status.position());
        if (behind == 0) {
            nextEvents.remove(status.name());
            return new Measured(status, 0, 0);
        }
        long next = status.position() + 1;
        NextEvent known = nextEvents.get(status.name());
        if (known == null || known.position() != next) {
            known = new NextEvent(next, engine.recordedAt(next));
            nextEvents.put(status.name(), known);
        }
        double seconds = known.recordedAt()
                              .map(recorded -> Math.max(0, Duration.between(recorded, now).toMillis() / 1000.0))
                              .orElse(Double.NaN);
        return new Measured(status, behind, seconds);
    }

    private record Measured(ProjectionStatus status, long lagEvents, double lagSeconds) {
    }

    private record NextEvent(long position, Optional<Instant> recordedAt) {
    }

    private record Reading(long readAtNanos, Map<String, Measured> projections) {
    }
}
