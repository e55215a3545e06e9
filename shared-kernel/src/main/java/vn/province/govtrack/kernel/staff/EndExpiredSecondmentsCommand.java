package vn.province.govtrack.kernel.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the end of every secondment of this staff member whose end date has passed. Issued by
 * the command side's expiry scheduler; handling it when nothing has expired appends nothing.
 */
public record EndExpiredSecondmentsCommand(String staffId) {

    @TargetAggregateIdentifier
    public String streamId() {
        return StaffIds.streamOf(staffId);
    }
}
