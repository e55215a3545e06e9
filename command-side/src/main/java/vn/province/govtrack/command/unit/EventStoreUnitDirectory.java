package vn.province.govtrack.command.unit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitIds;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;

/**
 * Reads each unit's committed stream, never its snapshots, from the storage engine rather than the
 * event store: only what was committed counts, not what the asking unit of work has staged (which
 * Axon's event store adds by copying everything staged so far, too costly for the thousands of
 * commands of an import batch), and nothing a rollback may undo is remembered. It remembers how far
 * it has read: a later question reads only the events appended since, so the answer is exactly what a
 * full read would give (other instances may dissolve a unit at any time). A dissolution is final, so a dissolved unit is answered
 * from memory. An unknown code is asked again each time and remembered by nobody.
 */
@Component
class EventStoreUnitDirectory implements UnitDirectory {

    private final EventStorageEngine eventStore;
    private final Map<String, Read> readSoFar = new ConcurrentHashMap<>();

    EventStoreUnitDirectory(EventStorageEngine eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<RegisteredUnit> registered(String unitCode) {
        Read known = readSoFar.getOrDefault(unitCode, Read.NOTHING);
        if (known.unit() != null && known.unit().dissolutionRecorded()) {
            return Optional.of(known.unit());
        }
        Read current = known;
        DomainEventStream newer = eventStore.readEvents(UnitIds.streamOf(unitCode), known.nextSequence());
        while (newer.hasNext()) {
            DomainEventMessage<?> event = newer.next();
            RegisteredUnit unit = current.unit();
            if (UnitRegisteredEvent.class.equals(event.getPayloadType())) {
                unit = new RegisteredUnit(((UnitRegisteredEvent) event.getPayload()).code(), null);
            } else if (UnitDissolvedEvent.class.equals(event.getPayloadType()) && unit != null) {
                unit = new RegisteredUnit(unit.code(), ((UnitDissolvedEvent) event.getPayload()).effectiveDate());
            }
            current = new Read(event.getSequenceNumber() + 1, unit);
        }
        if (current != known && current.unit() != null) {
            // Concurrent readers may race here; the one that has seen more of the stream wins.
            readSoFar.merge(unitCode, current,
                            (cached, fresh) -> fresh.nextSequence() > cached.nextSequence() ? fresh : cached);
        }
        return Optional.ofNullable(current.unit());
    }

    /** A unit as of its stream's events before {@code nextSequence}; null before its registration. */
    private record Read(long nextSequence, RegisteredUnit unit) {

        static final Read NOTHING = new Read(0, null);
    }
}
