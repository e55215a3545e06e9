package vn.province.govtrack.command.dossier;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import vn.province.govtrack.command.calendar.StoredHolidays;
import vn.province.govtrack.command.calendar.WorkingCalendar;
import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.command.unit.UnitDirectory;
import vn.province.govtrack.command.unit.RegisteredUnit;
import vn.province.govtrack.kernel.procedure.ProcedureIds;
import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;

/**
 * Reads reference data from the other aggregates' streams rather than loading those aggregates
 * through their repositories, so that a dossier decision takes no lock on its unit or procedure.
 * Reads committed events only, never snapshots, from the storage engine rather than the event store
 * (which would add what the asking unit of work has staged, copying all of it at every read).
 *
 * <p>Units are the {@link UnitDirectory}'s answer. Caches what cannot change, so most decisions read
 * no reference stream in full: a procedure is published once with terms that never change, so it is
 * remembered once found (an unknown code is asked again each time). Holidays are the
 * {@link StoredHolidays}' answer, asked again by each unit of work.
 *
 * <p>Within one unit of work each unit and each year's holidays are read once ({@link ReferenceDataView}):
 * the decisions that commit together decide against one view of the province. The history import keeps
 * one view for all its batches, so it reads them once for the whole import.
 */
@Component
class EventStoreReferenceData implements ReferenceData {

    private final EventStorageEngine eventStore;
    private final WorkingHours workingHours;
    private final UnitDirectory units;
    private final Map<String, ProcedureTerms> publishedProcedures = new ConcurrentHashMap<>();
    private final StoredHolidays holidays;

    EventStoreReferenceData(EventStorageEngine eventStore, WorkingHours workingHours, UnitDirectory units,
                            StoredHolidays holidays) {
        this.eventStore = eventStore;
        this.workingHours = workingHours;
        this.units = units;
        this.holidays = holidays;
    }

    @Override
    public Optional<RegisteredUnit> unit(String unitCode) {
        return oncePerUnitOfWork("unit:" + unitCode, () -> units.registered(unitCode));
    }

    @Override
    public Optional<ProcedureTerms> procedure(String procedureCode) {
        ProcedureTerms known = publishedProcedures.get(procedureCode);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ProcedureTerms> terms = latest(ProcedureIds.streamOf(procedureCode), ProcedurePublishedEvent.class)
                .map(published -> new ProcedureTerms(published.code(), published.field(), published.processingHours(),
                                                     published.cutoff(), published.online()));
        terms.ifPresent(found -> publishedProcedures.put(procedureCode, found));
        return terms;
    }

    @Override
    public WorkingCalendar workingCalendar() {
        return new WorkingCalendar(workingHours, year -> oncePerUnitOfWork("holidays:" + year, () -> holidays.of(year)));
    }

    /** What {@code read} answers, read once in the current unit of work's {@link ReferenceDataView}; each time outside one. */
    private static <T> T oncePerUnitOfWork(String what, Supplier<T> read) {
        return CurrentUnitOfWork.isStarted() ? ReferenceDataView.of(CurrentUnitOfWork.get()).readOnce(what, read)
                : read.get();
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
