package vn.province.govtrack.command.unit;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.kernel.unit.RegisterUnitCommand;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;

class UnitTest {

    private FixtureConfiguration<Unit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Unit.class);
    }

    @Test
    void aNewUnitIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("XA-TAN-LAP", "Xã Tân Lập", UnitKind.COMMUNE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnitRegisteredEvent("XA-TAN-LAP", "Xã Tân Lập", UnitKind.COMMUNE))
                .expectResultMessagePayload(new UnitRegisteredEvent("XA-TAN-LAP", "Xã Tân Lập", UnitKind.COMMUNE));
    }

    @Test
    void aCodeThatIsAlreadyRegisteredCannotBeRegisteredAgain() {
        fixture.given(new UnitRegisteredEvent("XA-TAN-LAP", "Xã Tân Lập", UnitKind.COMMUNE))
                .when(new RegisterUnitCommand("XA-TAN-LAP", "Phường Tân Lập", UnitKind.WARD))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("unit 'XA-TAN-LAP' is already registered")
                .expectNoEvents();
    }

    @Test
    void aUnitNeedsANameAndAKind() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("XA-TAN-LAP", " ", UnitKind.COMMUNE))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("XA-TAN-LAP", "Xã Tân Lập", null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }
}
