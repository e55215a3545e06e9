package vn.province.govtrack.query.history;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored event as an auditor sees it.
 *
 * @param position the global position; null only if the store did not report one
 * @param sequence the event's number within its aggregate's stream, from 0
 * @param type     the payload type's simple name, e.g. {@code DossierReceivedEvent}
 * @param revision the payload type's revision ({@code @Revision})
 * @param metadata everything recorded with the event: actor, correlationId, causationId, ...
 */
record HistoryEvent(Long position, String aggregateId, String aggregateType, Long sequence, String eventId,
                    String type, String revision, OffsetDateTime timestamp, JsonNode payload, JsonNode metadata) {
}
