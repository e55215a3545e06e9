package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * From {@code effectiveDate} on, the staff member's home assignment is {@code toUnitCode},
 * {@code toField}, {@code toPosition}; the {@code from...} fields are the assignment it replaces.
 */
@Revision("1")
public record StaffTransferredEvent(String staffId, String fromUnitCode, String fromField, String toUnitCode,
                                    String toField, String toPosition, LocalDate effectiveDate, String decisionNo)
        implements StaffEvent {
}
