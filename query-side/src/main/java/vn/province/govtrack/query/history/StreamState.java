package vn.province.govtrack.query.history;

import java.time.OffsetDateTime;

/**
 * An aggregate's state rebuilt from the events selected by the two time axes, folded in sequence order.
 *
 * @param asOf            business time: the events that had happened by then (a day, or an instant); now
 *                        when the request named none
 * @param knownAt         recorded time, as the request named it (in the business zone): only the events the
 *                        store had recorded by then; null when the request named none (every event recorded)
 * @param knownAtPosition the last global position the store had recorded at {@code knownAt}; null without it
 * @param eventCount      how many events were folded in
 * @param lastApplied     the last event folded in, by sequence
 * @param fold            how {@code state} was built: {@code dossier} (the dossier projection's own fold,
 *                        so it reads like {@code GET /dossiers/{id}}) or {@code generic} (payload fields
 *                        merged in order, later events overriding earlier ones)
 */
record StreamState(String aggregateId, String aggregateType, AsOf asOf, OffsetDateTime knownAt, Long knownAtPosition,
                   int eventCount, LastApplied lastApplied, String fold, Object state) {

    /**
     * The last event folded into a state.
     *
     * @param position   its global position
     * @param sequence   its number within the stream, from 0: the state's version
     * @param occurredAt when it happened (business time, {@link HistoryEvent#occurredAt()})
     * @param timestamp  its message's timestamp ({@link HistoryEvent#timestamp()})
     */
    record LastApplied(Long position, long sequence, String type, OffsetDateTime occurredAt, OffsetDateTime timestamp) {
    }
}
