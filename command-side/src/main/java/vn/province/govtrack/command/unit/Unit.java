package vn.province.govtrack.command.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import vn.province.govtrack.command.rejection.Require;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.kernel.unit.RegisterUnitCommand;
import vn.province.govtrack.kernel.unit.UnitIds;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;

/** A commune, ward, special zone, department or centre; its stream is {@code UnitIds.streamOf(code)}. */
@Aggregate
class Unit {

    @AggregateIdentifier
    private String streamId;

    Unit() {
        // for Axon: an empty unit, before its first event
    }

    /** Create-if-missing, so that registering a code twice is a rule violation, not a storage conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterUnitCommand command) {
        if (streamId != null) {
            throw new RuleViolationException("unit '" + command.code() + "' is already registered");
        }
        apply(new UnitRegisteredEvent(Require.text(command.code(), "code"), Require.text(command.name(), "name"),
                                      Require.present(command.kind(), "kind")));
    }

    @EventSourcingHandler
    void on(UnitRegisteredEvent event) {
        streamId = UnitIds.streamOf(event.code());
    }
}
