package vn.province.govtrack.query.staff;

import java.time.Instant;

/**
 * Where and when an event was recorded, and by whom: what the history keeps besides the payload.
 *
 * @param position the event's global position
 * @param actor    the metadata's actor; null when the event carries none
 */
public record Recorded(long position, Instant at, String actor) {
}
