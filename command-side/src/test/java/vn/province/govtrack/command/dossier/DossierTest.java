package vn.province.govtrack.command.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.command.rejection.UnknownReferenceException;
import vn.province.govtrack.kernel.dossier.Applicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.ReceiveDossierCommand;
import vn.province.govtrack.kernel.dossier.ResolveDossierCommand;
import vn.province.govtrack.kernel.dossier.SubmitDossierCommand;
import vn.province.govtrack.kernel.dossier.Timeliness;

class DossierTest {

    private static final String COMMUNE = "XA-TAN-LAP";
    /** Birth registration: one working day, cut-off 15:00, offered online. */
    private static final ProcedureTerms BIRTH = new ProcedureTerms("KHAI-SINH", "JUSTICE_CIVIL_STATUS", 8,
                                                                   LocalTime.of(15, 0), true);
    /** Land allocation: five working days, cut-off 15:00, not offered online. */
    private static final ProcedureTerms LAND = new ProcedureTerms("GIAO-DAT", "LAND", 40, LocalTime.of(15, 0), false);
    private static final Applicant CITIZEN = new Applicant("001203004567", "Nguyễn Văn An", "0912345678");
    private static final Instant NOW = at("2025-10-01T10:00");

    private FixtureConfiguration<Dossier> fixture;

    /** A local time in Asia/Ho_Chi_Minh. */
    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingHours.PROVINCE_DEFAULT.zone()).toInstant();
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dossier.class);
        fixture.registerInjectableResource(new FakeReferenceData()
                .withUnit(COMMUNE)
                .withProcedure(BIRTH)
                .withProcedure(LAND)
                .withHolidays(2025, Set.of(LocalDate.parse("2025-09-01"), LocalDate.parse("2025-09-02"))));
        fixture.registerInjectableResource(Clock.fixed(NOW, WorkingHours.PROVINCE_DEFAULT.zone()));
    }

    /** Received in person on Tuesday 1 July 2025 at 09:30, due Wednesday 2 July at 09:30. */
    private static DossierReceivedEvent receivedInPerson() {
        return new DossierReceivedEvent("HS-1", "KHAI-SINH", "JUSTICE_CIVIL_STATUS", COMMUNE, Channel.IN_PERSON, CITIZEN,
                                        at("2025-07-01T09:30"), 8, at("2025-07-01T09:30"), at("2025-07-02T09:30"));
    }

    private static DossierSubmittedOnlineEvent submittedOnline() {
        return new DossierSubmittedOnlineEvent("HS-1", "KHAI-SINH", "JUSTICE_CIVIL_STATUS", COMMUNE, CITIZEN,
                                               at("2025-07-05T21:00"));
    }

    @Nested
    class SubmittingADossier {

        @Test
        void inPersonTheDossierIsReceivedAtOnceWithItsDueDate() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "KHAI-SINH", COMMUNE, Channel.IN_PERSON, CITIZEN,
                                                   at("2025-07-01T09:30")))
                    .expectEvents(receivedInPerson())
                    .expectResultMessagePayload(
                            new Submission(DossierStatus.RECEIVED, at("2025-07-02T09:30")));
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
                    .expectResultMessagePayload(
                            new Submission(DossierStatus.NEW, null));
        }

        @Test
        void onlineIsRefusedForAProcedureNotOfferedOnline() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitDossierCommand("HS-1", "GIAO-DAT", COMMUNE, Channel.ONLINE, CITIZEN, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("procedure 'GIAO-DAT' is not offered online")
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
        void ofAnOnlineDossierStartsTheClockAndDecidesTheDueDate() {
            fixture.given(submittedOnline())
                    .when(new ReceiveDossierCommand("HS-1", at("2025-07-07T08:30")))
                    .expectEvents(new DossierReceivedEvent("HS-1", "KHAI-SINH", "JUSTICE_CIVIL_STATUS", COMMUNE,
                                                           Channel.ONLINE, CITIZEN, at("2025-07-07T08:30"), 8,
                                                           at("2025-07-07T08:30"), at("2025-07-08T08:30")))
                    .expectResultMessagePayload(at("2025-07-08T08:30"));
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
    class ResolvingADossier {

        @Test
        void onADayBeforeTheDueDatesDayIsEarly() {
            fixture.given(receivedInPerson())
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, "issued", at("2025-07-01T16:30")))
                    .expectEvents(new DossierResolvedEvent("HS-1", Outcome.APPROVED, "issued", at("2025-07-01T16:30"),
                                                           at("2025-07-02T09:30"), Timeliness.EARLY, 0.75))
                    .expectResultMessagePayload(Timeliness.EARLY);
        }

        @Test
        void onTheDueDatesDayBeforeTheDueTimeIsOnTime() {
            fixture.given(receivedInPerson())
                    .when(new ResolveDossierCommand("HS-1", Outcome.REFUSED, "incomplete", at("2025-07-02T09:00")))
                    .expectEvents(new DossierResolvedEvent("HS-1", Outcome.REFUSED, "incomplete", at("2025-07-02T09:00"),
                                                           at("2025-07-02T09:30"), Timeliness.ON_TIME, 0.9375));
        }

        @Test
        void afterTheDueTimeIsLate() {
            fixture.given(receivedInPerson())
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, at("2025-07-03T10:00")))
                    .expectEvents(new DossierResolvedEvent("HS-1", Outcome.APPROVED, null, at("2025-07-03T10:00"),
                                                           at("2025-07-02T09:30"), Timeliness.LATE, 2.0625));
        }

        @Test
        void withoutAResolutionTimeIsJudgedNow() {
            fixture.given(receivedInPerson())
                    .when(new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(Timeliness.LATE);
        }

        @Test
        void ofADossierAlreadyResolvedIsRefused() {
            fixture.given(receivedInPerson(),
                          new DossierResolvedEvent("HS-1", Outcome.APPROVED, null, at("2025-07-01T16:30"),
                                                   at("2025-07-02T09:30"), Timeliness.EARLY, 0.75))
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
}
