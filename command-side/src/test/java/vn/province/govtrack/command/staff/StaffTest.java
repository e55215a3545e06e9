package vn.province.govtrack.command.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.command.rejection.UnknownReferenceException;
import vn.province.govtrack.command.unit.UnitDirectory;
import vn.province.govtrack.command.unit.RegisteredUnit;
import vn.province.govtrack.kernel.staff.EndExpiredSecondmentsCommand;
import vn.province.govtrack.kernel.staff.EndSecondmentCommand;
import vn.province.govtrack.kernel.staff.PortalAccountProvisionedEvent;
import vn.province.govtrack.kernel.staff.PortalAccountRevokedEvent;
import vn.province.govtrack.kernel.staff.ProvisionPortalAccountCommand;
import vn.province.govtrack.kernel.staff.RecordDepartureCommand;
import vn.province.govtrack.kernel.staff.RecordTrainingCommand;
import vn.province.govtrack.kernel.staff.RecruitStaffCommand;
import vn.province.govtrack.kernel.staff.RevokePortalAccountCommand;
import vn.province.govtrack.kernel.staff.SecondStaffCommand;
import vn.province.govtrack.kernel.staff.SecondmentEndReason;
import vn.province.govtrack.kernel.staff.SecondmentEndedEvent;
import vn.province.govtrack.kernel.staff.StaffDepartedEvent;
import vn.province.govtrack.kernel.staff.StaffRecruitedEvent;
import vn.province.govtrack.kernel.staff.StaffSecondedEvent;
import vn.province.govtrack.kernel.staff.StaffTransferredEvent;
import vn.province.govtrack.kernel.staff.TrainingCompletedEvent;
import vn.province.govtrack.kernel.staff.TransferStaffCommand;

/**
 * An IT officer of the provincial Department of Information and Communications, recruited on
 * 1 March 2024, whom the province seconds to communes short of IT staff. Today is 1 October 2025.
 */
class StaffTest {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate TODAY = LocalDate.parse("2025-10-01");

    private static final String DEPARTMENT = "SO-TTTT";
    private static final String COMMUNE = "XA-TAN-LAP";
    private static final String WARD = "PHUONG-HOA-BINH";
    /** Merged into another commune: dissolved from 1 November 2025. */
    private static final String MERGED_COMMUNE = "XA-TAN-HOA";
    private static final LocalDate MERGED_ON = LocalDate.parse("2025-11-01");
    private static final String IT = "INFORMATION_TECHNOLOGY";
    private static final String OFFICER = "IT officer";
    private static final String ID = "CB-0001";

    private FixtureConfiguration<Staff> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Staff.class);
        Map<String, RegisteredUnit> province = Map.of(DEPARTMENT, new RegisteredUnit(DEPARTMENT, null),
                                                    COMMUNE, new RegisteredUnit(COMMUNE, null),
                                                    WARD, new RegisteredUnit(WARD, null),
                                                    MERGED_COMMUNE, new RegisteredUnit(MERGED_COMMUNE, MERGED_ON));
        UnitDirectory units = code -> Optional.ofNullable(province.get(code));
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atTime(10, 0).atZone(PROVINCE).toInstant(), PROVINCE));
    }

    private static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    private static StaffRecruitedEvent recruited() {
        return new StaffRecruitedEvent(ID, "Trần Thị Bình", DEPARTMENT, IT, OFFICER, day("2024-03-01"), "12/QĐ-SNV");
    }

    /** Seconded to the commune for the second half of 2025. */
    private static StaffSecondedEvent secondedToTheCommune() {
        return new StaffSecondedEvent(ID, 1, DEPARTMENT, IT, COMMUNE, IT, day("2025-07-01"), day("2025-12-31"),
                                      "45/QĐ-UBND");
    }

    private static SecondStaffCommand second(String toUnit, String from, String until) {
        return new SecondStaffCommand(ID, toUnit, null, day(from), day(until), "46/QĐ-UBND");
    }

    private static StaffDepartedEvent departed(String effectiveDate) {
        return new StaffDepartedEvent(ID, DEPARTMENT, day(effectiveDate), "resignation", "99/QĐ-SNV");
    }

    @Nested
    class Recruiting {

        @Test
        void aPersonIsRecruitedIntoAUnitFieldAndPositionByDecision() {
            fixture.givenNoPriorActivity()
                    .when(new RecruitStaffCommand(ID, "Trần Thị Bình", DEPARTMENT, IT, OFFICER, day("2024-03-01"),
                                                  "12/QĐ-SNV"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(recruited());
        }

        @Test
        void withoutAnEffectiveDateTheRecruitmentTakesEffectToday() {
            fixture.givenNoPriorActivity()
                    .when(new RecruitStaffCommand(ID, "Trần Thị Bình", DEPARTMENT, IT, OFFICER, null, "12/QĐ-SNV"))
                    .expectResultMessagePayload(new StaffRecruitedEvent(ID, "Trần Thị Bình", DEPARTMENT, IT, OFFICER,
                                                                        TODAY, "12/QĐ-SNV"))
                    .expectEvents(new StaffRecruitedEvent(ID, "Trần Thị Bình", DEPARTMENT, IT, OFFICER, TODAY,
                                                          "12/QĐ-SNV"));
        }

        @Test
        void aStaffIdAlreadyRecordedCannotBeRecruitedAgain() {
            fixture.given(recruited())
                    .when(new RecruitStaffCommand(ID, "Lê Văn Cường", COMMUNE, IT, OFFICER, null, "13/QĐ-SNV"))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("staff member 'CB-0001' is already recorded")
                    .expectNoEvents();
        }

        @Test
        void recruitmentIntoAnUnknownUnitIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecruitStaffCommand(ID, "Trần Thị Bình", "XA-NOWHERE", IT, OFFICER, null, "12/QĐ-SNV"))
                    .expectException(UnknownReferenceException.class)
                    .expectExceptionMessage("unknown unit 'XA-NOWHERE'")
                    .expectNoEvents();
        }

        @Test
        void nobodyIsRecruitedIntoADissolvedUnitEvenBeforeItsDissolutionDate() {
            fixture.givenNoPriorActivity()
                    .when(new RecruitStaffCommand(ID, "Trần Thị Bình", MERGED_COMMUNE, IT, OFFICER, day("2025-10-01"),
                                                  "12/QĐ-SNV"))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("unit 'XA-TAN-HOA' is dissolved from 2025-11-01; it takes no staff")
                    .expectNoEvents();
        }

        @Test
        void aRecruitmentNeedsADecisionNumberAndADateWithinReason() {
            fixture.givenNoPriorActivity()
                    .when(new RecruitStaffCommand(ID, "Trần Thị Bình", DEPARTMENT, IT, OFFICER, null, " "))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new RecruitStaffCommand(ID, "Trần Thị Bình", DEPARTMENT, IT, OFFICER, day("2200-01-01"),
                                                  "12/QĐ-SNV"))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void aStaffIdThatCouldNameAnotherStreamIsInvalid() {
            fixture.givenNoPriorActivity()
                    .when(new RecruitStaffCommand("unit:" + COMMUNE, "Trần Thị Bình", DEPARTMENT, IT, OFFICER, null,
                                                  "12/QĐ-SNV"))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Transferring {

        @Test
        void aTransferMovesTheHomeAssignmentFromItsEffectiveDateEvenInTheFuture() {
            fixture.given(recruited())
                    .when(new TransferStaffCommand(ID, COMMUNE, null, null, day("2026-01-01"), "50/QĐ-UBND"))
                    .expectEvents(new StaffTransferredEvent(ID, DEPARTMENT, IT, COMMUNE, IT, OFFICER,
                                                            day("2026-01-01"), "50/QĐ-UBND"));
        }

        @Test
        void aTransferMayChangeTheFieldAndPositionWithinTheSameUnit() {
            fixture.given(recruited())
                    .when(new TransferStaffCommand(ID, DEPARTMENT, "ONE_STOP_DESK", "desk officer", day("2025-11-01"),
                                                   "51/QĐ-SNV"))
                    .expectEvents(new StaffTransferredEvent(ID, DEPARTMENT, IT, DEPARTMENT, "ONE_STOP_DESK",
                                                            "desk officer", day("2025-11-01"), "51/QĐ-SNV"));
        }

        @Test
        void aTransferEffectiveBeforeTheCurrentAssignmentIsRefused() {
            fixture.given(recruited(), new StaffTransferredEvent(ID, DEPARTMENT, IT, WARD, IT, OFFICER,
                                                                 day("2025-01-01"), "20/QĐ-UBND"))
                    .when(new TransferStaffCommand(ID, COMMUNE, null, null, day("2024-12-31"), "50/QĐ-UBND"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aTransferToTheVeryAssignmentThePersonHoldsIsRefused() {
            fixture.given(recruited())
                    .when(new TransferStaffCommand(ID, DEPARTMENT, IT, null, day("2025-11-01"), "50/QĐ-UBND"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aTransferTakingEffectDuringOrBeforeASecondmentIsRefused() {
            fixture.given(recruited(), secondedToTheCommune())
                    .when(new TransferStaffCommand(ID, WARD, null, null, day("2025-10-15"), "50/QĐ-UBND"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            fixture.given(recruited(), secondedToTheCommune())
                    .when(new TransferStaffCommand(ID, WARD, null, null, day("2025-06-01"), "50/QĐ-UBND"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aTransferAfterTheSecondmentIsOverIsAccepted() {
            fixture.given(recruited(), secondedToTheCommune())
                    .when(new TransferStaffCommand(ID, COMMUNE, null, null, day("2026-01-01"), "50/QĐ-UBND"))
                    .expectEvents(new StaffTransferredEvent(ID, DEPARTMENT, IT, COMMUNE, IT, OFFICER,
                                                            day("2026-01-01"), "50/QĐ-UBND"));
        }

        @Test
        void aTransferToAnUnknownUnitIsRefused() {
            fixture.given(recruited())
                    .when(new TransferStaffCommand(ID, "XA-NOWHERE", null, null, day("2026-01-01"), "50/QĐ-UBND"))
                    .expectException(UnknownReferenceException.class)
                    .expectNoEvents();
        }

        @Test
        void nobodyIsTransferredIntoADissolvedUnit() {
            fixture.given(recruited())
                    .when(new TransferStaffCommand(ID, MERGED_COMMUNE, null, null, day("2025-10-15"), "50/QĐ-UBND"))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("unit 'XA-TAN-HOA' is dissolved from 2025-11-01; it takes no staff")
                    .expectNoEvents();
        }

        @Test
        void aPersonWhoseDepartureIsRecordedCannotBeTransferred() {
            fixture.given(recruited(), departed("2026-06-01"))
                    .when(new TransferStaffCommand(ID, COMMUNE, null, null, day("2026-01-01"), "50/QĐ-UBND"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void anUnknownPersonCannotBeTransferred() {
            fixture.givenNoPriorActivity()
                    .when(new TransferStaffCommand(ID, COMMUNE, null, null, day("2026-01-01"), "50/QĐ-UBND"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Seconding {

        @Test
        void aSecondmentKeepsTheHomeUnitAndRecordsItsDatesAndDecision() {
            fixture.given(recruited())
                    .when(new SecondStaffCommand(ID, COMMUNE, null, day("2025-07-01"), day("2025-12-31"), "45/QĐ-UBND"))
                    .expectEvents(secondedToTheCommune());
        }

        @Test
        void aSecondmentOfExactlyThreeYearsIsAccepted() {
            fixture.given(recruited())
                    .when(second(COMMUNE, "2025-07-01", "2028-06-30"))
                    .expectEvents(new StaffSecondedEvent(ID, 1, DEPARTMENT, IT, COMMUNE, IT, day("2025-07-01"),
                                                         day("2028-06-30"), "46/QĐ-UBND"));
        }

        @Test
        void aSecondmentOfMoreThanThreeYearsIsInvalid() {
            fixture.given(recruited())
                    .when(second(COMMUNE, "2025-07-01", "2028-07-01"))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("a secondment lasts at most 3 years: from 2025-07-01 it must end on or "
                                            + "before 2028-06-30")
                    .expectNoEvents();
        }

        @Test
        void aSecondmentEndingBeforeItStartsIsInvalid() {
            fixture.given(recruited())
                    .when(second(COMMUNE, "2025-07-01", "2025-06-30"))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void aPersonAlreadySecondedCannotBeSecondedAgain() {
            fixture.given(recruited(), secondedToTheCommune())
                    .when(second(WARD, "2025-10-01", "2026-03-31"))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("staff member 'CB-0001' is already seconded to XA-TAN-LAP from "
                                            + "2025-07-01 until 2025-12-31; the dates of secondments may not overlap")
                    .expectNoEvents();
        }

        @Test
        void aSecondmentRunningIntoALaterOneIsRefused() {
            fixture.given(recruited(), secondedToTheCommune())
                    .when(second(WARD, "2025-05-01", "2025-07-01"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aSecondmentStartingTheDayAfterTheLastOneEndsIsAccepted() {
            fixture.given(recruited(), secondedToTheCommune())
                    .when(second(WARD, "2026-01-01", "2026-06-30"))
                    .expectEvents(new StaffSecondedEvent(ID, 2, DEPARTMENT, IT, WARD, IT, day("2026-01-01"),
                                                         day("2026-06-30"), "46/QĐ-UBND"));
        }

        @Test
        void afterAnEarlyEndANewSecondmentMayStartOnTheDayOfReturn() {
            fixture.given(recruited(), secondedToTheCommune(),
                          new SecondmentEndedEvent(ID, 1, COMMUNE, day("2025-10-01"), SecondmentEndReason.DECIDED,
                                                   "60/QĐ-UBND"))
                    .when(second(WARD, "2025-10-01", "2026-03-31"))
                    .expectEvents(new StaffSecondedEvent(ID, 2, DEPARTMENT, IT, WARD, IT, day("2025-10-01"),
                                                         day("2026-03-31"), "46/QĐ-UBND"));
        }

        @Test
        void aSecondmentToAnotherFieldNamesIt() {
            fixture.given(recruited())
                    .when(new SecondStaffCommand(ID, COMMUNE, "ONE_STOP_DESK", day("2025-07-01"), day("2025-12-31"),
                                                 "45/QĐ-UBND"))
                    .expectEvents(new StaffSecondedEvent(ID, 1, DEPARTMENT, IT, COMMUNE, "ONE_STOP_DESK",
                                                         day("2025-07-01"), day("2025-12-31"), "45/QĐ-UBND"));
        }

        @Test
        void nobodyIsSecondedToTheirOwnUnit() {
            fixture.given(recruited())
                    .when(second(DEPARTMENT, "2025-10-01", "2025-12-31"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aSecondmentStartingBeforeTheRecruitmentIsRefused() {
            fixture.given(recruited())
                    .when(second(COMMUNE, "2024-02-01", "2024-06-30"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aSecondmentSpanningAChangeOfHomeUnitIsRefused() {
            fixture.given(recruited(), new StaffTransferredEvent(ID, DEPARTMENT, IT, WARD, IT, OFFICER,
                                                                 day("2026-01-01"), "50/QĐ-UBND"))
                    .when(second(COMMUNE, "2025-11-01", "2026-02-28"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aSecondmentIsFromTheHomeUnitInForceOnItsFirstDay() {
            fixture.given(recruited(), new StaffTransferredEvent(ID, DEPARTMENT, IT, WARD, IT, OFFICER,
                                                                 day("2026-01-01"), "50/QĐ-UBND"))
                    .when(second(COMMUNE, "2026-02-01", "2026-02-28"))
                    .expectEvents(new StaffSecondedEvent(ID, 1, WARD, IT, COMMUNE, IT, day("2026-02-01"),
                                                         day("2026-02-28"), "46/QĐ-UBND"));
        }

        @Test
        void aSecondmentToAnUnknownUnitIsRefused() {
            fixture.given(recruited())
                    .when(second("XA-NOWHERE", "2025-10-01", "2025-12-31"))
                    .expectException(UnknownReferenceException.class)
                    .expectNoEvents();
        }

        @Test
        void aSecondmentToAUnitThatIsDissolvedBeforeItsLastDayIsRefused() {
            fixture.given(recruited())
                    .when(second(MERGED_COMMUNE, "2025-10-01", "2025-11-01"))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("unit 'XA-TAN-HOA' is dissolved from 2025-11-01; a secondment to it "
                                            + "must end before that day, not on 2025-11-01")
                    .expectNoEvents();
        }

        @Test
        void aSecondmentEndingTheDayBeforeTheUnitIsDissolvedIsAccepted() {
            fixture.given(recruited())
                    .when(second(MERGED_COMMUNE, "2025-10-01", "2025-10-31"))
                    .expectEvents(new StaffSecondedEvent(ID, 1, DEPARTMENT, IT, MERGED_COMMUNE, IT, day("2025-10-01"),
                                                         day("2025-10-31"), "46/QĐ-UBND"));
        }

        @Test
        void aPersonWhoseDepartureIsRecordedCannotBeSeconded() {
            fixture.given(recruited(), departed("2025-09-01"))
                    .when(second(COMMUNE, "2025-10-01", "2025-12-31"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class EndingASecondmentByDecision {

        @Test
        void aSecondmentIsEndedEarlyFromTheDayOfReturn() {
            fixture.given(recruited(), secondedToTheCommune())
                    .when(new EndSecondmentCommand(ID, day("2025-11-01"), "70/QĐ-UBND"))
                    .expectEvents(new SecondmentEndedEvent(ID, 1, COMMUNE, day("2025-11-01"),
                                                           SecondmentEndReason.DECIDED, "70/QĐ-UBND"));
        }

        @Test
        void anEndBeforeTheFirstDayCancelsTheComingSecondment() {
            fixture.given(recruited(), new StaffSecondedEvent(ID, 1, DEPARTMENT, IT, COMMUNE, IT, day("2026-01-01"),
                                                              day("2026-12-31"), "45/QĐ-UBND"))
                    .when(new EndSecondmentCommand(ID, day("2025-12-01"), "70/QĐ-UBND"))
                    .expectEvents(new SecondmentEndedEvent(ID, 1, COMMUNE, day("2025-12-01"),
                                                           SecondmentEndReason.DECIDED, "70/QĐ-UBND"));
        }

        @Test
        void withNoSecondmentRunningOnOrAfterTheDateThereIsNothingToEnd() {
            fixture.given(recruited(), secondedToTheCommune())
                    .when(new EndSecondmentCommand(ID, day("2026-01-01"), "70/QĐ-UBND"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            fixture.given(recruited())
                    .when(new EndSecondmentCommand(ID, day("2025-11-01"), "70/QĐ-UBND"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void anEndedSecondmentCannotBeEndedAgain() {
            fixture.given(recruited(), secondedToTheCommune(),
                          new SecondmentEndedEvent(ID, 1, COMMUNE, day("2025-11-01"), SecondmentEndReason.DECIDED,
                                                   "70/QĐ-UBND"))
                    .when(new EndSecondmentCommand(ID, day("2025-10-15"), "71/QĐ-UBND"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void anEndNeedsADecisionNumber() {
            fixture.given(recruited(), secondedToTheCommune())
                    .when(new EndSecondmentCommand(ID, day("2025-11-01"), null))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class EndingExpiredSecondments {

        private final StaffSecondedEvent expiredYesterday = new StaffSecondedEvent(
                ID, 1, DEPARTMENT, IT, COMMUNE, IT, day("2025-04-01"), day("2025-09-30"), "30/QĐ-UBND");

        @Test
        void aSecondmentWhoseLastDayHasPassedEndsTheDayAfterIt() {
            fixture.given(recruited(), expiredYesterday)
                    .when(new EndExpiredSecondmentsCommand(ID))
                    .expectResultMessagePayload(List.of(new SecondmentEndedEvent(ID, 1, COMMUNE, day("2025-10-01"),
                                                                                 SecondmentEndReason.EXPIRED, null)))
                    .expectEvents(new SecondmentEndedEvent(ID, 1, COMMUNE, day("2025-10-01"),
                                                           SecondmentEndReason.EXPIRED, null));
        }

        @Test
        void aSecondmentWhoseLastDayIsTodayStillRuns() {
            fixture.given(recruited(), new StaffSecondedEvent(ID, 1, DEPARTMENT, IT, COMMUNE, IT, day("2025-04-01"),
                                                              TODAY, "30/QĐ-UBND"))
                    .when(new EndExpiredSecondmentsCommand(ID))
                    .expectResultMessagePayload(List.of())
                    .expectNoEvents();
        }

        @Test
        void theEndOfAnExpiredSecondmentIsRecordedOnlyOnce() {
            fixture.given(recruited(), expiredYesterday,
                          new SecondmentEndedEvent(ID, 1, COMMUNE, day("2025-10-01"), SecondmentEndReason.EXPIRED, null))
                    .when(new EndExpiredSecondmentsCommand(ID))
                    .expectResultMessagePayload(List.of())
                    .expectNoEvents();
        }

        @Test
        void aSecondmentEndedEarlyByDecisionDoesNotExpireAgain() {
            fixture.given(recruited(), expiredYesterday,
                          new SecondmentEndedEvent(ID, 1, COMMUNE, day("2025-06-01"), SecondmentEndReason.DECIDED,
                                                   "31/QĐ-UBND"))
                    .when(new EndExpiredSecondmentsCommand(ID))
                    .expectNoEvents();
        }

        @Test
        void aSecondmentThatExpiredBeforeTheDepartureStillEnds() {
            fixture.given(recruited(), expiredYesterday, departed("2025-10-01"))
                    .when(new EndExpiredSecondmentsCommand(ID))
                    .expectEvents(new SecondmentEndedEvent(ID, 1, COMMUNE, day("2025-10-01"),
                                                           SecondmentEndReason.EXPIRED, null));
        }
    }

    @Nested
    class Training {

        @Test
        void aCompletedCourseIsRecorded() {
            fixture.given(recruited())
                    .when(new RecordTrainingCommand(ID, "Digital government for commune officers", day("2025-09-20")))
                    .expectEvents(new TrainingCompletedEvent(ID, "Digital government for commune officers",
                                                             day("2025-09-20")))
                    .expectResultMessagePayload(new TrainingCompletedEvent(
                            ID, "Digital government for commune officers", day("2025-09-20")));
        }

        @Test
        void aCourseCompletedInTheFutureIsInvalid() {
            fixture.given(recruited())
                    .when(new RecordTrainingCommand(ID, "Cybersecurity", day("2025-10-02")))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void aCourseCompletedAfterTheDepartureIsRefused() {
            fixture.given(recruited(), departed("2025-09-01"))
                    .when(new RecordTrainingCommand(ID, "Cybersecurity", day("2025-09-15")))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class PortalAccounts {

        @Test
        void anAccountIsHeldForTheUnitWhereThePersonWorksToday() {
            fixture.given(recruited())
                    .when(new ProvisionPortalAccountCommand(ID, "binh.tt.sotttt"))
                    .expectEvents(new PortalAccountProvisionedEvent(ID, "binh.tt.sotttt", DEPARTMENT, TODAY));
        }

        @Test
        void whileSecondedTheAccountIsHeldForTheHostUnit() {
            fixture.given(recruited(), secondedToTheCommune())
                    .when(new ProvisionPortalAccountCommand(ID, "binh.tt.xatanlap"))
                    .expectEvents(new PortalAccountProvisionedEvent(ID, "binh.tt.xatanlap", COMMUNE, TODAY));
        }

        @Test
        void anAccountAlreadyHeldCannotBeProvisionedAgain() {
            fixture.given(recruited(), new PortalAccountProvisionedEvent(ID, "binh.tt", DEPARTMENT, day("2025-01-02")))
                    .when(new ProvisionPortalAccountCommand(ID, "binh.tt"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void anAccountIsRevokedForTheUnitItWasHeldFor() {
            fixture.given(recruited(), new PortalAccountProvisionedEvent(ID, "binh.tt", DEPARTMENT, day("2025-01-02")))
                    .when(new RevokePortalAccountCommand(ID, "binh.tt"))
                    .expectEvents(new PortalAccountRevokedEvent(ID, "binh.tt", DEPARTMENT, TODAY));
        }

        @Test
        void aRevokedAccountIsRevokedOnlyOnceButMayBeProvisionedAgain() {
            fixture.given(recruited(), new PortalAccountProvisionedEvent(ID, "binh.tt", DEPARTMENT, day("2025-01-02")),
                          new PortalAccountRevokedEvent(ID, "binh.tt", DEPARTMENT, day("2025-06-02")))
                    .when(new RevokePortalAccountCommand(ID, "binh.tt"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            fixture.given(recruited(), new PortalAccountProvisionedEvent(ID, "binh.tt", DEPARTMENT, day("2025-01-02")),
                          new PortalAccountRevokedEvent(ID, "binh.tt", DEPARTMENT, day("2025-06-02")))
                    .when(new ProvisionPortalAccountCommand(ID, "binh.tt"))
                    .expectEvents(new PortalAccountProvisionedEvent(ID, "binh.tt", DEPARTMENT, TODAY));
        }

        @Test
        void revokingAnAccountThePersonNeverHeldIsUnknown() {
            fixture.given(recruited())
                    .when(new RevokePortalAccountCommand(ID, "someone.else"))
                    .expectException(UnknownReferenceException.class)
                    .expectNoEvents();
        }

        @Test
        void aPersonWhoHasLeftGetsNoNewAccountButLosesTheOldOnes() {
            fixture.given(recruited(), new PortalAccountProvisionedEvent(ID, "binh.tt", DEPARTMENT, day("2025-01-02")),
                          departed("2025-09-01"))
                    .when(new ProvisionPortalAccountCommand(ID, "binh.tt2"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            fixture.given(recruited(), new PortalAccountProvisionedEvent(ID, "binh.tt", DEPARTMENT, day("2025-01-02")),
                          departed("2025-09-01"))
                    .when(new RevokePortalAccountCommand(ID, "binh.tt"))
                    .expectEvents(new PortalAccountRevokedEvent(ID, "binh.tt", DEPARTMENT, TODAY));
        }
    }

    @Nested
    class Departing {

        @Test
        void aDepartureIsRecordedWithItsReasonAndDecision() {
            fixture.given(recruited())
                    .when(new RecordDepartureCommand(ID, day("2026-01-01"), "retirement", "99/QĐ-SNV"))
                    .expectEvents(new StaffDepartedEvent(ID, DEPARTMENT, day("2026-01-01"), "retirement", "99/QĐ-SNV"));
        }

        @Test
        void aDepartureEndsTheSecondmentStillRunningThen() {
            fixture.given(recruited(), secondedToTheCommune())
                    .when(new RecordDepartureCommand(ID, day("2025-11-15"), "resignation", null))
                    .expectEvents(new SecondmentEndedEvent(ID, 1, COMMUNE, day("2025-11-15"),
                                                           SecondmentEndReason.DEPARTED, null),
                                  new StaffDepartedEvent(ID, DEPARTMENT, day("2025-11-15"), "resignation", null));
        }

        @Test
        void aDepartureAfterTheSecondmentLeavesItToExpire() {
            fixture.given(recruited(), secondedToTheCommune())
                    .when(new RecordDepartureCommand(ID, day("2026-02-01"), "retirement", "99/QĐ-SNV"))
                    .expectEvents(new StaffDepartedEvent(ID, DEPARTMENT, day("2026-02-01"), "retirement", "99/QĐ-SNV"));
        }

        @Test
        void aDepartureIsRecordedOnlyOnce() {
            fixture.given(recruited(), departed("2026-01-01"))
                    .when(new RecordDepartureCommand(ID, day("2026-02-01"), "retirement", "99/QĐ-SNV"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aDepartureBeforeTheCurrentAssignmentIsRefused() {
            fixture.given(recruited())
                    .when(new RecordDepartureCommand(ID, day("2024-02-01"), "resignation", null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }
}
