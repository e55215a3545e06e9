package vn.province.govtrack.command.dossier;

import static java.util.Map.entry;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.anything;
import static org.hamcrest.Matchers.startsWith;
import static vn.province.govtrack.kernel.dossier.DossierStatus.IN_PROCESSING;
import static vn.province.govtrack.kernel.dossier.DossierStatus.NEW;
import static vn.province.govtrack.kernel.dossier.DossierStatus.NOT_RECEIVED;
import static vn.province.govtrack.kernel.dossier.DossierStatus.PAYMENT_REQUESTED;
import static vn.province.govtrack.kernel.dossier.DossierStatus.RECEIVED;
import static vn.province.govtrack.kernel.dossier.DossierStatus.RESOLVED;
import static vn.province.govtrack.kernel.dossier.DossierStatus.RETURNED;
import static vn.province.govtrack.kernel.dossier.DossierStatus.STOPPED;
import static vn.province.govtrack.kernel.dossier.DossierStatus.SUPPLEMENT_REQUESTED;
import static vn.province.govtrack.kernel.dossier.DossierStatus.WITHDRAWAL_REQUESTED;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.command.dossier.Dossier.Step;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.AssignDossierCommand;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DigitiseDossierCommand;
import vn.province.govtrack.kernel.dossier.DossierAssignedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierRefusedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierReturnedEvent;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.DossierStoppedEvent;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;
import vn.province.govtrack.kernel.dossier.DossierWithdrawalRequestedEvent;
import vn.province.govtrack.kernel.dossier.ExtendDossierCommand;
import vn.province.govtrack.kernel.dossier.IssueElectronicResultCommand;
import vn.province.govtrack.kernel.dossier.Outcome;
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
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.kernel.dossier.TransferDossierCommand;

/**
 * Every step against every status: the ones the lifecycle allows succeed, every other one is a
 * rule violation (409) that appends nothing. The expected table is written out here on its own,
 * as the business states it, so that a change to {@link Dossier.Step} shows up as a failure.
 */
class DossierLifecycleTest {

    private static final Map<Step, Set<DossierStatus>> ALLOWED = Map.ofEntries(
            entry(Step.RECEIVE, EnumSet.of(NEW)),
            entry(Step.REFUSE, EnumSet.of(NEW)),
            entry(Step.ASSIGN, EnumSet.of(RECEIVED, IN_PROCESSING)),
            entry(Step.REQUEST_SUPPLEMENT, EnumSet.of(RECEIVED, IN_PROCESSING)),
            entry(Step.PROVIDE_SUPPLEMENT, EnumSet.of(SUPPLEMENT_REQUESTED)),
            entry(Step.REQUEST_PAYMENT, EnumSet.of(RECEIVED, IN_PROCESSING)),
            entry(Step.RECORD_PAYMENT, EnumSet.of(PAYMENT_REQUESTED)),
            entry(Step.EXTEND, EnumSet.of(RECEIVED, IN_PROCESSING, PAYMENT_REQUESTED)),
            entry(Step.TRANSFER, EnumSet.of(NEW, RECEIVED, IN_PROCESSING)),
            entry(Step.RESOLVE, EnumSet.of(RECEIVED, IN_PROCESSING)),
            entry(Step.RETURN, EnumSet.of(RESOLVED)),
            entry(Step.REQUEST_WITHDRAWAL, EnumSet.of(RECEIVED, IN_PROCESSING, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED)),
            entry(Step.STOP, EnumSet.of(RECEIVED, IN_PROCESSING, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED,
                                        WITHDRAWAL_REQUESTED)),
            entry(Step.DIGITISE, EnumSet.of(RECEIVED, IN_PROCESSING, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED)),
            entry(Step.ISSUE_ELECTRONIC_RESULT, EnumSet.of(RESOLVED, RETURNED)),
            entry(Step.RATE, EnumSet.of(RETURNED)));

    private static final String COMMUNE = "XA-TAN-LAP";
    private static final ProcedureTerms BIRTH = new ProcedureTerms("KHAI-SINH", "JUSTICE_CIVIL_STATUS", 8,
                                                                   LocalTime.of(15, 0), true);
    /** The applicant as the edge sealed it; the aggregate only carries it on. */
    private static final SealedApplicant CITIZEN = new SealedApplicant("key-an", "c2VhbGVkIGFwcGxpY2FudA==");
    private static final Instant DUE = at("2025-07-02T09:30");
    /** Every command is dated here: after every history below, within the supplement deadline. */
    private static final Instant COMMAND_TIME = at("2025-07-07T09:00");

    private FixtureConfiguration<Dossier> fixture;

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingHours.PROVINCE_DEFAULT.zone()).toInstant();
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dossier.class);
        fixture.registerInjectableResource(new FakeReferenceData().withUnit(COMMUNE).withUnit("PHUONG-HOA-BINH")
                                                   .withProcedure(BIRTH));
        fixture.registerInjectableResource(Clock.fixed(at("2025-10-01T10:00"), WorkingHours.PROVINCE_DEFAULT.zone()));
        fixture.registerInjectableResource(new SupplementPolicy(30));
    }

    /** The events that bring a dossier to {@code status}. */
    private static Object[] historyReaching(DossierStatus status) {
        DossierReceivedEvent received = new DossierReceivedEvent(
                "HS-1", "KHAI-SINH", "JUSTICE_CIVIL_STATUS", COMMUNE, Channel.IN_PERSON, CITIZEN,
                at("2025-07-01T09:30"), 8, at("2025-07-01T09:30"), DUE);
        DossierAssignedEvent assigned = new DossierAssignedEvent("HS-1", "CB-01", at("2025-07-01T10:00"));
        DossierResolvedEvent resolved = new DossierResolvedEvent("HS-1", Outcome.APPROVED, null, at("2025-07-01T16:30"),
                                                                 DUE, Timeliness.EARLY, 0.75);
        DossierWithdrawalRequestedEvent withdrawalRequested =
                new DossierWithdrawalRequestedEvent("HS-1", "moved abroad", at("2025-07-01T11:00"));
        DossierSubmittedOnlineEvent submittedOnline = new DossierSubmittedOnlineEvent(
                "HS-1", "KHAI-SINH", "JUSTICE_CIVIL_STATUS", COMMUNE, CITIZEN, at("2025-07-05T21:00"));
        return switch (status) {
            case NEW -> new Object[] {submittedOnline};
            case NOT_RECEIVED -> new Object[] {submittedOnline,
                                               new DossierRefusedEvent("HS-1", "incomplete", at("2025-07-06T08:00"))};
            case RECEIVED -> new Object[] {received};
            case IN_PROCESSING -> new Object[] {received, assigned};
            case SUPPLEMENT_REQUESTED -> new Object[] {received, assigned,
                                                       new SupplementRequestedEvent("HS-1", "missing page",
                                                                                    at("2025-07-01T11:00"), 1)};
            case PAYMENT_REQUESTED -> new Object[] {received, assigned,
                                                    new PaymentRequestedEvent("HS-1", 8_000, "fee",
                                                                              at("2025-07-01T11:00"))};
            case WITHDRAWAL_REQUESTED -> new Object[] {received, assigned, withdrawalRequested};
            case STOPPED -> new Object[] {received, assigned, withdrawalRequested,
                                          new DossierStoppedEvent("HS-1", "withdrawn", at("2025-07-01T14:00"), DUE,
                                                                  Timeliness.EARLY, 0.5625)};
            case RESOLVED -> new Object[] {received, resolved};
            case RETURNED -> new Object[] {received, resolved,
                                           new DossierReturnedEvent("HS-1", at("2025-07-02T08:00"))};
        };
    }

    /** A command for {@code step} that nothing but the dossier's status could refuse. */
    private static Object commandFor(Step step) {
        return switch (step) {
            case RECEIVE -> new ReceiveDossierCommand("HS-1", COMMAND_TIME);
            case REFUSE -> new RefuseDossierCommand("HS-1", "incomplete", COMMAND_TIME);
            case ASSIGN -> new AssignDossierCommand("HS-1", "CB-02", COMMAND_TIME);
            case REQUEST_SUPPLEMENT -> new RequestSupplementCommand("HS-1", "missing page", COMMAND_TIME);
            case PROVIDE_SUPPLEMENT -> new ProvideSupplementCommand("HS-1", "page added", COMMAND_TIME);
            case REQUEST_PAYMENT -> new RequestPaymentCommand("HS-1", 8_000, "fee", COMMAND_TIME);
            case RECORD_PAYMENT -> new RecordPaymentCommand("HS-1", 8_000, COMMAND_TIME, null);
            case EXTEND -> new ExtendDossierCommand("HS-1", at("2025-07-31T17:00"), "we apologise", COMMAND_TIME);
            case TRANSFER -> new TransferDossierCommand("HS-1", "PHUONG-HOA-BINH", "competence", COMMAND_TIME);
            case RESOLVE -> new ResolveDossierCommand("HS-1", Outcome.APPROVED, null, COMMAND_TIME);
            case RETURN -> new ReturnDossierCommand("HS-1", COMMAND_TIME);
            case REQUEST_WITHDRAWAL -> new RequestWithdrawalCommand("HS-1", "moved abroad", COMMAND_TIME);
            case STOP -> new StopDossierCommand("HS-1", "withdrawn", COMMAND_TIME);
            case DIGITISE -> new DigitiseDossierCommand("HS-1", 3, 2, 1, true, COMMAND_TIME);
            case ISSUE_ELECTRONIC_RESULT -> new IssueElectronicResultCommand("HS-1", COMMAND_TIME);
            case RATE -> new RateDossierCommand("HS-1", 5, COMMAND_TIME);
        };
    }

    static Stream<Arguments> allowedSteps() {
        return pairs(true);
    }

    static Stream<Arguments> forbiddenSteps() {
        return pairs(false);
    }

    private static Stream<Arguments> pairs(boolean allowed) {
        List<Arguments> pairs = new ArrayList<>();
        for (Step step : Step.values()) {
            for (DossierStatus status : DossierStatus.values()) {
                if (ALLOWED.get(step).contains(status) == allowed) {
                    pairs.add(Arguments.of(step, status));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("allowedSteps")
    void anAllowedStepAppendsItsEvent(Step step, DossierStatus status) {
        fixture.given(historyReaching(status))
                .when(commandFor(step))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactSequenceOf(messageWithPayload(anything()), andNoMore()));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("forbiddenSteps")
    void aForbiddenStepIsARuleViolationThatAppendsNothing(Step step, DossierStatus status) {
        fixture.given(historyReaching(status))
                .when(commandFor(step))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(startsWith("dossier 'HS-1' is " + status + "; it cannot be "))
                .expectNoEvents();
    }
}
