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
    public Optional<UnitStanding> standingOf(String unitCode) {
        Read known = readSoFar.getOrDefault(unitCode, Read.NOTHING);
        if (known.standing() != null && known.standing().dissolutionRecorded()) {
            return Optional.of(known.standing());
        }
        Read current = known;
        DomainEventStream newer = eventStore.readEvents(UnitIds.streamOf(unitCode), known.nextSequence());
        while (newer.hasNext()) {
            DomainEventMessage<?> event = newer.next();
            UnitStanding standing = current.standing();
            if (UnitRegisteredEvent.class.equals(event.getPayloadType())) {
                standing = new UnitStanding(((UnitRegisteredEvent) event.getPayload()).code(), null);
            } else if (UnitDissolvedEvent.class.equals(event.getPayloadType()) && standing != null) {
                standing = new UnitStanding(standing.code(), ((UnitDissolvedEvent) event.getPayload()).effectiveDate());
            }
            current = new Read(event.getSequenceNumber() + 1, standing);
        }
        if (current != known && current.standing() != null) {
            // Concurrent readers may race here; the one that has seen more of the stream wins.
            readSoFar.merge(unitCode, current,
                            (cached, fresh) -> fresh.nextSequence() > cached.nextSequence() ? fresh : cached);
        }
        return Optional.ofNullable(current.standing());
    }

    /** A unit as of its stream's events before {@code nextSequence}; no standing before its registration. */
    private record Read(long nextSequence, UnitStanding standing) {

        static final Read NOTHING = new Read(0, null);
    }
}
