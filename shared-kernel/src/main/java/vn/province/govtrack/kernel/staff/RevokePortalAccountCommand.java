package vn.province.govtrack.kernel.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke one of a staff member's portal accounts. */
public record RevokePortalAccountCommand(String staffId, String account) {

    @TargetAggregateIdentifier
    public String streamId() {
        return StaffIds.streamOf(staffId);
    }
}
