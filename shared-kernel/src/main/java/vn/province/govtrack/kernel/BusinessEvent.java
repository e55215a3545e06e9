package vn.province.govtrack.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * An event of the published language, which says when what it records happened in the business's
 * terms: its business time. Every event of the kernel implements it (a test says so), so that "the state
 * as of 16 July" is answered by when things happened, not by when the store recorded them; an imported
 * history is recorded long after it happened, and a backdated step after later ones.
 *
 * <p>An event that carries an instant of its own ({@code receivedAt}, {@code transferredAt}, ...) happened
 * then; one that carries an effective date (a transfer's {@code effectiveDate}, a quota's, a training's
 * {@code completedOn}, ...) happened at the start of that day in the business zone. An event that carries
 * no time (a unit registered, a year's holidays set: each "from now on") answers
 * empty: it happened when it was decided, which is its message's timestamp.
 *
 * <p>The method takes a parameter, so JSON mappers never take it for a property: implementing this
 * interface changes no event's stored JSON (a test checks that too).
 */
public interface BusinessEvent {

    /**
     * When what the event records happened; empty when the event carries no time of its own and so
     * happened when it was decided (its message's timestamp).
     *
     * @param businessZone the zone whose days the event's dates name (Asia/Ho_Chi_Minh)
     */
    Optional<Instant> occurredAt(ZoneId businessZone);

    /** The first instant of {@code day} in {@code businessZone}: when an event effective on that day happened. */
    static Optional<Instant> startOf(LocalDate day, ZoneId businessZone) {
        return Optional.of(day.atStartOfDay(businessZone).toInstant());
    }
}
