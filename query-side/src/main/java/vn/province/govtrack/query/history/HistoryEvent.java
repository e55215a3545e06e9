package vn.province.govtrack.query.history;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored event as an auditor sees it. Its times, in the business zone:
 * <ul>
 *   <li>{@code occurredAt}, business time: when what it records happened, as the event says
 *       ({@link vn.province.govtrack.kernel.BusinessEvent}); what {@code asOf} selects by;</li>
 *   <li>{@code timestamp}: when the command side decided it and stamped its message; for a history
 *       imported or replayed with dated steps, the day of the import, not the day of the step;</li>
 *   <li>{@code recordedAt}, recorded time: when the store recorded the commit that holds it; what
 *       {@code knownAt} selects by (recording times never decrease along the log, so it goes by
 *       {@code position}).</li>
 * </ul>
 *
 * @param position   the global position; null only if the store did not report one
 * @param sequence   the event's number within its aggregate's stream, from 0
 * @param type       the payload type's simple name, e.g. {@code DossierReceivedEvent}
 * @param revision   the payload type's revision ({@code @Revision})
 * @param timestamp  the message's timestamp: when the event was decided
 * @param recordedAt when the store recorded it; null where the store has no recording time (commits
 *                   written before recording times were kept)
 * @param occurredAt when it happened; the timestamp for an event that carries no time of its own, or
 *                   whose payload this version cannot read
 * @param metadata   everything recorded with the event: actor, correlationId, causationId, ...
 */
record HistoryEvent(Long position, String aggregateId, String aggregateType, Long sequence, String eventId,
                    String type, String revision, OffsetDateTime timestamp, OffsetDateTime recordedAt,
                    OffsetDateTime occurredAt,
                    JsonNode payload, JsonNode metadata) {
}
