package vn.province.govtrack.query.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.province.govtrack.query.applicant.PersonalDataReader;
import vn.province.govtrack.query.dossier.DossierFold;
import vn.province.govtrack.query.dossier.DossierResponse;
import vn.province.govtrack.query.dossier.DossierResponses;
import vn.province.govtrack.query.dossier.DossierView;
import vn.province.govtrack.web.ProblemType;

/**
 * Rebuilds an aggregate's state from the events two time axes select. Business time ({@link AsOf}): the
 * events that had happened by then, by when they say they happened. Recorded time ({@link KnownBy}): the
 * events the store had recorded by an instant, i.e. up to the position it had reached then. Together:
 * what the store knew at {@code knownAt} about the state at {@code asOf}. A step recorded late with an
 * earlier business time (an import, a backdated correction) counts for every {@code asOf} after it
 * happened, and for no {@code knownAt} before it was recorded.
 *
 * <p>The selected events are folded in sequence order. Dossier streams go through {@link DossierFold},
 * the same function the projection applies, so a past state and the live read model cannot disagree
 * about what an event means; every other stream gets a generic fold of its payloads.
 */
@Component
class StateAsOf {

    private final HistoryEvents historyEvents;
    private final DossierResponses dossierResponses;

    StateAsOf(HistoryEvents historyEvents, DossierResponses dossierResponses) {
        this.historyEvents = historyEvents;
        this.dossierResponses = dossierResponses;
    }

    /**
     * The recorded-time axis: the events at or before {@code position}, the last the store had recorded at
     * {@code knownAt}.
     */
    record KnownBy(OffsetDateTime knownAt, long position) {
    }

    /**
     * @param stream  every event of the stream, in sequence order, at least one
     * @param knownBy null for every event recorded so far
     * @throws vn.province.govtrack.web.ProblemException 404 {@code stream-not-started} when the axes select
     *                                                   no event
     */
    StreamState of(String aggregateId, AsOf asOf, KnownBy knownBy, List<DomainEventMessage<?>> stream,
                   PersonalDataReader reader) {
        List<DomainEventMessage<?>> known = knownBy == null ? stream : recordedBy(aggregateId, knownBy, stream);
        List<DomainEventMessage<?>> applied = known.stream()
                                                   .filter(event -> asOf.includes(historyEvents.occurredAt(event)))
                                                   .toList();
        if (applied.isEmpty()) {
            Instant earliest = known.stream().map(historyEvents::occurredAt).min(Comparator.naturalOrder()).orElseThrow();
            throw ProblemType.STREAM_NOT_STARTED.exception("Nothing had happened in stream '" + aggregateId + "' by "
                    + asOf + "; its earliest event" + (knownBy == null ? "" : " recorded by " + knownBy.knownAt())
                    + " happened at " + historyEvents.inZone(earliest));
        }
        DomainEventMessage<?> last = applied.get(applied.size() - 1);
        Long position = HistoryEvents.positionOf(last);
        boolean dossier = applied.stream().anyMatch(event -> DossierFold.folds(event.getPayloadType()));
        Object state = dossier ? dossierState(aggregateId, applied, position, reader) : genericState(applied, reader);
        StreamState.LastApplied lastApplied = new StreamState.LastApplied(position, last.getSequenceNumber(),
                historyEvents.typeOf(last), historyEvents.inZone(historyEvents.occurredAt(last)),
                historyEvents.inZone(last.getTimestamp()));
        return new StreamState(aggregateId, last.getType(), asOf, knownBy == null ? null : knownBy.knownAt(),
                knownBy == null ? null : knownBy.position(), applied.size(), lastApplied,
                dossier ? "dossier" : "generic", state);
    }

    private static List<DomainEventMessage<?>> recordedBy(String aggregateId, KnownBy knownBy,
                                                          List<DomainEventMessage<?>> stream) {
        List<DomainEventMessage<?>> known = stream.stream().filter(event -> {
            Long position = HistoryEvents.positionOf(event);
            return position != null && position <= knownBy.position();
        }).toList();
        if (known.isEmpty()) {
            Long first = stream.stream().map(HistoryEvents::positionOf).filter(Objects::nonNull)
                               .min(Comparator.naturalOrder()).orElse(null);
            throw ProblemType.STREAM_NOT_STARTED.exception("Nothing of stream '" + aggregateId + "' was recorded by "
                    + knownBy.knownAt() + " (the store had recorded up to position " + knownBy.position()
                    + " then); its first event was recorded at position " + first);
        }
        return known;
    }

    /** The applicant as an auditor sees it now: opened at read time, so an erasure shows in every past state too. */
    private DossierResponse dossierState(String aggregateId, List<DomainEventMessage<?>> events, Long position,
                                         PersonalDataReader reader) {
        DossierView view = DossierFold.initial(aggregateId);
        for (DomainEventMessage<?> event : events) {
            view = DossierFold.evolve(view, event.getPayload());
        }
        return dossierResponses.of(view.atPosition(position == null ? 0 : position), reader);
    }

    private ObjectNode genericState(List<DomainEventMessage<?>> events, PersonalDataReader reader) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        for (HistoryEvent event : historyEvents.all(events, reader)) {
            JsonNode payload = event.payload();
            if (payload.isObject()) {
                state.setAll((ObjectNode) payload);
            } else {
                state.set("value", payload);
            }
        }
        return state;
    }
}
