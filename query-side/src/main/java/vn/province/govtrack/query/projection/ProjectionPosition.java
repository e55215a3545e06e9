package vn.province.govtrack.query.projection;

/**
 * How far an event processor got, as its stored tokens say.
 *
 * @param position  the global position up to which every event has been processed (the lowest over
 *                  its segments); 0 before the first event, or before the processor first ran
 * @param replaying whether a reset's replay has not yet reached the position it was reset at
 */
public record ProjectionPosition(long position, boolean replaying) {
}
