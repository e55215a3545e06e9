package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * The staff member is out of service from {@code effectiveDate}, having left {@code unitCode}. A
 * secondment still running then was ended by a {@link SecondmentEndedEvent} just before this event.
 *
 * @param decisionNo null when none was given
 */
@Revision("1")
public record StaffDepartedEvent(String staffId, String unitCode, LocalDate effectiveDate, String reason,
                                 String decisionNo) implements StaffEvent {
}
