package vn.province.govtrack.query.admin;

import java.time.OffsetDateTime;

/**
 * An event parked in a projection's dead-letter queue, as operators see it.
 *
 * @param id            what {@code POST /api/v1/admin/dead-letters/{id}/retry} takes
 * @param projection    the projection (processing group) whose handler failed
 * @param sequenceId    the sequence it belongs to: its stream (aggregate); later events of the stream wait behind it
 * @param indexInSequence its place in its sequence's queue, from 0 for the first parked
 * @param position      the event's global position
 * @param type          the payload type's simple name
 * @param causeType     the exception that parked it; null for an event queued behind an earlier one of its sequence
 * @param attempts      how many times handling it failed: before it was parked, and by retries since
 */
record DeadLetter(String id, String projection, String sequenceId, long indexInSequence, Long position,
                  String type, String eventId, String aggregateId, String causeType, String causeMessage,
                  boolean queuedBehind, OffsetDateTime enqueuedAt, OffsetDateTime lastTouched, int attempts) {
}
