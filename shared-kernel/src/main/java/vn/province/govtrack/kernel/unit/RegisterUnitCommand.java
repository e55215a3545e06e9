package vn.province.govtrack.kernel.unit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a commune, ward, special zone, provincial department or centre. */
public record RegisterUnitCommand(String code, String name, UnitKind kind) {

    @TargetAggregateIdentifier
    public String streamId() {
        return UnitIds.streamOf(code);
    }
}
