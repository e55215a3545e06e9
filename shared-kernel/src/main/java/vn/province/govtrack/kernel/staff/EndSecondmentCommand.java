package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * End a secondment before its end date, by decision: the staff member is back at the home unit
 * from {@code effectiveDate}. An effective date on or before the secondment's first day cancels it.
 */
public record EndSecondmentCommand(String staffId, LocalDate effectiveDate, String decisionNo) {

    @TargetAggregateIdentifier
    public String streamId() {
        return StaffIds.streamOf(staffId);
    }
}
