package vn.province.govtrack.command.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import vn.province.govtrack.kernel.procedure.OnlineLevel;
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
 * instance (an update), so each unit of work still asks the store for its updates, but only when a
 * decision needs them (an online submission) and only for the events after the last one seen: the answer
 * is exactly what a full read would give. The level on a day is the publication's, replaced by the last
 * update taking effect on or before that day, the rule by which the query side judges whether a
 * procedure was offered online when a dossier was received (docs/index-766.md). Holidays are the
 * {@link StoredHolidays}' answer, read the same way.
 *
 * <p>Within one unit of work each unit, each procedure's updates and each year's holidays are read
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
                day -> oncePerUnitOfWork("procedure-online:" + procedureCode, () -> read(procedureCode)).onlineOn(day)));
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
     * the online level it was published at, and its updates' levels with the days they take effect, in
     * the order they were announced.
     */
    private record KnownProcedure(long nextSequence, ProcedurePublishedEvent terms, OnlineLevel published,
                                  List<LevelChange> updates) {

        static final KnownProcedure UNPUBLISHED = new KnownProcedure(0, null, OnlineLevel.NONE, List.of());

        KnownProcedure after(DomainEventMessage<?> event) {
            long next = event.getSequenceNumber() + 1;
            if (ProcedurePublishedEvent.class.equals(event.getPayloadType())) {
                ProcedurePublishedEvent publication = (ProcedurePublishedEvent) event.getPayload();
                return new KnownProcedure(next, publication, publication.offered(), updates);
            }
            if (ProcedureUpdatedEvent.class.equals(event.getPayloadType())) {
                ProcedureUpdatedEvent update = (ProcedureUpdatedEvent) event.getPayload();
                List<LevelChange> more = new ArrayList<>(updates);
                more.add(new LevelChange(
                        update.effectiveFrom() != null ? update.effectiveFrom() : update.updatedOn(),
                        update.onlineLevel() != null ? update.onlineLevel() : lastLevel()));
                return new KnownProcedure(next, terms, published, List.copyOf(more));
            }
            return new KnownProcedure(next, terms, published, updates);
        }

        /**
         * Whether it is offered online on {@code day}: the publication's level, replaced by that of the
         * update taking effect last on or before the day (of two taking effect on the same day, the one
         * announced later).
         */
        boolean onlineOn(LocalDate day) {
            OnlineLevel level = published;
            LocalDate latest = null;
            for (LevelChange update : updates) {
                if (!update.effectiveFrom().isAfter(day)
                    && (latest == null || !update.effectiveFrom().isBefore(latest))) {
                    latest = update.effectiveFrom();
                    level = update.level();
                }
            }
            return level.online();
        }

        /** The level as published or last announced, for an update that leaves it out. */
        private OnlineLevel lastLevel() {
            return updates.isEmpty() ? published : updates.get(updates.size() - 1).level();
        }
    }

    /** An update's online level and the day it takes effect. */
    private record LevelChange(LocalDate effectiveFrom, OnlineLevel level) {
    }
}
