package vn.province.govtrack.command.unit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.kernel.unit.DissolveUnitCommand;
import vn.province.govtrack.kernel.unit.SetStaffingQuotaCommand;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;

/** Xã Tân Hòa is merged into a neighbouring commune by decision 88/NQ-HĐND. Today is 1 October 2025. */
class UnitDissolutionTest {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate TODAY = LocalDate.parse("2025-10-01");
    private static final String CODE = "XA-TAN-HOA";
    private static final String IT = "INFORMATION_TECHNOLOGY";

    private FixtureConfiguration<Unit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Unit.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atTime(10, 0).atZone(PROVINCE).toInstant(), PROVINCE));
    }

    private static UnitRegisteredEvent registered() {
        return new UnitRegisteredEvent(CODE, "Xã Tân Hòa", UnitKind.COMMUNE);
    }

    private static UnitDissolvedEvent dissolvedFromNovember() {
        return new UnitDissolvedEvent(CODE, LocalDate.parse("2025-11-01"), "88/NQ-HĐND");
    }

    @Test
    void aUnitIsDissolvedByDecisionFromItsEffectiveDate() {
        fixture.given(registered())
                .when(new DissolveUnitCommand(CODE, LocalDate.parse("2025-11-01"), "88/NQ-HĐND"))
                .expectResultMessagePayload(dissolvedFromNovember())
                .expectEvents(dissolvedFromNovember());
    }

    @Test
    void withoutAnEffectiveDateTheDissolutionTakesEffectToday() {
        fixture.given(registered())
                .when(new DissolveUnitCommand(CODE, null, "88/NQ-HĐND"))
                .expectResultMessagePayload(new UnitDissolvedEvent(CODE, TODAY, "88/NQ-HĐND"))
                .expectEvents(new UnitDissolvedEvent(CODE, TODAY, "88/NQ-HĐND"));
    }

    @Test
    void aUnitIsDissolvedOnlyOnce() {
        fixture.given(registered(), dissolvedFromNovember())
                .when(new DissolveUnitCommand(CODE, LocalDate.parse("2025-12-01"), "89/NQ-HĐND"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("unit 'XA-TAN-HOA' is already dissolved, from 2025-11-01")
                .expectNoEvents();
    }

    @Test
    void anUnknownUnitCannotBeDissolved() {
        fixture.givenNoPriorActivity()
                .when(new DissolveUnitCommand("XA-NOWHERE", null, "88/NQ-HĐND"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aDissolutionNeedsADecisionNumberAndADateWithinReason() {
        fixture.given(registered())
                .when(new DissolveUnitCommand(CODE, null, " "))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.given(registered())
                .when(new DissolveUnitCommand(CODE, LocalDate.parse("1999-12-31"), "88/NQ-HĐND"))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void aDissolvedUnitTakesNoQuotaFromItsDissolutionDate() {
        fixture.given(registered(), dissolvedFromNovember())
                .when(new SetStaffingQuotaCommand(CODE, IT, 2, LocalDate.parse("2025-11-01"), "90/QĐ-UBND"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("unit 'XA-TAN-HOA' is dissolved from 2025-11-01; it takes no quota effective "
                                        + "2025-11-01")
                .expectNoEvents();
    }

    @Test
    void aQuotaForTheDaysBeforeTheDissolutionIsStillSet() {
        fixture.given(registered(), dissolvedFromNovember())
                .when(new SetStaffingQuotaCommand(CODE, IT, 2, LocalDate.parse("2025-10-15"), "90/QĐ-UBND"))
                .expectEvents(new StaffingQuotaSetEvent(CODE, IT, 2, LocalDate.parse("2025-10-15"), "90/QĐ-UBND"));
    }
}
