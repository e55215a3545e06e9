package vn.province.govtrack.command.staff;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import vn.province.govtrack.kernel.unit.UnitIds;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;

/**
 * Reads the unit's own stream rather than loading the unit aggregate, so that a staff decision takes
 * no lock on the units it names.
 */
@Component
class EventStoreUnits implements Units {

    private final EventStore eventStore;

    EventStoreUnits(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean exists(String unitCode) {
        DomainEventStream events = eventStore.readEvents(UnitIds.streamOf(unitCode), 0);
        while (events.hasNext()) {
            if (UnitRegisteredEvent.class.equals(events.next().getPayloadType())) {
                return true;
            }
        }
        return false;
    }
}
