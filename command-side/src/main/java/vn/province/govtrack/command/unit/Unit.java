package vn.province.govtrack.command.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.Require;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.kernel.unit.DissolveUnitCommand;
import vn.province.govtrack.kernel.unit.RegisterUnitCommand;
import vn.province.govtrack.kernel.unit.SetStaffingQuotaCommand;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitIds;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;

/**
 * A commune, ward, special zone, department or centre; its stream is {@code UnitIds.streamOf(code)}.
 * A unit may be dissolved once, by decision, from an effective date on; it takes no quota from that
 * day. (Staff and dossier decisions learn of the dissolution through {@link UnitDirectory}.) Every
 * command answers the event that records its decision (docs/adr/0009-command-results.md).
 */
@Aggregate
class Unit {

    /** More positions than any unit has in one field; bounds what a typo can do to the province totals. */
    static final int MAX_QUOTA = 10_000;
    static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    @AggregateIdentifier
    private String streamId;
    private String code;
    /** The first day the unit no longer exists; null while no dissolution is recorded. */
    private LocalDate dissolvedOn;

    Unit() {
        // for Axon: an empty unit, before its first event
    }

    /** Create-if-missing, so that registering a code twice is a rule violation, not a storage conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    UnitRegisteredEvent handle(RegisterUnitCommand command) {
        if (streamId != null) {
            throw new RuleViolationException("unit '" + command.code() + "' is already registered");
        }
        UnitRegisteredEvent registered = new UnitRegisteredEvent(Require.text(command.code(), "code"),
                                                                 Require.text(command.name(), "name"),
                                                                 Require.present(command.kind(), "kind"));
        apply(registered);
        return registered;
    }

    /**
     * A quota replaces the unit's earlier quota for the field from its effective date (today when
     * not given); only a registered unit has quotas, so an unknown code is not found.
     */
    @CommandHandler
    StaffingQuotaSetEvent handle(SetStaffingQuotaCommand command, Clock clock) {
        String field = Require.text(command.field(), "field");
        if (command.positions() < 0 || command.positions() > MAX_QUOTA) {
            throw new InvalidCommandException("positions must be between 0 and " + MAX_QUOTA + ", not "
                                              + command.positions());
        }
        LocalDate effectiveDate = command.effectiveDate() != null ? command.effectiveDate() : LocalDate.now(clock);
        if (effectiveDate.isBefore(EARLIEST_DATE) || effectiveDate.isAfter(LATEST_DATE)) {
            throw new InvalidCommandException("effectiveDate must lie between " + EARLIEST_DATE + " and "
                                              + LATEST_DATE);
        }
        if (dissolvedOn != null && !effectiveDate.isBefore(dissolvedOn)) {
            throw new RuleViolationException("unit '" + code + "' is dissolved from " + dissolvedOn
                                             + "; it takes no quota effective " + effectiveDate);
        }
        StaffingQuotaSetEvent set = new StaffingQuotaSetEvent(command.unitCode(), field, command.positions(),
                                                              effectiveDate, command.decisionNo());
        apply(set);
        return set;
    }

    /**
     * Dissolves the unit from the effective date (today when not given) by the named decision; a unit
     * is dissolved once. Dissolving an unknown code is not found.
     */
    @CommandHandler
    UnitDissolvedEvent handle(DissolveUnitCommand command, Clock clock) {
        String decisionNo = Require.text(command.decisionNo(), "decisionNo");
        LocalDate effectiveDate = command.effectiveDate() != null ? command.effectiveDate() : LocalDate.now(clock);
        if (effectiveDate.isBefore(EARLIEST_DATE) || effectiveDate.isAfter(LATEST_DATE)) {
            throw new InvalidCommandException("effectiveDate must lie between " + EARLIEST_DATE + " and "
                                              + LATEST_DATE);
        }
        if (dissolvedOn != null) {
            throw new RuleViolationException("unit '" + code + "' is already dissolved, from " + dissolvedOn);
        }
        UnitDissolvedEvent dissolved = new UnitDissolvedEvent(code, effectiveDate, decisionNo);
        apply(dissolved);
        return dissolved;
    }

    @EventSourcingHandler
    void on(UnitRegisteredEvent event) {
        streamId = UnitIds.streamOf(event.code());
        code = event.code();
    }

    @EventSourcingHandler
    void on(UnitDissolvedEvent event) {
        dissolvedOn = event.effectiveDate();
    }
}
