package vn.province.govtrack.kernel.unit;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * From {@code effectiveDate} on, {@code unitCode} has {@code positions} positions in {@code field},
 * replacing any earlier quota of that unit and field.
 *
 * @param decisionNo null when none was given
 */
@Revision("1")
public record StaffingQuotaSetEvent(String unitCode, String field, int positions, LocalDate effectiveDate,
                                    String decisionNo) {
}
