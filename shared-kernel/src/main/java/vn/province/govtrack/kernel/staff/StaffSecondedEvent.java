package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * The staff member works at {@code toUnitCode} in {@code toField} from {@code from} to {@code until}
 * (both included) while staying on the staff of {@code homeUnitCode} in {@code field}.
 *
 * @param secondmentNo the secondment's number within this staff member's record: 1, 2, ...
 */
@Revision("1")
public record StaffSecondedEvent(String staffId, int secondmentNo, String homeUnitCode, String field,
                                 String toUnitCode, String toField, LocalDate from, LocalDate until,
                                 String decisionNo) implements StaffEvent {
}
