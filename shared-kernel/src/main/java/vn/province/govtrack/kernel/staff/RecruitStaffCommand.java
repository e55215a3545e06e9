package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Recruit a person into a unit, a field and a job position, by decision.
 *
 * @param effectiveDate the first day in service; null means today
 */
public record RecruitStaffCommand(String staffId, String fullName, String unitCode, String field, String position,
                                  LocalDate effectiveDate, String decisionNo) {

    @TargetAggregateIdentifier
    public String streamId() {
        return StaffIds.streamOf(staffId);
    }
}
