package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a staff member leaves the service (retirement, resignation, ...).
 *
 * @param effectiveDate the first day no longer in service; may lie in the future
 * @param decisionNo    the decision, when there is one
 */
public record RecordDepartureCommand(String staffId, LocalDate effectiveDate, String reason, String decisionNo) {

    @TargetAggregateIdentifier
    public String streamId() {
        return StaffIds.streamOf(staffId);
    }
}
