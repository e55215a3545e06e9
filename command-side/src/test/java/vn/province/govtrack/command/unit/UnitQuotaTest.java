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
import vn.province.govtrack.kernel.unit.SetStaffingQuotaCommand;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;

class UnitQuotaTest {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate TODAY = LocalDate.parse("2025-10-01");

    private FixtureConfiguration<Unit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Unit.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atTime(10, 0).atZone(PROVINCE).toInstant(), PROVINCE));
    }

    private static UnitRegisteredEvent registered() {
        return new UnitRegisteredEvent("XA-TAN-LAP", "Xã Tân Lập", UnitKind.COMMUNE);
    }

    @Test
    void aQuotaIsSetForOneFieldFromItsEffectiveDateByDecision() {
        fixture.given(registered())
                .when(new SetStaffingQuotaCommand("XA-TAN-LAP", "INFORMATION_TECHNOLOGY", 3,
                                                  LocalDate.parse("2025-07-01"), "15/QĐ-UBND"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new StaffingQuotaSetEvent("XA-TAN-LAP", "INFORMATION_TECHNOLOGY", 3,
                                                                      LocalDate.parse("2025-07-01"), "15/QĐ-UBND"))
                .expectEvents(new StaffingQuotaSetEvent("XA-TAN-LAP", "INFORMATION_TECHNOLOGY", 3,
                                                        LocalDate.parse("2025-07-01"), "15/QĐ-UBND"));
    }

    @Test
    void withoutAnEffectiveDateAQuotaAppliesFromTodayAndMayReplaceAnEarlierOne() {
        fixture.given(registered(),
                      new StaffingQuotaSetEvent("XA-TAN-LAP", "LAND", 4, LocalDate.parse("2025-07-01"), null))
                .when(new SetStaffingQuotaCommand("XA-TAN-LAP", "LAND", 5, null, null))
                .expectEvents(new StaffingQuotaSetEvent("XA-TAN-LAP", "LAND", 5, TODAY, null));
    }

    @Test
    void aNegativeOrAbsurdQuotaIsInvalid() {
        fixture.given(registered())
                .when(new SetStaffingQuotaCommand("XA-TAN-LAP", "LAND", -1, null, null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.given(registered())
                .when(new SetStaffingQuotaCommand("XA-TAN-LAP", "LAND", Unit.MAX_QUOTA + 1, null, null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void aQuotaNeedsAFieldAndADateWithinReason() {
        fixture.given(registered())
                .when(new SetStaffingQuotaCommand("XA-TAN-LAP", " ", 2, null, null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.given(registered())
                .when(new SetStaffingQuotaCommand("XA-TAN-LAP", "LAND", 2, LocalDate.parse("1999-12-31"), null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void anUnregisteredUnitHasNoQuotaToSet() {
        fixture.givenNoPriorActivity()
                .when(new SetStaffingQuotaCommand("XA-NOWHERE", "LAND", 2, null, null))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
