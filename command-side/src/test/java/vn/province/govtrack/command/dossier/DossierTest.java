package vn.province.govtrack.command.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.command.rejection.ForbiddenCommandException;
import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.command.rejection.UnknownReferenceException;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.AssignDossierCommand;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DigitiseDossierCommand;
import vn.province.govtrack.kernel.dossier.DossierAssignedEvent;
import vn.province.govtrack.kernel.dossier.DossierDigitisedEvent;
import vn.province.govtrack.kernel.dossier.DossierExtendedEvent;
import vn.province.govtrack.kernel.dossier.DossierRatedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierRefusedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierReturnedEvent;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.DossierStoppedEvent;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.DossierWithdrawalRequestedEvent;
import vn.province.govtrack.kernel.dossier.ElectronicResultIssuedEvent;
import vn.province.govtrack.kernel.dossier.ExtendDossierCommand;
import vn.province.govtrack.kernel.dossier.IssueElectronicResultCommand;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.PaymentChannel;
import vn.province.govtrack.kernel.dossier.PaymentRecordedEvent;
import vn.province.govtrack.kernel.dossier.PaymentRequestedEvent;
import vn.province.govtrack.kernel.dossier.ProvideSupplementCommand;
import vn.province.govtrack.kernel.dossier.RateDossierCommand;
import vn.province.govtrack.kernel.dossier.ReceiveDossierCommand;
import vn.province.govtrack.kernel.dossier.RecordPaymentCommand;
import vn.province.govtrack.kernel.dossier.RefuseDossierCommand;
import vn.province.govtrack.kernel.dossier.RequestPaymentCommand;
import vn.province.govtrack.kernel.dossier.RequestSupplementCommand;
import vn.province.govtrack.kernel.dossier.RequestWithdrawalCommand;
import vn.province.govtrack.kernel.dossier.ResolveDossierCommand;
import vn.province.govtrack.kernel.dossier.ReturnDossierCommand;
import vn.province.govtrack.kernel.dossier.StopDossierCommand;
import vn.province.govtrack.kernel.dossier.SubmitDossierCommand;
import vn.province.govtrack.kernel.dossier.SupplementProvidedEvent;
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.kernel.dossier.TransferDossierCommand;
import vn.province.govtrack.security.Role;

/**
 * Every step of a dossier's life, accepted and refused, as given/when/then. Which step each
 * status allows is checked exhaustively in {@link DossierLifecycleTest}.
 */
class DossierTest {

    private static final String COMMUNE = "XA-TAN-LAP";
    private static final String WARD = "PHUONG-HOA-BINH";
    /** Merged into a neighbour: dissolved from Wednesday 2 July 2025. */
    private static final String MERGED_COMMUNE = "XA-TAN-HOA";
    private static final String OFFICER = "CB-01";
    /** Birth registration: one working day, cut-off 15:00, offered online. */
    private static final ProcedureTerms BIRTH = new ProcedureTerms("KHAI-SINH", "JUSTICE_CIVIL_STATUS", 8,
                                                                   LocalTime.of(15, 0), true);
    /** Land allocation: five working days, cut-off 15:00, not offered online. */
    private static final ProcedureTerms LAND = new ProcedureTerms("GIAO-DAT", "LAND", 40, LocalTime.of(15, 0), false);
    /** A business licence: five working days, offered online until an update to NONE takes effect on 1 August 2025. */
    private static final ProcedureTerms LICENCE = new ProcedureTerms("CAP-PHEP", "TRADE", 40, LocalTime.of(15, 0),
                                                                     day -> day.isBefore(LocalDate.parse("2025-08-01")));
    /** The applicant as the edge sealed it; the aggregate only carries it on. */
    private static final SealedApplicant CITIZEN = new SealedApplicant("key-an", "c2VhbGVkIGFwcGxpY2FudA==");
    private static final Instant NOW = at("2025-10-01T10:00");
    /** The due date of {@link #receivedInPerson()}. */
    private static final Instant DUE = at("2025-07-02T09:30");

    private FixtureConfiguration<Dossier> fixture;

    /** A local time in Asia/Ho_Chi_Minh. */
    /** The state a command leaves the dossier in, before any supplement request and any verdict. */
    private static DossierState state(String dossierId, DossierStatus status, String unitCode, Instant dueAt) {
        return new DossierState(dossierId, status, unitCode, dueAt, 0, null);
    }

    /** A dossier state whose last supplement request has {@code number}. */
    private static Matcher<DossierState> supplementRequestNumbered(int number) {
        return new FeatureMatcher<DossierState, Integer>(equalTo(number), "a dossier whose supplement requests number",
                                                         "supplementRequests") {
            @Override
            protected Integer featureValueOf(DossierState state) {
                return state.supplementRequests();
            }
        };
    }

    /** A dossier state that records the verdict {@code verdict}. */
    private static Matcher<DossierState> judged(Timeliness verdict) {
        return new FeatureMatcher<DossierState, Timeliness>(equalTo(verdict), "a dossier judged", "timeliness") {
            @Override
            protected Timeliness featureValueOf(DossierState state) {
                return state.timeliness();
            }
        };
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingHours.PROVINCE_DEFAULT.zone()).toInstant();
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dossier.class);
        fixture.registerInjectableResource(new FakeReferenceData()
                .withUnit(COMMUNE)
                .withUnit(WARD)
                .withUnitDissolvedFrom(MERGED_COMMUNE, LocalDate.parse("2025-07-02"))
                .withProcedure(BIRTH)
                .withProcedure(LAND)
                .withProcedure(LICENCE)
                .withHolidays(2025, Set.of(LocalDate.parse("2025-09-01"), LocalDate.parse("2025-09-02"))));
        fixture.registerInjectableResource(Clock.fixed(NOW, WorkingHours.PROVINCE_DEFAULT.zone()));
        // five working days to supply what was asked for (the service's default is 30)
        fixture.registerInjectableResource(new SupplementPolicy(5));
    }

    /** Received in person on Tuesday 1 July 2025 at 09:30, due Wednesday 2 July at 09:30. */
    private static DossierReceivedEvent receivedInPerson() {
        return new DossierReceivedEvent("HS-1", "KHAI-SINH", "JUSTICE_CIVIL_STATUS", COMMUNE, Channel.IN_PERSON, CITIZEN,
                                        at("2025-07-01T09:30"), 8, at("2025-07-01T09:30"), DUE);
    }

    private static DossierSubmittedOnlineEvent submittedOnline() {
        return new DossierSubmittedOnlineEvent("HS-1", "KHAI-SINH", "JUSTICE_CIVIL_STATUS", COMMUNE, CITIZEN,
                                               at("2025-07-05T21:00"));
    }

    private static DossierAssignedEvent assigned() {
        return new DossierAssignedEvent("HS-1", OFFICER, at("2025-07-01T10:00"));
    }

    private static SupplementRequestedEvent supplementRequested(String at, int requestNumber) {
        return new SupplementRequestedEvent("HS-1", "the birth certificate of the mother", at(at), requestNumber);
    }

    private static SupplementRequestedEvent firstSupplementRequested() {
        return supplementRequested("2025-07-01T11:00", 1);
    }

    /** The first request answered on Wednesday 2 July at 11:00: 5 h + 3 h paused, due moves to Thursday 09:30. */
    private static SupplementProvidedEvent firstSupplementProvided() {
        return new SupplementProvidedEvent("HS-1", null, at("2025-07-02T11:00"), 8.0, at("2025-07-03T09:30"));
    }

    @Nested
    class SubmittingADossier {

        @Test
        void inPersonTheDossierIsReceivedAtOnceWithItsDueDate() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "KHAI-SINH", COMMUNE, Channel.IN_PERSON, CITIZEN,
                                                   at("2025-07-01T09:30")))
                    .expectEvents(receivedInPerson())
                    .expectResultMessagePayload(state("HS-1", DossierStatus.RECEIVED, COMMUNE, DUE));
        }

        @Test
        void byPostAfterTheCutoffOnTheEveOfAHolidayTheClockStartsAfterTheHoliday() {
            // Friday 29 August 16:00; 1 and 2 September are off: five working days from Wednesday 3 September
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-2", "GIAO-DAT", COMMUNE, Channel.POSTAL, CITIZEN,
                                                   at("2025-08-29T16:00")))
                    .expectEvents(new DossierReceivedEvent("HS-2", "GIAO-DAT", "LAND", COMMUNE, Channel.POSTAL, CITIZEN,
                                                           at("2025-08-29T16:00"), 40, at("2025-09-03T08:00"),
                                                           at("2025-09-09T17:00")));
        }

        @Test
        void withoutASubmissionTimeTheDossierIsReceivedNow() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "KHAI-SINH", COMMUNE, Channel.IN_PERSON, CITIZEN, null))
                    .expectEvents(new DossierReceivedEvent("HS-1", "KHAI-SINH", "JUSTICE_CIVIL_STATUS", COMMUNE,
                                                           Channel.IN_PERSON, CITIZEN, NOW, 8, NOW,
                                                           at("2025-10-02T10:00")));
        }

        @Test
        void onlineTheDossierWaitsAsNewWithoutADueDate() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "KHAI-SINH", COMMUNE, Channel.ONLINE, CITIZEN,
                                                   at("2025-07-05T21:00")))
                    .expectEvents(submittedOnline())
                    .expectResultMessagePayload(state("HS-1", DossierStatus.NEW, COMMUNE, null));
        }

        @Test
        void onlineIsRefusedForAProcedureNotOfferedOnline() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "GIAO-DAT", COMMUNE, Channel.ONLINE, CITIZEN, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("procedure 'GIAO-DAT' is not offered online on 2025-10-01")
                    .expectNoEvents();
        }

        @Test
        void onlineIsJudgedByTheProceduresLevelOnTheSubmissionsBusinessDay() {
            // 31 July 2025 at 21:00 in the province: still offered online
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "CAP-PHEP", COMMUNE, Channel.ONLINE, CITIZEN,
                                                   at("2025-07-31T21:00")))
                    .expectEvents(new DossierSubmittedOnlineEvent("HS-1", "CAP-PHEP", "TRADE", COMMUNE, CITIZEN,
                                                                  at("2025-07-31T21:00")));
        }

        @Test
        void onlineIsRefusedFromTheBusinessDayTheProcedureStopsBeingOfferedOnlineThoughItIsTheDayBeforeInUtc() {
            // 1 August 2025 at 06:30 in the province is still 31 July in UTC
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "CAP-PHEP", COMMUNE, Channel.ONLINE, CITIZEN,
                                                   at("2025-08-01T06:30")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("procedure 'CAP-PHEP' is not offered online on 2025-08-01")
                    .expectNoEvents();
        }

        @Test
        void atAnUnknownUnitIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "KHAI-SINH", "NOWHERE", Channel.IN_PERSON, CITIZEN, null))
                    .expectException(UnknownReferenceException.class)
                    .expectExceptionMessage("unknown unit 'NOWHERE'")
                    .expectNoEvents();
        }

        @Test
        void atAUnitDissolvedThatDayIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "KHAI-SINH", MERGED_COMMUNE, Channel.IN_PERSON, CITIZEN,
                                                   at("2025-07-02T07:45")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("unit 'XA-TAN-HOA' is dissolved from 2025-07-02; it takes no dossier on "
                                            + "2025-07-02")
                    .expectNoEvents();
        }

        @Test
        void atAUnitOnTheDayBeforeItsDissolutionIsReceived() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "KHAI-SINH", MERGED_COMMUNE, Channel.IN_PERSON, CITIZEN,
                                                   at("2025-07-01T09:30")))
                    .expectEvents(new DossierReceivedEvent("HS-1", "KHAI-SINH", "JUSTICE_CIVIL_STATUS", MERGED_COMMUNE,
                                                           Channel.IN_PERSON, CITIZEN, at("2025-07-01T09:30"), 8,
                                                           at("2025-07-01T09:30"), DUE));
        }

        @Test
        void underAnUnknownProcedureIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "NO-SUCH", COMMUNE, Channel.IN_PERSON, CITIZEN, null))
                    .expectException(UnknownReferenceException.class)
                    .expectExceptionMessage("unknown procedure 'NO-SUCH'")
                    .expectNoEvents();
        }

        @Test
        void underADossierIdAlreadyInUseIsRefused() {
            fixture.given(receivedInPerson())
                    .when(new SubmitDossierCommand("HS-1", "KHAI-SINH", COMMUNE, Channel.IN_PERSON, CITIZEN, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' already exists")
                    .expectNoEvents();
        }

        @Test
        void underAMalformedDossierIdIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS 1", "KHAI-SINH", COMMUNE, Channel.IN_PERSON, CITIZEN, null))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void withASubmissionTimeInTheFutureIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "KHAI-SINH", COMMUNE, Channel.IN_PERSON, CITIZEN,
                                                   NOW.plusSeconds(3600)))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void withoutAChannelIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "KHAI-SINH", COMMUNE, null, CITIZEN, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("channel is required")
                    .expectNoEvents();
        }
    }

    @Nested
    class ReceivingAnOnlineDossier {

        @Test
        void startsTheClockAndDecidesTheDueDate() {
            fixture.given(submittedOnline())
                    .when(new ReceiveDossierCommand("HS-1", at("2025-07-07T08:30")))
                    .expectEvents(new DossierReceivedEvent("HS-1", "KHAI-SINH", "JUSTICE_CIVIL_STATUS", COMMUNE,
                                                           Channel.ONLINE, CITIZEN, at("2025-07-07T08:30"), 8,
                                                           at("2025-07-07T08:30"), at("2025-07-08T08:30")))
                    .expectResultMessagePayload(state("HS-1", DossierStatus.RECEIVED, COMMUNE, at("2025-07-08T08:30")));
        }

        @Test
        void atTheUnitItWasTransferredToKeepsThatUnit() {
            fixture.given(submittedOnline(),
                          new DossierTransferredEvent("HS-1", COMMUNE, WARD, "the applicant lives in the ward",
                                                      at("2025-07-06T09:00")))
                    .when(new ReceiveDossierCommand("HS-1", at("2025-07-07T08:30")))
                    .expectEvents(new DossierReceivedEvent("HS-1", "KHAI-SINH", "JUSTICE_CIVIL_STATUS", WARD,
                                                           Channel.ONLINE, CITIZEN, at("2025-07-07T08:30"), 8,
                                                           at("2025-07-07T08:30"), at("2025-07-08T08:30")));
        }

        @Test
        void ofADossierAlreadyReceivedIsRefused() {
            fixture.given(receivedInPerson())
                    .when(new ReceiveDossierCommand("HS-1", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is RECEIVED; it cannot be received")
                    .expectNoEvents();
        }

        @Test
        void beforeTheOnlineSubmissionIsRefused() {
            fixture.given(submittedOnline())
                    .when(new ReceiveDossierCommand("HS-1", at("2025-07-05T20:00")))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RefusingAnOnlineDossier {

        @Test
        void leavesItNotReceivedWithoutADueDate() {
            fixture.given(submittedOnline())
                    .when(new RefuseDossierCommand("HS-1", "not competent: the applicant lives elsewhere",
                                                   at("2025-07-07T08:30")))
                    .expectEvents(new DossierRefusedEvent("HS-1", "not competent: the applicant lives elsewhere",
                                                          at("2025-07-07T08:30")))
                    .expectResultMessagePayload(state("HS-1", DossierStatus.NOT_RECEIVED, COMMUNE, null));
        }

        @Test
        void withoutAReasonIsRefused() {
            fixture.given(submittedOnline())
                    .when(new RefuseDossierCommand("HS-1", " ", null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("reason must not be blank")
                    .expectNoEvents();
        }

        @Test
        void onceReceivedIsRefused() {
            fixture.given(receivedInPerson())
                    .when(new RefuseDossierCommand("HS-1", "incomplete", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is RECEIVED; it cannot be refused")
                    .expectNoEvents();
        }

        @Test
        void ofAnUnknownDossierFindsNothing() {
            fixture.givenNoPriorActivity()
                    .when(new RefuseDossierCommand("HS-404", "incomplete", null))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class AssigningAnOfficer {

        @Test
        void putsTheDossierInProcessing() {
            fixture.given(receivedInPerson())
                    .when(new AssignDossierCommand("HS-1", OFFICER, at("2025-07-01T10:00")))
                    .expectEvents(assigned())
                    .expectResultMessagePayload(state("HS-1", DossierStatus.IN_PROCESSING, COMMUNE, DUE));
        }

        @Test
        void againHandsTheDossierToAnotherOfficer() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new AssignDossierCommand("HS-1", "CB-02", at("2025-07-01T14:00")))
                    .expectEvents(new DossierAssignedEvent("HS-1", "CB-02", at("2025-07-01T14:00")));
        }

        @Test
        void toTheOfficerAlreadyHandlingItIsRefused() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new AssignDossierCommand("HS-1", OFFICER, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is already assigned to 'CB-01'")
                    .expectNoEvents();
        }

        @Test
        void withoutAnOfficerIsRefused() {
            fixture.given(receivedInPerson())
                    .when(new AssignDossierCommand("HS-1", null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("staffId must not be blank")
                    .expectNoEvents();
        }

        @Test
        void beforeTheOnlineDossierIsReceivedIsRefused() {
            fixture.given(submittedOnline())
                    .when(new AssignDossierCommand("HS-1", OFFICER, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is NEW; it cannot be assigned")
                    .expectNoEvents();
        }

        @Test
        void datedBeforeTheReceiptIsRefusedBecauseTimesMayNotGoBackwards() {
            fixture.given(receivedInPerson())
                    .when(new AssignDossierCommand("HS-1", OFFICER, at("2025-07-01T09:00")))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void datedInTheFutureIsRefused() {
            fixture.given(receivedInPerson())
                    .when(new AssignDossierCommand("HS-1", OFFICER, NOW.plusSeconds(3600)))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RequestingASupplement {

        @Test
        void pausesTheClockAsTheFirstRequest() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new RequestSupplementCommand("HS-1", "the birth certificate of the mother",
                                                       at("2025-07-01T11:00")))
                    .expectEvents(firstSupplementRequested())
                    .expectResultMessagePayloadMatching(supplementRequestNumbered(1));
        }

        @Test
        void againCountsTheSecondRequest() {
            fixture.given(receivedInPerson(), assigned(), firstSupplementRequested(), firstSupplementProvided())
                    .when(new RequestSupplementCommand("HS-1", "the birth certificate of the mother",
                                                       at("2025-07-02T14:00")))
                    .expectEvents(supplementRequested("2025-07-02T14:00", 2))
                    .expectResultMessagePayloadMatching(supplementRequestNumbered(2));
        }

        @Test
        void beforeAnyAssignmentIsAccepted() {
            fixture.given(receivedInPerson())
                    .when(new RequestSupplementCommand("HS-1", "the birth certificate of the mother",
                                                       at("2025-07-01T11:00")))
                    .expectEvents(firstSupplementRequested());
        }

        @Test
        void whileOneIsPendingIsRefused() {
            fixture.given(receivedInPerson(), assigned(), firstSupplementRequested())
                    .when(new RequestSupplementCommand("HS-1", "another document", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is SUPPLEMENT_REQUESTED; it cannot be asked for a supplement")
                    .expectNoEvents();
        }

        @Test
        void withoutAReasonIsRefused() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new RequestSupplementCommand("HS-1", null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("reason must not be blank")
                    .expectNoEvents();
        }
    }

    @Nested
    class SupplyingTheSupplement {

        @Test
        void movesTheDueDateByThePausedWorkingTimeAndResumesProcessing() {
            // paused Tuesday 11:00 to Friday 10:00: 5 h + 8 h + 8 h + 2 h = 23 h;
            // Wednesday 09:30 + 23 h = 6.5 h + 8 h + 8 h + 0.5 h, on Monday 7 July 08:30
            fixture.given(receivedInPerson(), assigned(), firstSupplementRequested())
                    .when(new ProvideSupplementCommand("HS-1", "certificate brought in", at("2025-07-04T10:00")))
                    .expectEvents(new SupplementProvidedEvent("HS-1", "certificate brought in", at("2025-07-04T10:00"),
                                                              23.0, at("2025-07-07T08:30")))
                    .expectResultMessagePayload(
                            new DossierState("HS-1", DossierStatus.IN_PROCESSING, COMMUNE, at("2025-07-07T08:30"), 1,
                                             null));
        }

        @Test
        void beforeAnyAssignmentTheDossierIsReceivedAgain() {
            fixture.given(receivedInPerson(), firstSupplementRequested())
                    .when(new ProvideSupplementCommand("HS-1", null, at("2025-07-02T11:00")))
                    .expectEvents(firstSupplementProvided())
                    .expectResultMessagePayload(new DossierState("HS-1", DossierStatus.RECEIVED, COMMUNE,
                                                                 at("2025-07-03T09:30"), 1, null));
        }

        @Test
        void overAWeekendCountsOnlyTheWorkingHours() {
            // paused Friday 4 July 16:00 to Monday 7 July 09:00: 1 h + 1 h; due Wednesday 09:30 moves to 11:30
            fixture.given(receivedInPerson(), supplementRequested("2025-07-04T16:00", 1))
                    .when(new ProvideSupplementCommand("HS-1", null, at("2025-07-07T09:00")))
                    .expectEvents(new SupplementProvidedEvent("HS-1", null, at("2025-07-07T09:00"), 2.0,
                                                              at("2025-07-02T11:30")));
        }

        @Test
        void requestedBeforeTheClockStartedGivesBackOnlyTheTimeItRan() {
            // received Tuesday 16:00 after the cut-off: the clock starts Wednesday 08:00, due Wednesday 17:00;
            // paused from 16:30 to Wednesday 10:00, of which only 2 h were the clock's: due Thursday 10:00
            DossierReceivedEvent lateInTheDay = new DossierReceivedEvent(
                    "HS-1", "KHAI-SINH", "JUSTICE_CIVIL_STATUS", COMMUNE, Channel.IN_PERSON, CITIZEN,
                    at("2025-07-01T16:00"), 8, at("2025-07-02T08:00"), at("2025-07-02T17:00"));
            fixture.given(lateInTheDay, supplementRequested("2025-07-01T16:30", 1))
                    .when(new ProvideSupplementCommand("HS-1", null, at("2025-07-02T10:00")))
                    .expectEvents(new SupplementProvidedEvent("HS-1", null, at("2025-07-02T10:00"), 2.0,
                                                              at("2025-07-03T10:00")));
        }

        @Test
        void overTheNationalDayHolidaysCountsThemAsPaused() {
            // LAND, received Monday 25 August 08:00, due Friday 29 August 17:00; paused Friday 14:00 to
            // Wednesday 3 September 10:00 (1 and 2 September off): 3 h + 2 h, so the due date moves past the
            // weekend and the holidays to Wednesday 08:00 + 5 h, after lunch
            DossierReceivedEvent land = new DossierReceivedEvent(
                    "HS-1", "GIAO-DAT", "LAND", COMMUNE, Channel.IN_PERSON, CITIZEN,
                    at("2025-08-25T08:00"), 40, at("2025-08-25T08:00"), at("2025-08-29T17:00"));
            fixture.given(land, supplementRequested("2025-08-29T14:00", 1))
                    .when(new ProvideSupplementCommand("HS-1", null, at("2025-09-03T10:00")))
                    .expectEvents(new SupplementProvidedEvent("HS-1", null, at("2025-09-03T10:00"), 5.0,
                                                              at("2025-09-03T14:00")));
        }

        @Test
        void onTheLastMomentOfItsDeadlineIsAccepted() {
            // five working days after Tuesday 1 July 11:00 is Tuesday 8 July 11:00; 40 h paused
            fixture.given(receivedInPerson(), assigned(), firstSupplementRequested())
                    .when(new ProvideSupplementCommand("HS-1", null, at("2025-07-08T11:00")))
                    .expectEvents(new SupplementProvidedEvent("HS-1", null, at("2025-07-08T11:00"), 40.0,
                                                              at("2025-07-09T09:30")));
        }

        @Test
        void afterItsDeadlineIsRefusedAndTheDossierStaysPaused() {
            fixture.given(receivedInPerson(), assigned(), firstSupplementRequested())
                    .when(new ProvideSupplementCommand("HS-1", null, at("2025-07-08T11:01")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("the supplement to dossier 'HS-1' arrived at 2025-07-08T04:01:00Z, after its"
                                            + " deadline 2025-07-08T04:00:00Z (5 working days after the request); it is"
                                            + " refused, and the dossier may be stopped")
                    .expectNoEvents();
        }

        @Test
        void withoutARequestIsRefused() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new ProvideSupplementCommand("HS-1", null, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is IN_PROCESSING; it cannot be supplemented")
                    .expectNoEvents();
        }

        @Test
        void datedBeforeTheRequestIsRefusedBecauseTimesMayNotGoBackwards() {
            fixture.given(receivedInPerson(), assigned(), firstSupplementRequested())
                    .when(new ProvideSupplementCommand("HS-1", null, at("2025-07-01T10:30")))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RequestingAndRecordingAPayment {

        private final PaymentRequestedEvent requested =
                new PaymentRequestedEvent("HS-1", 8_000, "registration fee", at("2025-07-01T11:00"));

        @Test
        void aPaymentRequestWaitsForThePayment() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new RequestPaymentCommand("HS-1", 8_000, "registration fee", at("2025-07-01T11:00")))
                    .expectEvents(requested)
                    .expectResultMessagePayload(state("HS-1", DossierStatus.PAYMENT_REQUESTED, COMMUNE, DUE));
        }

        @Test
        void thePaymentResumesProcessingWithTheSameDueDate() {
            fixture.given(receivedInPerson(), assigned(), requested)
                    .when(new RecordPaymentCommand("HS-1", 8_000, at("2025-07-01T14:00"), null))
                    .expectEvents(new PaymentRecordedEvent("HS-1", 8_000, at("2025-07-01T14:00"), PaymentChannel.AT_DESK))
                    .expectResultMessagePayload(state("HS-1", DossierStatus.IN_PROCESSING, COMMUNE, DUE));
        }

        @Test
        void aPaymentThroughThePortalIsRecordedAsPaidOnline() {
            fixture.given(receivedInPerson(), assigned(), requested)
                    .when(new RecordPaymentCommand("HS-1", 8_000, at("2025-07-01T14:00"), PaymentChannel.ONLINE))
                    .expectEvents(new PaymentRecordedEvent("HS-1", 8_000, at("2025-07-01T14:00"), PaymentChannel.ONLINE))
                    .expectResultMessagePayload(state("HS-1", DossierStatus.IN_PROCESSING, COMMUNE, DUE));
        }

        @Test
        void thePaymentOfADossierNeverAssignedLeavesItReceived() {
            fixture.given(receivedInPerson(), requested)
                    .when(new RecordPaymentCommand("HS-1", 8_000, at("2025-07-01T14:00"), null))
                    .expectResultMessagePayload(state("HS-1", DossierStatus.RECEIVED, COMMUNE, DUE));
        }

        @Test
        void aPaymentRequestForNothingIsRefused() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new RequestPaymentCommand("HS-1", 0, "registration fee", null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("amount must be positive, not 0")
                    .expectNoEvents();
        }

        @Test
        void aPaymentRequestWithoutAReasonIsRefused() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new RequestPaymentCommand("HS-1", 8_000, "", null))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void aNegativePaymentIsRefused() {
            fixture.given(receivedInPerson(), assigned(), requested)
                    .when(new RecordPaymentCommand("HS-1", -8_000, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void aPaymentNobodyAskedForIsRefused() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new RecordPaymentCommand("HS-1", 8_000, null, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is IN_PROCESSING; it cannot be paid")
                    .expectNoEvents();
        }

        @Test
        void resolvingWhileThePaymentIsOutstandingIsRefused() {
            fixture.given(receivedInPerson(), assigned(), requested)
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is PAYMENT_REQUESTED; it cannot be resolved")
                    .expectNoEvents();
        }
    }

    @Nested
    class ApologisingAndExtending {

        @Test
        void setsTheNewAppointmentDate() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new ExtendDossierCommand("HS-1", at("2025-07-04T17:00"), "we apologise: a site visit is needed",
                                                   at("2025-07-02T08:00")))
                    .expectEvents(new DossierExtendedEvent("HS-1", DUE, at("2025-07-04T17:00"),
                                                           "we apologise: a site visit is needed", at("2025-07-02T08:00")))
                    .expectResultMessagePayload(
                            state("HS-1", DossierStatus.IN_PROCESSING, COMMUNE, at("2025-07-04T17:00")));
        }

        @Test
        void toADateNotAfterTheOneInForceIsRefused() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new ExtendDossierCommand("HS-1", DUE, "we apologise", null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void withoutAnApologyIsRefused() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new ExtendDossierCommand("HS-1", at("2025-07-04T17:00"), null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("apology must not be blank")
                    .expectNoEvents();
        }

        @Test
        void withoutANewDateIsRefused() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new ExtendDossierCommand("HS-1", null, "we apologise", null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("newDueAt is required")
                    .expectNoEvents();
        }

        @Test
        void beyondTheCalendarsLastYearIsRefused() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new ExtendDossierCommand("HS-1", Instant.parse("2101-01-01T00:00:00Z"), "we apologise", null))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void ofAResolvedDossierIsRefused() {
            fixture.given(receivedInPerson(), new DossierResolvedEvent("HS-1", Outcome.APPROVED, null,
                                                                       at("2025-07-01T16:30"), DUE, Timeliness.EARLY, 0.75))
                    .when(new ExtendDossierCommand("HS-1", at("2025-07-04T17:00"), "we apologise", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is RESOLVED; it cannot be extended")
                    .expectNoEvents();
        }
    }

    @Nested
    class TransferringToAnotherUnit {

        @Test
        void movesTheDossierKeepingItsStatusAndDueDate() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new TransferDossierCommand("HS-1", WARD, "the land lies in the ward", at("2025-07-01T11:00")))
                    .expectEvents(new DossierTransferredEvent("HS-1", COMMUNE, WARD, "the land lies in the ward",
                                                              at("2025-07-01T11:00")))
                    .expectResultMessagePayload(state("HS-1", DossierStatus.IN_PROCESSING, WARD, DUE));
        }

        @Test
        void ofAnOnlineDossierBeforeReceiptIsAccepted() {
            fixture.given(submittedOnline())
                    .when(new TransferDossierCommand("HS-1", WARD, "the applicant lives in the ward", null))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(state("HS-1", DossierStatus.NEW, WARD, null));
        }

        @Test
        void toAnUnknownUnitFindsNothing() {
            fixture.given(receivedInPerson())
                    .when(new TransferDossierCommand("HS-1", "NOWHERE", "reason", null))
                    .expectException(UnknownReferenceException.class)
                    .expectExceptionMessage("unknown unit 'NOWHERE'")
                    .expectNoEvents();
        }

        @Test
        void toADissolvedUnitIsRefused() {
            fixture.given(receivedInPerson())
                    .when(new TransferDossierCommand("HS-1", MERGED_COMMUNE, "the applicant lives there",
                                                     at("2025-07-02T08:00")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("unit 'XA-TAN-HOA' is dissolved from 2025-07-02; it takes no dossier on "
                                            + "2025-07-02")
                    .expectNoEvents();
        }

        @Test
        void toTheUnitAlreadyHandlingItIsRefused() {
            fixture.given(receivedInPerson())
                    .when(new TransferDossierCommand("HS-1", COMMUNE, "reason", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is already at unit 'XA-TAN-LAP'")
                    .expectNoEvents();
        }

        @Test
        void backToTheFirstUnitIsAccepted() {
            fixture.given(receivedInPerson(),
                          new DossierTransferredEvent("HS-1", COMMUNE, WARD, "the land lies in the ward",
                                                      at("2025-07-01T11:00")))
                    .when(new TransferDossierCommand("HS-1", COMMUNE, "the land lies in the commune after all", null))
                    .expectResultMessagePayload(state("HS-1", DossierStatus.RECEIVED, COMMUNE, DUE));
        }

        @Test
        void withoutAReasonIsRefused() {
            fixture.given(receivedInPerson())
                    .when(new TransferDossierCommand("HS-1", WARD, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ResolvingADossier {

        @Test
        void onADayBeforeTheDueDatesDayIsEarly() {
            fixture.given(receivedInPerson())
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, "issued", at("2025-07-01T16:30")))
                    .expectEvents(new DossierResolvedEvent("HS-1", Outcome.APPROVED, "issued", at("2025-07-01T16:30"),
                                                           DUE, Timeliness.EARLY, 0.75))
                    .expectResultMessagePayloadMatching(judged(Timeliness.EARLY));
        }

        @Test
        void onTheDueDatesDayBeforeTheDueTimeIsOnTime() {
            fixture.given(receivedInPerson())
                    .when(new ResolveDossierCommand("HS-1", Outcome.REFUSED, "incomplete", at("2025-07-02T09:00")))
                    .expectEvents(new DossierResolvedEvent("HS-1", Outcome.REFUSED, "incomplete", at("2025-07-02T09:00"),
                                                           DUE, Timeliness.ON_TIME, 0.9375));
        }

        @Test
        void afterTheDueTimeIsLate() {
            fixture.given(receivedInPerson())
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, at("2025-07-03T10:00")))
                    .expectEvents(new DossierResolvedEvent("HS-1", Outcome.APPROVED, null, at("2025-07-03T10:00"),
                                                           DUE, Timeliness.LATE, 2.0625));
        }

        @Test
        void inProcessingIsJudgedTheSameWay() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, at("2025-07-02T09:00")))
                    .expectResultMessagePayloadMatching(judged(Timeliness.ON_TIME));
        }

        @Test
        void afterASupplementIsJudgedByTheMovedDueDateWithoutThePausedTime() {
            // due moved to Thursday 3 July 09:30; worked 6.5 h Tuesday + 8 h Wednesday + 1 h Thursday, 8 h of it paused
            fixture.given(receivedInPerson(), assigned(), firstSupplementRequested(), firstSupplementProvided())
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, at("2025-07-03T09:00")))
                    .expectEvents(new DossierResolvedEvent("HS-1", Outcome.APPROVED, null, at("2025-07-03T09:00"),
                                                           at("2025-07-03T09:30"), Timeliness.ON_TIME, 0.9375));
        }

        @Test
        void afterTwoSupplementRequestsIsLateHoweverEarly() {
            fixture.given(receivedInPerson(), assigned(), firstSupplementRequested(), firstSupplementProvided(),
                          supplementRequested("2025-07-02T14:00", 2),
                          new SupplementProvidedEvent("HS-1", null, at("2025-07-02T15:00"), 1.0, at("2025-07-03T10:30")))
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, at("2025-07-02T16:00")))
                    .expectEvents(new DossierResolvedEvent("HS-1", Outcome.APPROVED, null, at("2025-07-02T16:00"),
                                                           at("2025-07-03T10:30"), Timeliness.LATE, 0.5625))
                    .expectResultMessagePayloadMatching(judged(Timeliness.LATE));
        }

        @Test
        void afterAnExtensionIsJudgedByTheNewAppointment() {
            fixture.given(receivedInPerson(),
                          new DossierExtendedEvent("HS-1", DUE, at("2025-07-04T17:00"), "we apologise",
                                                   at("2025-07-02T08:00")))
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, at("2025-07-03T10:00")))
                    .expectResultMessagePayloadMatching(judged(Timeliness.EARLY));
        }

        @Test
        void afterThePaymentIsAccepted() {
            fixture.given(receivedInPerson(), assigned(),
                          new PaymentRequestedEvent("HS-1", 8_000, "registration fee", at("2025-07-01T11:00")),
                          new PaymentRecordedEvent("HS-1", 8_000, at("2025-07-01T14:00"), PaymentChannel.AT_DESK))
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, at("2025-07-01T16:30")))
                    .expectResultMessagePayloadMatching(judged(Timeliness.EARLY));
        }

        @Test
        void withoutAResolutionTimeIsJudgedNow() {
            fixture.given(receivedInPerson())
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayloadMatching(judged(Timeliness.LATE));
        }

        @Test
        void ofADossierAlreadyResolvedIsRefused() {
            fixture.given(receivedInPerson(),
                          new DossierResolvedEvent("HS-1", Outcome.APPROVED, null, at("2025-07-01T16:30"),
                                                   DUE, Timeliness.EARLY, 0.75))
                    .when(new ResolveDossierCommand("HS-1", Outcome.REFUSED, null, at("2025-07-02T08:00")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is RESOLVED; it cannot be resolved")
                    .expectNoEvents();
        }

        @Test
        void ofAnOnlineDossierNotYetReceivedIsRefused() {
            fixture.given(submittedOnline())
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is NEW; it cannot be resolved")
                    .expectNoEvents();
        }

        @Test
        void whileASupplementIsAwaitedIsRefused() {
            fixture.given(receivedInPerson(), assigned(), firstSupplementRequested())
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void datedBeforeTheReceiptIsRefusedBecauseTimesMayNotGoBackwards() {
            fixture.given(receivedInPerson())
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, at("2025-07-01T09:00")))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void withoutAnOutcomeIsRefused() {
            fixture.given(receivedInPerson())
                    .when(new ResolveDossierCommand("HS-1", null, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("outcome is required")
                    .expectNoEvents();
        }

        @Test
        void ofAnUnknownDossierFindsNothing() {
            fixture.givenNoPriorActivity()
                    .when(new ResolveDossierCommand("HS-404", Outcome.APPROVED, null, null))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ReturningTheResult {

        private final DossierResolvedEvent resolved = new DossierResolvedEvent(
                "HS-1", Outcome.APPROVED, null, at("2025-07-01T16:30"), DUE, Timeliness.EARLY, 0.75);

        @Test
        void afterTheResolutionHandsItBack() {
            fixture.given(receivedInPerson(), resolved)
                    .when(new ReturnDossierCommand("HS-1", at("2025-07-02T08:15")))
                    .expectEvents(new DossierReturnedEvent("HS-1", at("2025-07-02T08:15")))
                    .expectResultMessagePayload(
                            new DossierState("HS-1", DossierStatus.RETURNED, COMMUNE, DUE, 0, Timeliness.EARLY));
        }

        @Test
        void beforeTheResolutionIsRefused() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new ReturnDossierCommand("HS-1", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is IN_PROCESSING; it cannot be returned")
                    .expectNoEvents();
        }

        @Test
        void twiceIsRefused() {
            fixture.given(receivedInPerson(), resolved, new DossierReturnedEvent("HS-1", at("2025-07-02T08:15")))
                    .when(new ReturnDossierCommand("HS-1", null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void datedBeforeTheResolutionIsRefusedBecauseTimesMayNotGoBackwards() {
            fixture.given(receivedInPerson(), resolved)
                    .when(new ReturnDossierCommand("HS-1", at("2025-07-01T16:00")))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class DigitisingADossier {

        @Test
        void recordsItsPartsAndLeavesItsStatusAsItWas() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new DigitiseDossierCommand("HS-1", 4, 3, 1, true, at("2025-07-01T10:30")))
                    .expectEvents(new DossierDigitisedEvent("HS-1", 4, 3, 1, true, at("2025-07-01T10:30")))
                    .expectResultMessagePayload(state("HS-1", DossierStatus.IN_PROCESSING, COMMUNE, DUE));
        }

        @Test
        void againAfterTheSupplementIsRecordedAsWell() {
            fixture.given(receivedInPerson(), assigned(),
                          new DossierDigitisedEvent("HS-1", 3, 2, 0, false, at("2025-07-01T10:30")),
                          firstSupplementRequested(), firstSupplementProvided())
                    .when(new DigitiseDossierCommand("HS-1", 4, 4, 0, false, at("2025-07-02T11:05")))
                    .expectEvents(new DossierDigitisedEvent("HS-1", 4, 4, 0, false, at("2025-07-02T11:05")));
        }

        @Test
        void whileTheSupplementIsAwaitedIsAccepted() {
            fixture.given(receivedInPerson(), assigned(), firstSupplementRequested())
                    .when(new DigitiseDossierCommand("HS-1", 2, 0, 0, false, at("2025-07-01T11:30")))
                    .expectEvents(new DossierDigitisedEvent("HS-1", 2, 0, 0, false, at("2025-07-01T11:30")))
                    .expectResultMessagePayload(new DossierState("HS-1", DossierStatus.SUPPLEMENT_REQUESTED, COMMUNE,
                                                                 DUE, 1, null));
        }

        @Test
        void withoutATimeIsRecordedNow() {
            fixture.given(receivedInPerson())
                    .when(new DigitiseDossierCommand("HS-1", 1, 1, 1, true, null))
                    .expectEvents(new DossierDigitisedEvent("HS-1", 1, 1, 1, true, NOW));
        }

        @Test
        void withNoPartsOrMoreThanAThousandIsInvalid() {
            fixture.given(receivedInPerson())
                    .when(new DigitiseDossierCommand("HS-1", 0, 0, 0, false, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("parts must be between 1 and 1000, not 0")
                    .expectNoEvents();
            fixture.given(receivedInPerson())
                    .when(new DigitiseDossierCommand("HS-1", 1001, 0, 0, false, null))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void withMoreDigitisedPartsThanPartsIsInvalid() {
            fixture.given(receivedInPerson())
                    .when(new DigitiseDossierCommand("HS-1", 3, 4, 0, false, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("digitisedParts must be between 0 and 3, not 4")
                    .expectNoEvents();
        }

        @Test
        void withMoreReusedPartsThanDigitisedOnesOrFewerThanNoneIsInvalid() {
            fixture.given(receivedInPerson())
                    .when(new DigitiseDossierCommand("HS-1", 3, 1, 2, false, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("reusedParts must be between 0 and 1, not 2")
                    .expectNoEvents();
            fixture.given(receivedInPerson())
                    .when(new DigitiseDossierCommand("HS-1", 3, 1, -1, false, null))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void ofAResolvedDossierIsRefused() {
            fixture.given(receivedInPerson(), new DossierResolvedEvent("HS-1", Outcome.APPROVED, null,
                                                                       at("2025-07-01T16:30"), DUE, Timeliness.EARLY,
                                                                       0.75))
                    .when(new DigitiseDossierCommand("HS-1", 3, 3, 0, false, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is RESOLVED; it cannot be digitised")
                    .expectNoEvents();
        }

        @Test
        void datedBeforeTheAssignmentIsRefusedBecauseTimesMayNotGoBackwards() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new DigitiseDossierCommand("HS-1", 3, 3, 0, false, at("2025-07-01T09:45")))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void datedInTheFutureIsInvalid() {
            fixture.given(receivedInPerson())
                    .when(new DigitiseDossierCommand("HS-1", 3, 3, 0, false, NOW.plus(Dossier.CLOCK_SKEW).plusSeconds(1)))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class IssuingAnElectronicResult {

        private final DossierResolvedEvent resolved = new DossierResolvedEvent(
                "HS-1", Outcome.APPROVED, null, at("2025-07-01T16:30"), DUE, Timeliness.EARLY, 0.75);
        private final ElectronicResultIssuedEvent issued = new ElectronicResultIssuedEvent("HS-1", at("2025-07-01T16:45"));

        @Test
        void afterTheResolutionIsRecordedAndLeavesItResolved() {
            fixture.given(receivedInPerson(), resolved)
                    .when(new IssueElectronicResultCommand("HS-1", at("2025-07-01T16:45")))
                    .expectEvents(issued)
                    .expectResultMessagePayload(
                            new DossierState("HS-1", DossierStatus.RESOLVED, COMMUNE, DUE, 0, Timeliness.EARLY));
        }

        @Test
        void afterTheReturnIsRecordedToo() {
            fixture.given(receivedInPerson(), resolved, new DossierReturnedEvent("HS-1", at("2025-07-02T08:15")))
                    .when(new IssueElectronicResultCommand("HS-1", null))
                    .expectEvents(new ElectronicResultIssuedEvent("HS-1", NOW))
                    .expectResultMessagePayload(
                            new DossierState("HS-1", DossierStatus.RETURNED, COMMUNE, DUE, 0, Timeliness.EARLY));
        }

        @Test
        void aSecondTimeIsRefused() {
            fixture.given(receivedInPerson(), resolved, issued, new DossierReturnedEvent("HS-1", at("2025-07-02T08:15")))
                    .when(new IssueElectronicResultCommand("HS-1", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("the result of dossier 'HS-1' was already issued electronically, at "
                                            + at("2025-07-01T16:45"))
                    .expectNoEvents();
        }

        @Test
        void beforeTheResolutionIsRefused() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new IssueElectronicResultCommand("HS-1", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is IN_PROCESSING; it cannot be given an electronic result")
                    .expectNoEvents();
        }

        @Test
        void datedBeforeTheResolutionIsRefusedBecauseTimesMayNotGoBackwards() {
            fixture.given(receivedInPerson(), resolved)
                    .when(new IssueElectronicResultCommand("HS-1", at("2025-07-01T16:00")))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RatingTheService {

        private final DossierResolvedEvent resolved = new DossierResolvedEvent(
                "HS-1", Outcome.APPROVED, null, at("2025-07-01T16:30"), DUE, Timeliness.EARLY, 0.75);
        private final DossierReturnedEvent returned = new DossierReturnedEvent("HS-1", at("2025-07-02T08:15"));

        @Test
        void afterTheReturnRecordsTheApplicantsScore() {
            fixture.given(receivedInPerson(), resolved, returned)
                    .when(new RateDossierCommand("HS-1", 4, at("2025-07-02T08:20")))
                    .expectEvents(new DossierRatedEvent("HS-1", 4, at("2025-07-02T08:20")))
                    .expectResultMessagePayload(
                            new DossierState("HS-1", DossierStatus.RETURNED, COMMUNE, DUE, 0, Timeliness.EARLY));
        }

        @Test
        void aSecondTimeIsRefused() {
            fixture.given(receivedInPerson(), resolved, returned, new DossierRatedEvent("HS-1", 4, at("2025-07-02T08:20")))
                    .when(new RateDossierCommand("HS-1", 5, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' was already rated, at " + at("2025-07-02T08:20"))
                    .expectNoEvents();
        }

        @Test
        void beforeTheResultWasReturnedIsRefused() {
            fixture.given(receivedInPerson(), resolved)
                    .when(new RateDossierCommand("HS-1", 5, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is RESOLVED; it cannot be rated")
                    .expectNoEvents();
        }

        @Test
        void withAScoreOutsideOneToFiveIsInvalid() {
            for (int score : new int[] {0, 6, -1}) {
                fixture.given(receivedInPerson(), resolved, returned)
                        .when(new RateDossierCommand("HS-1", score, null))
                        .expectException(InvalidCommandException.class)
                        .expectExceptionMessage("score must be between 1 and 5, not " + score)
                        .expectNoEvents();
            }
        }

        @Test
        void datedBeforeTheReturnIsRefusedBecauseTimesMayNotGoBackwards() {
            fixture.given(receivedInPerson(), resolved, returned)
                    .when(new RateDossierCommand("HS-1", 5, at("2025-07-02T08:00")))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class WithdrawingAndStopping {

        private final DossierWithdrawalRequestedEvent withdrawalRequested =
                new DossierWithdrawalRequestedEvent("HS-1", "the applicant moved abroad", at("2025-07-01T11:00"));

        @Test
        void aWithdrawalRequestAwaitsTheStop() {
            fixture.given(receivedInPerson(), assigned())
                    .when(new RequestWithdrawalCommand("HS-1", "the applicant moved abroad", at("2025-07-01T11:00")))
                    .expectEvents(withdrawalRequested)
                    .expectResultMessagePayload(state("HS-1", DossierStatus.WITHDRAWAL_REQUESTED, COMMUNE, DUE));
        }

        @Test
        void aWithdrawalRequestWithoutAReasonIsRefused() {
            fixture.given(receivedInPerson())
                    .when(new RequestWithdrawalCommand("HS-1", "", null))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void aWithdrawalRequestOfAResolvedDossierIsRefused() {
            fixture.given(receivedInPerson(), new DossierResolvedEvent("HS-1", Outcome.APPROVED, null,
                                                                       at("2025-07-01T16:30"), DUE, Timeliness.EARLY, 0.75))
                    .when(new RequestWithdrawalCommand("HS-1", "changed my mind", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is RESOLVED; it cannot be withdrawn")
                    .expectNoEvents();
        }

        @Test
        void grantingTheWithdrawalStopsAndJudgesTheDossier() {
            // ended Thursday 10:00, after the due Wednesday 09:30: 6.5 h + 8 h + 2 h of processing
            fixture.given(receivedInPerson(), assigned(), withdrawalRequested)
                    .when(new StopDossierCommand("HS-1", "withdrawal granted", at("2025-07-03T10:00")))
                    .expectEvents(new DossierStoppedEvent("HS-1", "withdrawal granted", at("2025-07-03T10:00"), DUE,
                                                          Timeliness.LATE, 2.0625))
                    .expectResultMessagePayloadMatching(judged(Timeliness.LATE));
        }

        @Test
        void aStopWhileASupplementIsAwaitedCountsThePauseUpToTheStop() {
            // paused Tuesday 11:00 to Thursday 11:00 (5 h + 8 h + 3 h = 16 h): due Friday 4 July 09:30;
            // 17.5 h from the clock's start, 16 h of them paused
            fixture.given(receivedInPerson(), assigned(), firstSupplementRequested())
                    .when(new StopDossierCommand("HS-1", "the supplement never came", at("2025-07-03T11:00")))
                    .expectEvents(new DossierStoppedEvent("HS-1", "the supplement never came", at("2025-07-03T11:00"),
                                                          at("2025-07-04T09:30"), Timeliness.EARLY, 0.1875));
        }

        @Test
        void aStopAfterTheSupplementDeadlineIsAccepted() {
            // paused 45 h up to the stop: the due date in force is Wednesday 9 July 15:30, the stop's own day
            fixture.given(receivedInPerson(), assigned(), firstSupplementRequested())
                    .when(new StopDossierCommand("HS-1", "the supplement came too late", at("2025-07-09T08:00")))
                    .expectEvents(new DossierStoppedEvent("HS-1", "the supplement came too late", at("2025-07-09T08:00"),
                                                          at("2025-07-09T15:30"), Timeliness.ON_TIME, 0.1875));
        }

        @Test
        void aStopAfterTwoSupplementRequestsIsLate() {
            fixture.given(receivedInPerson(), assigned(), firstSupplementRequested(), firstSupplementProvided(),
                          supplementRequested("2025-07-02T14:00", 2))
                    .when(new StopDossierCommand("HS-1", "the supplement never came", at("2025-07-02T15:00")))
                    .expectResultMessagePayloadMatching(judged(Timeliness.LATE));
        }

        @Test
        void aStopWithoutAReasonIsRefused() {
            fixture.given(receivedInPerson(), withdrawalRequested)
                    .when(new StopDossierCommand("HS-1", null, null))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage("reason must not be blank")
                    .expectNoEvents();
        }

        @Test
        void aStoppedDossierCannotBeStoppedAgain() {
            fixture.given(receivedInPerson(), withdrawalRequested,
                          new DossierStoppedEvent("HS-1", "withdrawal granted", at("2025-07-01T14:00"), DUE,
                                                  Timeliness.EARLY, 0.5625))
                    .when(new StopDossierCommand("HS-1", "again", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is STOPPED; it cannot be stopped")
                    .expectNoEvents();
        }

        @Test
        void aNewOnlineDossierIsRefusedRatherThanStopped() {
            fixture.given(submittedOnline())
                    .when(new StopDossierCommand("HS-1", "withdrawn", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("dossier 'HS-1' is NEW; it cannot be stopped")
                    .expectNoEvents();
        }
    }

    @Nested
    class ActingForAUnit {

        private Map<String, String> actor(String role, String unit) {
            return Map.of(EventMetadata.ACTOR, "clerk", EventMetadata.ACTOR_ROLE, role, EventMetadata.ACTOR_UNIT, unit);
        }

        @Test
        void aClerkOfTheUnitHoldingTheDossierActsOnIt() {
            fixture.given(receivedInPerson())
                    .when(new AssignDossierCommand("HS-1", OFFICER, at("2025-07-01T10:00")), actor("CLERK", COMMUNE))
                    .expectEvents(assigned());
        }

        @Test
        void aClerkOrUnitHeadOfAnotherUnitIsRefusedAndNothingIsRecorded() {
            for (String role : List.of("CLERK", "UNIT_HEAD")) {
                fixture.given(receivedInPerson())
                        .when(new AssignDossierCommand("HS-1", OFFICER, null), actor(role, WARD))
                        .expectException(ForbiddenCommandException.class)
                        .expectExceptionMessage("dossier 'HS-1' is at unit '" + COMMUNE + "'; a " + role + " of unit '"
                                                + WARD + "' may not act on it")
                        .expectNoEvents();
            }
        }

        @Test
        void afterATransferTheNewUnitActsOnTheDossierAndTheOldOneNoLonger() {
            DossierTransferredEvent transferred = new DossierTransferredEvent("HS-1", COMMUNE, WARD, "competence",
                                                                              at("2025-07-01T09:45"));
            fixture.given(receivedInPerson(), transferred)
                    .when(new AssignDossierCommand("HS-1", OFFICER, at("2025-07-01T10:00")), actor("CLERK", WARD))
                    .expectEvents(assigned());
            fixture.given(receivedInPerson(), transferred)
                    .when(new AssignDossierCommand("HS-1", OFFICER, null), actor("UNIT_HEAD", COMMUNE))
                    .expectException(ForbiddenCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void aClerkSubmitsToItsOwnUnitOnly() {
            SubmitDossierCommand toTheCommune = new SubmitDossierCommand("HS-1", "KHAI-SINH", COMMUNE, Channel.IN_PERSON,
                                                                         CITIZEN, at("2025-07-01T09:30"));
            fixture.givenNoPriorActivity()
                    .when(toTheCommune, actor("CLERK", WARD))
                    .expectException(ForbiddenCommandException.class)
                    .expectExceptionMessage("a CLERK of unit '" + WARD + "' submits dossiers to its own unit only")
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(toTheCommune, actor("CLERK", COMMUNE))
                    .expectEvents(receivedInPerson());
        }

        @Test
        void rolesNotBoundToAUnitAreNotScopedHere() {
            fixture.given(receivedInPerson())
                    .when(new AssignDossierCommand("HS-1", OFFICER, at("2025-07-01T10:00")),
                          Map.of(EventMetadata.ACTOR, "system:import", EventMetadata.ACTOR_ROLE, "ADMIN"))
                    .expectEvents(assigned());
        }

        @Test
        void theUnitBoundRolesAreTheSecurityModulesUnitBoundRoles() {
            assertThat(Dossier.UNIT_BOUND_ROLES).isEqualTo(Arrays.stream(Role.values()).filter(Role::unitBound)
                                                                 .map(Role::name).collect(Collectors.toSet()));
        }
    }
}
