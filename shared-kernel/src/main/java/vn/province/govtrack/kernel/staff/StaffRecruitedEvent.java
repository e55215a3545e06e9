package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** A person is in service at {@code unitCode}, in {@code field} and {@code position}, from {@code effectiveDate}. */
@Revision("1")
public record StaffRecruitedEvent(String staffId, String fullName, String unitCode, String field, String position,
                                  LocalDate effectiveDate, String decisionNo) implements StaffEvent {
}
