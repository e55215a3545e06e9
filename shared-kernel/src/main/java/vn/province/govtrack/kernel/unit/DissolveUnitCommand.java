package vn.province.govtrack.kernel.unit;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Dissolve a unit by decision, e.g. when communes are merged. From {@code effectiveDate} on the unit
 * receives no staff (recruitment, transfer, secondment) and no dossiers (submission, transfer), and
 * takes no quota; its history stays as recorded. A unit is dissolved once.
 *
 * @param effectiveDate the first day the unit no longer exists; null means today
 * @param decisionNo    the decision dissolving it; required
 */
public record DissolveUnitCommand(String code, LocalDate effectiveDate, String decisionNo) {

    @TargetAggregateIdentifier
    public String streamId() {
        return UnitIds.streamOf(code);
    }
}
