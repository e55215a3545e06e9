package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Second (biệt phái) a staff member temporarily to another unit, keeping the home unit; at most
 * three years, {@code from} and {@code until} both included.
 *
 * @param toField null means the staff member's own field
 */
public record SecondStaffCommand(String staffId, String toUnitCode, String toField, LocalDate from, LocalDate until,
                                 String decisionNo) {

    @TargetAggregateIdentifier
    public String streamId() {
        return StaffIds.streamOf(staffId);
    }
}
