package vn.province.govtrack.kernel.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/** The non-working days of {@code year}, besides weekends, from now on. */
@Revision("1")
public record HolidaysSetEvent(int year, List<LocalDate> holidays) implements BusinessEvent {

    /** Empty: it took effect when it was decided, its message's timestamp. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.empty();
    }
}
