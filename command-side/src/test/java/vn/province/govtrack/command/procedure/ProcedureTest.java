package vn.province.govtrack.command.procedure;

import java.time.LocalTime;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;
import vn.province.govtrack.kernel.procedure.PublishProcedureCommand;

class ProcedureTest {

    private static final LocalTime THREE_PM = LocalTime.of(15, 0);

    private FixtureConfiguration<Procedure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Procedure.class);
    }

    @Test
    void aNewProcedureIsPublishedWithItsTerms() {
        fixture.givenNoPriorActivity()
                .when(new PublishProcedureCommand("1.001", "Đăng ký khai sinh", "JUSTICE_CIVIL_STATUS", "COMMUNE",
                                                  4, THREE_PM, OnlineLevel.PARTIAL, null, null, null))
                .expectEvents(new ProcedurePublishedEvent("1.001", "Đăng ký khai sinh", "JUSTICE_CIVIL_STATUS",
                                                          "COMMUNE", 4, THREE_PM, true, OnlineLevel.PARTIAL, null, null, null))
                .expectResultMessagePayload(new ProcedurePublishedEvent("1.001", "Đăng ký khai sinh",
                                                                        "JUSTICE_CIVIL_STATUS", "COMMUNE", 4, THREE_PM,
                                                                        true, OnlineLevel.PARTIAL, null, null, null));
    }

    @Test
    void aCodeThatIsAlreadyPublishedCannotBePublishedAgain() {
        fixture.given(new ProcedurePublishedEvent("1.001", "Đăng ký khai sinh", "JUSTICE_CIVIL_STATUS", "COMMUNE",
                                                  4, THREE_PM, true, OnlineLevel.PARTIAL, null, null, null))
                .when(new PublishProcedureCommand("1.001", "Other", "LAND", "COMMUNE", 8, THREE_PM, OnlineLevel.NONE, null, null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("procedure '1.001' is already published")
                .expectNoEvents();
    }

    @Test
    void theProcessingTimeMustBeAtLeastOneWorkingHour() {
        fixture.givenNoPriorActivity()
                .when(new PublishProcedureCommand("1.001", "Đăng ký khai sinh", "JUSTICE", "COMMUNE", 0, THREE_PM, OnlineLevel.NONE, null, null, null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void theProcessingTimeMustNotExceedThreeHundredWorkingDays() {
        fixture.givenNoPriorActivity()
                .when(new PublishProcedureCommand("1.001", "Giao đất", "LAND", "PROVINCE",
                                                  Procedure.MAX_PROCESSING_HOURS + 1, THREE_PM, OnlineLevel.NONE, null, null, null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void aProcedureNeedsACutoff() {
        fixture.givenNoPriorActivity()
                .when(new PublishProcedureCommand("1.001", "Đăng ký khai sinh", "JUSTICE", "COMMUNE", 8, null, OnlineLevel.NONE, null, null, null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("cutoff is required")
                .expectNoEvents();
    }
}
