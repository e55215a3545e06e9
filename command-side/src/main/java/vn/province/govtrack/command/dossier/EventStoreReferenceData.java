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
import vn.province.govtrack.kernel.procedure.ProcedureUpdatedEvent;

/**
 * Reads reference data from the other aggregates' streams rather than loading those aggregates
 * through their repositories, so that a dossier decision takes no lock on its unit or procedure.
 * Reads committed events only, never snapshots, from the storage engine rather than the event store
 * (which would add what the asking unit of work has staged, copying all of it at every read).
 *
 * <p>Units are the {@link UnitDirectory}'s answer. Caches what cannot change, so most decisions read
 * no reference stream in full: a procedure's processing terms never change, so they are remembered once
 * found (an unknown code is asked again each time). Its online level can change at any time, by any
 * instance (an update), so each unit of work still asks the store for it, but only when a decision needs
 * it (an online submission) and only for the events after the last one seen: the answer is exactly what a
 * full read would give. Holidays are the {@link StoredHolidays}' answer, read the same way.
 *
 * <p>Within one unit of work each unit, each procedure's online level and each year's holidays are read
 * once ({@link ReferenceDataView}): the decisions that commit together decide against one view of the
 * province. The history import keeps one view for all its batches, so it reads them once for the whole
 * import.
 */
@Component
class EventStoreReferenceData implements ReferenceData {

    private final EventStorageEngine eventStore;
    private final WorkingHours workingHours;
    private final UnitDirectory units;
    private final Map<String, KnownProcedure> proceduresByCode = new ConcurrentHashMap<>();
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
        KnownProcedure known = proceduresByCode.get(procedureCode);
        if (known == null || known.terms() == null) {
            known = read(procedureCode);
        }
        return Optional.ofNullable(known.terms()).map(terms -> new ProcedureTerms(
                terms.code(), terms.field(), terms.processingHours(), terms.cutoff(),
                () -> oncePerUnitOfWork("procedure-online:" + procedureCode, () -> read(procedureCode).online())));
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

    /** What the procedure's stream says, reading only the events after those already seen. */
    private KnownProcedure read(String procedureCode) {
        KnownProcedure known = proceduresByCode.getOrDefault(procedureCode, KnownProcedure.UNPUBLISHED);
        KnownProcedure current = known;
        DomainEventStream newer = eventStore.readEvents(ProcedureIds.streamOf(procedureCode), known.nextSequence());
        while (newer.hasNext()) {
            current = current.after(newer.next());
        }
        if (current != known) {
            // Concurrent readers may race here; the one that has seen more of the stream wins.
            proceduresByCode.merge(procedureCode, current,
                                   (cached, fresh) -> fresh.nextSequence() > cached.nextSequence() ? fresh : cached);
        }
        return current;
    }

    /**
     * A procedure as of its stream's events before {@code nextSequence}: its publication, null before it,
     * and whether it is offered online, as published or last updated.
     */
    private record KnownProcedure(long nextSequence, ProcedurePublishedEvent terms, boolean online) {

        static final KnownProcedure UNPUBLISHED = new KnownProcedure(0, null, false);

        KnownProcedure after(DomainEventMessage<?> event) {
            long next = event.getSequenceNumber() + 1;
            if (ProcedurePublishedEvent.class.equals(event.getPayloadType())) {
                ProcedurePublishedEvent published = (ProcedurePublishedEvent) event.getPayload();
                return new KnownProcedure(next, published, published.offered().online());
            }
            if (ProcedureUpdatedEvent.class.equals(event.getPayloadType())) {
                return new KnownProcedure(next, terms,
                                          ((ProcedureUpdatedEvent) event.getPayload()).onlineLevel().online());
            }
            return new KnownProcedure(next, terms, online);
        }
    }
}
