package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Transfer (điều động) a staff member permanently to another unit or field, from a date that may
 * lie in the future.
 *
 * @param toField    null keeps the current field
 * @param toPosition null keeps the current job position
 */
public record TransferStaffCommand(String staffId, String toUnitCode, String toField, String toPosition,
                                   LocalDate effectiveDate, String decisionNo) {

    @TargetAggregateIdentifier
    public String streamId() {
        return StaffIds.streamOf(staffId);
    }
}
