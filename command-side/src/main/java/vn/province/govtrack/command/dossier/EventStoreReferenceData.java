package vn.province.govtrack.command.dossier;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import vn.province.govtrack.command.calendar.WorkingCalendar;
import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.kernel.calendar.CalendarIds;
import vn.province.govtrack.kernel.calendar.HolidaysSetEvent;
import vn.province.govtrack.kernel.procedure.ProcedureIds;
import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;
import vn.province.govtrack.kernel.unit.UnitIds;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;

/**
 * Reads reference data from the other aggregates' streams rather than loading those aggregates
 * through their repositories, so that submitting a dossier takes no lock on its unit or procedure.
 * Reads events only (from sequence 0), never snapshots.
 */
@Component
class EventStoreReferenceData implements ReferenceData {

    private final EventStore eventStore;
    private final WorkingHours workingHours;

    EventStoreReferenceData(EventStore eventStore, WorkingHours workingHours) {
        this.eventStore = eventStore;
        this.workingHours = workingHours;
    }

    @Override
    public boolean unitExists(String unitCode) {
        return latest(UnitIds.streamOf(unitCode), UnitRegisteredEvent.class).isPresent();
    }

    @Override
    public Optional<ProcedureTerms> procedure(String procedureCode) {
        return latest(ProcedureIds.streamOf(procedureCode), ProcedurePublishedEvent.class)
                .map(published -> new ProcedureTerms(published.code(), published.field(), published.processingHours(),
                                                     published.cutoff(), published.online()));
    }

    @Override
    public WorkingCalendar workingCalendar() {
        return new WorkingCalendar(workingHours, year -> latest(CalendarIds.streamOf(year), HolidaysSetEvent.class)
                .<Set<LocalDate>>map(set -> Set.copyOf(set.holidays()))
                .orElse(Set.of()));
    }

    private <T> Optional<T> latest(String streamId, Class<T> payloadType) {
        DomainEventStream events = eventStore.readEvents(streamId, 0);
        T latest = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (payloadType.equals(event.getPayloadType())) {
                latest = payloadType.cast(event.getPayload());
            }
        }
        return Optional.ofNullable(latest);
    }
}
