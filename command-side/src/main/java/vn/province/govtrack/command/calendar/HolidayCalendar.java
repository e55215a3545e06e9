package vn.province.govtrack.command.calendar;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.kernel.calendar.CalendarIds;
import vn.province.govtrack.kernel.calendar.HolidaysSetEvent;
import vn.province.govtrack.kernel.calendar.SetHolidaysCommand;

/**
 * The holidays of one year (stream {@code CalendarIds.streamOf(year)}). Setting them replaces the
 * previous list; due dates already decided keep the calendar they were decided with.
 */
@Aggregate
class HolidayCalendar {

    /** The years a calendar may be set for; beyond them every weekday counts as a working day. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    @AggregateIdentifier
    private String streamId;

    HolidayCalendar() {
        // for Axon: a year without holidays, before its first event
    }

    /** Records the holidays in order, without repeats, and answers the event that records them. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    HolidaysSetEvent handle(SetHolidaysCommand command) {
        int year = command.year();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidCommandException("year must be between " + FIRST_YEAR + " and " + LAST_YEAR + ", not " + year);
        }
        if (command.holidays() == null || command.holidays().stream().anyMatch(Objects::isNull)) {
            throw new InvalidCommandException("holidays must be a list of dates");
        }
        List<LocalDate> outsideTheYear = command.holidays().stream().filter(day -> day.getYear() != year).toList();
        if (!outsideTheYear.isEmpty()) {
            throw new InvalidCommandException("holidays of " + year + " must lie in " + year + ": " + outsideTheYear);
        }
        List<LocalDate> holidays = command.holidays().stream().distinct().sorted().toList();
        HolidaysSetEvent set = new HolidaysSetEvent(year, holidays);
        apply(set);
        return set;
    }

    @EventSourcingHandler
    void on(HolidaysSetEvent event) {
        streamId = CalendarIds.streamOf(event.year());
    }
}
