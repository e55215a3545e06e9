package vn.province.govtrack.query.history;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

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

/**
 * Rebuilds an aggregate's state from its events. Dossier streams go through {@link DossierFold}, the
 * same function the projection applies, so an as-of state and the live read model cannot disagree
 * about what an event means; every other stream gets a generic fold of its payloads.
 */
@Component
class StateAsOf {

    private final HistoryEvents historyEvents;
    private final DossierResponses dossierResponses;
    private final Clock clock;

    StateAsOf(HistoryEvents historyEvents, DossierResponses dossierResponses, Clock clock) {
        this.historyEvents = historyEvents;
        this.dossierResponses = dossierResponses;
        this.clock = clock;
    }

    /** @param events the stream's events recorded at or before {@code asOf}, in sequence order, at least one */
    StreamState of(String aggregateId, Instant asOf, List<DomainEventMessage<?>> events, PersonalDataReader reader) {
        DomainEventMessage<?> last = events.get(events.size() - 1);
        Long position = HistoryEvents.positionOf(last);
        boolean dossier = events.stream().anyMatch(event -> DossierFold.folds(event.getPayloadType()));
        Object state = dossier ? dossierState(aggregateId, events, position, reader) : genericState(events, reader);
        return new StreamState(aggregateId, last.getType(), inZone(asOf), dossier ? "dossier" : "generic",
                last.getSequenceNumber(), position, events.size(), historyEvents.typeOf(last),
                inZone(last.getTimestamp()), state);
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

    private OffsetDateTime inZone(Instant instant) {
        return instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
