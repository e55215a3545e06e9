package vn.province.govtrack.kernel.calendar;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the public holidays (and decreed substitute days off) of one year. */
public record SetHolidaysCommand(int year, List<LocalDate> holidays) {

    @TargetAggregateIdentifier
    public String streamId() {
        return CalendarIds.streamOf(year);
    }
}
