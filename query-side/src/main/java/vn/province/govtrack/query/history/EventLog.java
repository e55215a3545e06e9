package vn.province.govtrack.query.history;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

import vn.province.govtrack.eventstore.LoggedCommit;
import vn.province.govtrack.eventstore.LoggedEvent;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;

/**
 * Read access to the event store for auditors: whole streams and pages of the global log, and when the
 * store recorded each of their events (the recording time of the commit that holds it, which Axon's
 * messages do not carry).
 */
@Component
class EventLog {

    private final MongoEventStorageEngine engine;

    EventLog(MongoEventStorageEngine engine) {
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

    /** When each event of the aggregate's stream was recorded, by position. */
    Map<Long, Instant> recordedAt(String aggregateId) {
        return recordedAt(engine.logReader().streamCommits(aggregateId).stream());
    }

    /** When each event at positions {@code from..to} was recorded, by position. */
    Map<Long, Instant> recordedAt(long from, long to) {
        try (Stream<LoggedCommit> commits = engine.logReader().read(from, to)) {
            return recordedAt(commits);
        }
    }

    private static Map<Long, Instant> recordedAt(Stream<LoggedCommit> commits) {
        Map<Long, Instant> recorded = new HashMap<>();
        commits.forEach(commit -> {
            for (LoggedEvent event : commit.events()) {
                if (commit.recordedAt() != null) {
                    recorded.put(event.position(), commit.recordedAt());
                }
            }
        });
        return recorded;
    }
}
