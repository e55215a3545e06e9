package vn.province.govtrack.query.history;

import java.time.OffsetDateTime;

/**
 * An aggregate's state rebuilt from the events it had at {@code asOf}.
 *
 * @param fold         how {@code state} was built: {@code dossier} (the dossier projection's own fold,
 *                     so it reads like {@code GET /dossiers/{id}}) or {@code generic} (payload fields
 *                     merged in order, later events overriding earlier ones)
 * @param version      sequence number of the last event folded in
 * @param position     global position of the last event folded in
 */
record StreamState(String aggregateId, String aggregateType, OffsetDateTime asOf, String fold, long version,
                   Long position, int eventCount, String lastEventType, OffsetDateTime lastEventAt, Object state) {
}
