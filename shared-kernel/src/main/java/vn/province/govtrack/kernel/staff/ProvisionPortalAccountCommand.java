package vn.province.govtrack.kernel.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Provision a public-service portal account for a staff member, at the unit where the person works today. */
public record ProvisionPortalAccountCommand(String staffId, String account) {

    @TargetAggregateIdentifier
    public String streamId() {
        return StaffIds.streamOf(staffId);
    }
}
