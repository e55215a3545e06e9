package vn.province.govtrack.kernel.calendar;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/** The non-working days of {@code year}, besides weekends, from now on. */
@Revision("1")
public record HolidaysSetEvent(int year, List<LocalDate> holidays) {
}
