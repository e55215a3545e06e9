package vn.province.govtrack.kernel.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * The staff member is out of service from {@code effectiveDate}, having left {@code unitCode}. A
 * secondment still running then was ended by a {@link SecondmentEndedEvent} just before this event.
 *
 * @param decisionNo null when none was given
 */
@Revision("1")
public record StaffDepartedEvent(String staffId, String unitCode, LocalDate effectiveDate, String reason,
                                 String decisionNo) implements StaffEvent {

    /** The start of {@code effectiveDate}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return BusinessEvent.startOf(effectiveDate, businessZone);
    }
}
