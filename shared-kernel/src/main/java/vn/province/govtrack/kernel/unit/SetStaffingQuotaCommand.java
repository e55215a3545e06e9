package vn.province.govtrack.kernel.unit;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set a unit's staffing quota (biên chế) for one field: the number of positions it may fill.
 *
 * @param effectiveDate from when the quota applies; null means today
 * @param decisionNo    the decision setting it, when there is one
 */
public record SetStaffingQuotaCommand(String unitCode, String field, int positions, LocalDate effectiveDate,
                                      String decisionNo) {

    @TargetAggregateIdentifier
    public String streamId() {
        return UnitIds.streamOf(unitCode);
    }
}
