package vn.province.govtrack.query.history;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/** Read access to the event store for auditors: whole streams and pages of the global log. */
@Component
class EventLog {

    private final EventStorageEngine engine;

    EventLog(EventStorageEngine engine) {
        this.engine = engine;
    }

    /** Every event of the aggregate's stream in sequence order, ignoring snapshots; empty for an unknown stream. */
    List<DomainEventMessage<?>> stream(String aggregateId) {
        try (Stream<? extends DomainEventMessage<?>> events = engine.readEvents(aggregateId, 0).asStream()) {
            return events.collect(Collectors.toList());
        }
    }

    /** At most {@code limit} events from {@code fromPosition} on (1 is the first event), in position order. */
    List<TrackedEventMessage<?>> page(long fromPosition, int limit) {
        GlobalSequenceTrackingToken after =
                fromPosition <= 1 ? null : new GlobalSequenceTrackingToken(fromPosition - 1);
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(after, false)) {
            return events.limit(limit).collect(Collectors.toList());
        }
    }
}
