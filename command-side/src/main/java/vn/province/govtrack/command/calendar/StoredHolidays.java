package vn.province.govtrack.command.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import vn.province.govtrack.kernel.calendar.CalendarIds;
import vn.province.govtrack.kernel.calendar.HolidaysSetEvent;

/**
 * The holidays of each year as last set, read from the calendar's streams: the one source of holidays for
 * every decision that counts working time (a dossier's due date, a piece of feedback's). Reads committed
 * events only, never snapshots, from the storage engine rather than the event store (which would add
 * what the asking unit of work has staged). Holidays can be set again at any time, by any instance, so
 * each question asks the store, but only for the events after the last one seen: the answer is exactly
 * what a full read would give.
 */
@Component
public class StoredHolidays implements WorkingCalendar.Holidays {

    private final EventStorageEngine eventStore;
    private final Map<Integer, HolidaysOfYear> holidaysByYear = new ConcurrentHashMap<>();

    StoredHolidays(EventStorageEngine eventStore) {
        this.eventStore = eventStore;
    }

    /** The year's holidays as last set, reading only the calendar events after those already seen. */
    @Override
    public Set<LocalDate> of(int year) {
        HolidaysOfYear known = holidaysByYear.getOrDefault(year, HolidaysOfYear.NONE_SET);
        HolidaysOfYear current = known;
        DomainEventStream newer = eventStore.readEvents(CalendarIds.streamOf(year), known.nextSequence());
        while (newer.hasNext()) {
            DomainEventMessage<?> event = newer.next();
            Set<LocalDate> days = HolidaysSetEvent.class.equals(event.getPayloadType())
                    ? Set.copyOf(((HolidaysSetEvent) event.getPayload()).holidays())
                    : current.days();
            current = new HolidaysOfYear(event.getSequenceNumber() + 1, days);
        }
        if (current != known) {
            // Concurrent readers may race here; the one that has seen more of the stream wins.
            holidaysByYear.merge(year, current,
                                 (cached, fresh) -> fresh.nextSequence() > cached.nextSequence() ? fresh : cached);
        }
        return current.days();
    }

    /** A year's holidays as of its calendar stream's events before {@code nextSequence}. */
    private record HolidaysOfYear(long nextSequence, Set<LocalDate> days) {

        static final HolidaysOfYear NONE_SET = new HolidaysOfYear(0, Set.of());
    }
}
