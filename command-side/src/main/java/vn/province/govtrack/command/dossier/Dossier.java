package vn.province.govtrack.command.dossier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.province.govtrack.kernel.dossier.DossierStatus.IN_PROCESSING;
import static vn.province.govtrack.kernel.dossier.DossierStatus.NEW;
import static vn.province.govtrack.kernel.dossier.DossierStatus.PAYMENT_REQUESTED;
import static vn.province.govtrack.kernel.dossier.DossierStatus.RECEIVED;
import static vn.province.govtrack.kernel.dossier.DossierStatus.RESOLVED;
import static vn.province.govtrack.kernel.dossier.DossierStatus.RETURNED;
import static vn.province.govtrack.kernel.dossier.DossierStatus.SUPPLEMENT_REQUESTED;
import static vn.province.govtrack.kernel.dossier.DossierStatus.WITHDRAWAL_REQUESTED;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import vn.province.govtrack.command.calendar.WorkingCalendar;
import vn.province.govtrack.command.rejection.ForbiddenCommandException;
import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.Require;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.command.rejection.UnknownReferenceException;
import vn.province.govtrack.command.unit.RegisteredUnit;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.AssignDossierCommand;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DigitiseDossierCommand;
import vn.province.govtrack.kernel.dossier.DossierAssignedEvent;
import vn.province.govtrack.kernel.dossier.DossierDigitisedEvent;
import vn.province.govtrack.kernel.dossier.DossierExtendedEvent;
import vn.province.govtrack.kernel.dossier.DossierIds;
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

/**
 * One administrative-procedure dossier; its stream id is the dossier id. Which step may follow
 * which status is written once, in {@link Step}; every other combination is refused (409) before
 * anything is appended. The due date, its moves and the timeliness verdict are decided here and
 * recorded in the events, never recomputed on replay:
 * <ul>
 *   <li>receipt decides the due date from the procedure's working hours and cut-off;</li>
 *   <li>a supplement request pauses the clock; when the supplement arrives the due date moves by
 *       the working time the clock was paused (counted from the clock's start at the earliest);</li>
 *   <li>an apology-and-extension sets a later due date, which the verdict is then judged by;</li>
 *   <li>resolution and stop end processing: the verdict is LATE for a dossier with more than one
 *       supplement request, otherwise {@link WorkingCalendar#judge} against the due date in force
 *       (for a stop during a supplement pause, moved by the pause so far); {@code processingDays}
 *       counts the working time from the clock's start, paused time left out.</li>
 * </ul>
 *
 * <p>Business times (every command's optional {@code ...At}) may be given by an importer replaying
 * dated history; absent, they are the injected clock's now. They may not lie in the future
 * (beyond {@link #CLOCK_SKEW}), nor go backwards for one dossier. A dossier is submitted or
 * transferred only to a registered unit that is not dissolved on that business day.
 *
 * <p>Every command answers the {@link DossierState} it leaves the dossier in, the one thing the dossier's
 * HTTP answers report (docs/adr/0009-command-results.md).
 *
 * <p>Unit scoping is decided here too, before any handler, against the dossier's <em>current</em>
 * unit (see {@link #actOnlyForOwnUnit}): which role may give which command is the web layer's rule.
 */
@Aggregate
class Dossier {

    /** How far a caller's clock may run ahead of ours before its explicit time counts as the future. */
    static final Duration CLOCK_SKEW = Require.CLOCK_SKEW;
    /** No appointment may be set beyond the years a holiday calendar can be set for. */
    static final Instant LATEST_DUE_AT = Instant.parse("2100-12-31T00:00:00Z");
    /** The most parts a dossier's digitisation record may count. */
    static final int MAX_PARTS = 1000;
    /** A rating's scale: 1 very dissatisfied, 5 very satisfied. */
    static final int LOWEST_SCORE = 1;
    static final int HIGHEST_SCORE = 5;

    /**
     * The lifecycle: each step and the statuses it may be taken from. Online NEW is received or
     * refused; a received dossier is assigned (and may be reassigned), may wait for a supplement or
     * a payment (after which it resumes as IN_PROCESSING, or RECEIVED if never assigned), may be
     * extended or transferred (its status unchanged), and ends RESOLVED then RETURNED, or STOPPED
     * (also after a withdrawal request, which only a stop answers). While it is being processed its
     * digitisation may be recorded, again after a supplement (the last record counts); once resolved its
     * result may be issued electronically, and once returned the applicant may rate it (each once).
     */
    enum Step {
        RECEIVE("received", NEW),
        REFUSE("refused", NEW),
        ASSIGN("assigned", RECEIVED, IN_PROCESSING),
        REQUEST_SUPPLEMENT("asked for a supplement", RECEIVED, IN_PROCESSING),
        PROVIDE_SUPPLEMENT("supplemented", SUPPLEMENT_REQUESTED),
        REQUEST_PAYMENT("asked for a payment", RECEIVED, IN_PROCESSING),
        RECORD_PAYMENT("paid", PAYMENT_REQUESTED),
        EXTEND("extended", RECEIVED, IN_PROCESSING, PAYMENT_REQUESTED),
        TRANSFER("transferred", NEW, RECEIVED, IN_PROCESSING),
        RESOLVE("resolved", RECEIVED, IN_PROCESSING),
        RETURN("returned", RESOLVED),
        REQUEST_WITHDRAWAL("withdrawn", RECEIVED, IN_PROCESSING, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED),
        STOP("stopped", RECEIVED, IN_PROCESSING, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED, WITHDRAWAL_REQUESTED),
        DIGITISE("digitised", RECEIVED, IN_PROCESSING, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED),
        ISSUE_ELECTRONIC_RESULT("given an electronic result", RESOLVED, RETURNED),
        RATE("rated", RETURNED);

        private final String done;
        private final Set<DossierStatus> from;

        Step(String done, DossierStatus first, DossierStatus... rest) {
            this.done = done;
            this.from = EnumSet.of(first, rest);
        }

        boolean allowedFrom(DossierStatus status) {
            return from.contains(status);
        }
    }

    @AggregateIdentifier
    private String dossierId;
    private DossierStatus status;
    private String procedureCode;
    private String unitCode;
    /** Sealed at the edge; the aggregate never sees the personal data, it only carries it on to receipt. */
    private SealedApplicant applicant;
    private String assignee;
    private Instant clockStartsAt;
    private Instant dueAt;
    private int supplementRequests;
    /** When the current supplement request paused the clock; null while the clock runs. */
    private Instant pausedSince;
    /** The working time paused by supplement requests already answered. */
    private Duration pausedTime = Duration.ZERO;
    private Instant lastRecordedAt;
    /** The verdict recorded when processing ended; null before. */
    private Timeliness timeliness;
    /** When the result was issued electronically; null before (it is issued once). */
    private Instant electronicResultIssuedAt;
    /** When the applicant rated the service; null before (a dossier is rated once). */
    private Instant ratedAt;

    /**
     * The roles that act for one unit only, named in the command's {@link EventMetadata#ACTOR_ROLE}
     * ({@code vn.province.govtrack.security.Role#unitBound()}; a test keeps the two in step).
     */
    static final Set<String> UNIT_BOUND_ROLES = Set.of("CLERK", "UNIT_HEAD");

    Dossier() {
        // for Axon: no dossier yet, before its first event
    }

    /**
     * A clerk or unit head acts only on a dossier currently at its own unit (so after a transfer the
     * new unit's staff act on it, and the old unit's no longer), and submits dossiers only to its own
     * unit; otherwise the command is refused (403) before anything is appended. Commands without an
     * actor role are the service's own, and other roles are kept from dossier commands by the web layer.
     */
    @CommandHandlerInterceptor
    Object actOnlyForOwnUnit(CommandMessage<?> command, InterceptorChain chain,
                             @MetaDataValue(EventMetadata.ACTOR_ROLE) String actorRole,
                             @MetaDataValue(EventMetadata.ACTOR_UNIT) String actorUnit) throws Exception {
        if (actorRole != null && UNIT_BOUND_ROLES.contains(actorRole)) {
            boolean submission = command.getPayload() instanceof SubmitDossierCommand;
            String heldBy = command.getPayload() instanceof SubmitDossierCommand submit ? submit.unitCode() : unitCode;
            if (heldBy == null || !heldBy.equals(actorUnit)) {
                throw new ForbiddenCommandException(submission
                        ? "a " + actorRole + " of unit '" + actorUnit + "' submits dossiers to its own unit only"
                        : "dossier '" + dossierId + "' is at unit '" + unitCode + "'; a " + actorRole + " of unit '"
                          + actorUnit + "' may not act on it");
            }
        }
        return chain.proceed();
    }

    /**
     * In person or by post the desk receives the dossier at once and its due date is decided;
     * online it waits as NEW for the desk's receipt. Create-if-missing, so that reusing a dossier
     * id is a rule violation rather than a storage conflict.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    DossierState handle(SubmitDossierCommand command, ReferenceData referenceData, Clock clock) {
        if (status != null) {
            throw new RuleViolationException("dossier '" + dossierId + "' already exists");
        }
        if (!DossierIds.isValid(command.dossierId())) {
            throw new InvalidCommandException("dossierId must match " + DossierIds.PATTERN);
        }
        Channel channel = Require.present(command.channel(), "channel");
        SealedApplicant submittedBy = Require.present(command.applicant(), "applicant");
        String unit = Require.text(command.unitCode(), "unitCode");
        RegisteredUnit registered = unitOf(unit, referenceData);
        ProcedureTerms terms = termsOf(Require.text(command.procedureCode(), "procedureCode"), referenceData);
        Instant submittedAt = businessTime(command.submittedAt(), "submittedAt", clock);
        requireExisting(registered, submittedAt, referenceData);

        if (channel == Channel.ONLINE) {
            LocalDate day = LocalDate.ofInstant(submittedAt, referenceData.workingCalendar().zone());
            if (!terms.online(day)) {
                throw new RuleViolationException("procedure '" + terms.code() + "' is not offered online on " + day);
            }
            apply(new DossierSubmittedOnlineEvent(command.dossierId(), terms.code(), terms.field(), unit,
                                                  submittedBy, submittedAt));
            return state();
        }
        apply(receipt(command.dossierId(), terms, unit, channel, submittedBy, submittedAt,
                      referenceData.workingCalendar()));
        return state();
    }

    /** The desk accepts an online submission; the clock starts and the due date is decided now. */
    @CommandHandler
    DossierState handle(ReceiveDossierCommand command, ReferenceData referenceData, Clock clock) {
        allow(Step.RECEIVE);
        Instant receivedAt = businessTime(command.receivedAt(), "receivedAt", clock);
        apply(receipt(dossierId, termsOf(procedureCode, referenceData), unitCode, Channel.ONLINE, applicant, receivedAt,
                      referenceData.workingCalendar()));
        return state();
    }

    /** The desk refuses an online submission; no clock ever ran, so there is no verdict. */
    @CommandHandler
    DossierState handle(RefuseDossierCommand command, Clock clock) {
        allow(Step.REFUSE);
        String reason = Require.text(command.reason(), "reason");
        apply(new DossierRefusedEvent(dossierId, reason, businessTime(command.refusedAt(), "refusedAt", clock)));
        return state();
    }

    /** An officer takes the dossier, or takes it over from another officer. */
    @CommandHandler
    DossierState handle(AssignDossierCommand command, Clock clock) {
        allow(Step.ASSIGN);
        String staffId = Require.text(command.staffId(), "staffId");
        if (staffId.equals(assignee)) {
            throw new RuleViolationException("dossier '" + dossierId + "' is already assigned to '" + staffId + "'");
        }
        apply(new DossierAssignedEvent(dossierId, staffId, businessTime(command.assignedAt(), "assignedAt", clock)));
        return state();
    }

    /** The clock pauses until the supplement arrives; the state's {@code supplementRequests} numbers the request. */
    @CommandHandler
    DossierState handle(RequestSupplementCommand command, Clock clock) {
        allow(Step.REQUEST_SUPPLEMENT);
        String reason = Require.text(command.reason(), "reason");
        Instant requestedAt = businessTime(command.requestedAt(), "requestedAt", clock);
        int requestNumber = supplementRequests + 1;
        apply(new SupplementRequestedEvent(dossierId, reason, requestedAt, requestNumber));
        return state();
    }

    /**
     * The supplement arrived: the clock runs again and the due date moves by the working time it
     * was paused. Arriving after the {@link SupplementPolicy} deadline it is refused; the dossier
     * then stays paused until it is stopped.
     */
    @CommandHandler
    DossierState handle(ProvideSupplementCommand command, ReferenceData referenceData, SupplementPolicy policy,
                    Clock clock) {
        allow(Step.PROVIDE_SUPPLEMENT);
        Instant providedAt = businessTime(command.providedAt(), "providedAt", clock);
        WorkingCalendar calendar = referenceData.workingCalendar();
        Instant deadline = calendar.plusWorkingHours(
                pausedSince, policy.deadlineWorkingDays() * WorkingCalendar.HOURS_PER_WORKING_DAY);
        if (providedAt.isAfter(deadline)) {
            throw new RuleViolationException(
                    "the supplement to dossier '" + dossierId + "' arrived at " + providedAt + ", after its deadline "
                    + deadline + " (" + policy.deadlineWorkingDays() + " working days after the request); it is"
                    + " refused, and the dossier may be stopped");
        }
        Duration paused = pausedUntil(providedAt, calendar);
        apply(new SupplementProvidedEvent(dossierId, command.note(), providedAt, paused.toMinutes() / 60.0,
                                          calendar.plusWorkingTime(dueAt, paused)));
        return state();
    }

    /** Fees or financial obligations, in VND; the clock keeps running. */
    @CommandHandler
    DossierState handle(RequestPaymentCommand command, Clock clock) {
        allow(Step.REQUEST_PAYMENT);
        long amount = positive(command.amount());
        String reason = Require.text(command.reason(), "reason");
        apply(new PaymentRequestedEvent(dossierId, amount, reason,
                                        businessTime(command.requestedAt(), "requestedAt", clock)));
        return state();
    }

    /** The payment was made, in VND as paid, at the desk unless the command names its channel; processing resumes. */
    @CommandHandler
    DossierState handle(RecordPaymentCommand command, Clock clock) {
        allow(Step.RECORD_PAYMENT);
        long amount = positive(command.amount());
        PaymentChannel channel = command.channel() != null ? command.channel() : PaymentChannel.AT_DESK;
        apply(new PaymentRecordedEvent(dossierId, amount, businessTime(command.paidAt(), "paidAt", clock), channel));
        return state();
    }

    /** Apology and a new appointment (Circular 03/2025, form 04), which must be later than the one in force. */
    @CommandHandler
    DossierState handle(ExtendDossierCommand command, Clock clock) {
        allow(Step.EXTEND);
        Instant newDueAt = Require.present(command.newDueAt(), "newDueAt");
        String apology = Require.text(command.apology(), "apology");
        if (newDueAt.isAfter(LATEST_DUE_AT)) {
            throw new InvalidCommandException("newDueAt must not be after " + LATEST_DUE_AT);
        }
        Instant extendedAt = businessTime(command.extendedAt(), "extendedAt", clock);
        if (!newDueAt.isAfter(dueAt)) {
            throw new RuleViolationException("newDueAt " + newDueAt + " must be after the due date in force, " + dueAt);
        }
        apply(new DossierExtendedEvent(dossierId, dueAt, newDueAt, apology, extendedAt));
        return state();
    }

    /** Another unit handles the dossier from now on; receipt is not bound by administrative boundary. */
    @CommandHandler
    DossierState handle(TransferDossierCommand command, ReferenceData referenceData, Clock clock) {
        allow(Step.TRANSFER);
        String toUnitCode = Require.text(command.toUnitCode(), "toUnitCode");
        String reason = Require.text(command.reason(), "reason");
        if (toUnitCode.equals(unitCode)) {
            throw new RuleViolationException("dossier '" + dossierId + "' is already at unit '" + unitCode + "'");
        }
        RegisteredUnit toUnit = unitOf(toUnitCode, referenceData);
        Instant transferredAt = businessTime(command.transferredAt(), "transferredAt", clock);
        requireExisting(toUnit, transferredAt, referenceData);
        apply(new DossierTransferredEvent(dossierId, unitCode, toUnitCode, reason, transferredAt));
        return state();
    }

    /** Processing ends with a decision, judged against the due date in force. */
    @CommandHandler
    DossierState handle(ResolveDossierCommand command, ReferenceData referenceData, Clock clock) {
        allow(Step.RESOLVE);
        Outcome outcome = Require.present(command.outcome(), "outcome");
        Instant resolvedAt = businessTime(command.resolvedAt(), "resolvedAt", clock);
        WorkingCalendar calendar = referenceData.workingCalendar();
        Timeliness judged = verdict(resolvedAt, dueAt, calendar);
        apply(new DossierResolvedEvent(dossierId, outcome, command.note(), resolvedAt, dueAt, judged,
                                       processingDays(resolvedAt, Duration.ZERO, calendar)));
        return state();
    }

    /** The result is handed back to the applicant. */
    @CommandHandler
    DossierState handle(ReturnDossierCommand command, Clock clock) {
        allow(Step.RETURN);
        apply(new DossierReturnedEvent(dossierId, businessTime(command.returnedAt(), "returnedAt", clock)));
        return state();
    }

    /** The applicant asks to withdraw; the office answers by stopping the dossier. */
    @CommandHandler
    DossierState handle(RequestWithdrawalCommand command, Clock clock) {
        allow(Step.REQUEST_WITHDRAWAL);
        String reason = Require.text(command.reason(), "reason");
        apply(new DossierWithdrawalRequestedEvent(dossierId, reason,
                                                  businessTime(command.requestedAt(), "requestedAt", clock)));
        return state();
    }

    /**
     * Processing stops (a withdrawal granted, a supplement never supplied, a legal stop), which ends
     * processing: judged like a resolution, with a pause still running counted up to the stop.
     */
    @CommandHandler
    DossierState handle(StopDossierCommand command, ReferenceData referenceData, Clock clock) {
        allow(Step.STOP);
        String reason = Require.text(command.reason(), "reason");
        Instant stoppedAt = businessTime(command.stoppedAt(), "stoppedAt", clock);
        WorkingCalendar calendar = referenceData.workingCalendar();
        Duration paused = pausedUntil(stoppedAt, calendar);
        Instant dueInForce = calendar.plusWorkingTime(dueAt, paused);
        Timeliness judged = verdict(stoppedAt, dueInForce, calendar);
        apply(new DossierStoppedEvent(dossierId, reason, stoppedAt, dueInForce, judged,
                                      processingDays(stoppedAt, paused, calendar)));
        return state();
    }

    /**
     * How the dossier's parts are held electronically: at most {@link #MAX_PARTS} parts, as many or fewer of
     * them digitised, as many or fewer of those reused. May be recorded again (after a supplement brought
     * more parts, say); the last record counts.
     */
    @CommandHandler
    DossierState handle(DigitiseDossierCommand command, Clock clock) {
        allow(Step.DIGITISE);
        within(command.parts(), 1, MAX_PARTS, "parts");
        within(command.digitisedParts(), 0, command.parts(), "digitisedParts");
        within(command.reusedParts(), 0, command.digitisedParts(), "reusedParts");
        apply(new DossierDigitisedEvent(dossierId, command.parts(), command.digitisedParts(), command.reusedParts(),
                                        command.populationDataUsed(),
                                        businessTime(command.digitisedAt(), "digitisedAt", clock)));
        return state();
    }

    /** The result of a resolved (or already returned) dossier is issued as an electronic document, once. */
    @CommandHandler
    DossierState handle(IssueElectronicResultCommand command, Clock clock) {
        allow(Step.ISSUE_ELECTRONIC_RESULT);
        if (electronicResultIssuedAt != null) {
            throw new RuleViolationException("the result of dossier '" + dossierId + "' was already issued"
                                             + " electronically, at " + electronicResultIssuedAt);
        }
        apply(new ElectronicResultIssuedEvent(dossierId, businessTime(command.issuedAt(), "issuedAt", clock)));
        return state();
    }

    /** The applicant's rating, {@link #LOWEST_SCORE} to {@link #HIGHEST_SCORE}, after the result was returned; once. */
    @CommandHandler
    DossierState handle(RateDossierCommand command, Clock clock) {
        allow(Step.RATE);
        within(command.score(), LOWEST_SCORE, HIGHEST_SCORE, "score");
        if (ratedAt != null) {
            throw new RuleViolationException("dossier '" + dossierId + "' was already rated, at " + ratedAt);
        }
        apply(new DossierRatedEvent(dossierId, command.score(), businessTime(command.ratedAt(), "ratedAt", clock)));
        return state();
    }

    @EventSourcingHandler
    void on(DossierSubmittedOnlineEvent event) {
        dossierId = event.dossierId();
        status = NEW;
        procedureCode = event.procedureCode();
        unitCode = event.unitCode();
        applicant = event.applicant();
        lastRecordedAt = event.submittedAt();
    }

    @EventSourcingHandler
    void on(DossierReceivedEvent event) {
        dossierId = event.dossierId();
        status = RECEIVED;
        procedureCode = event.procedureCode();
        unitCode = event.unitCode();
        applicant = event.applicant();
        clockStartsAt = event.clockStartsAt();
        dueAt = event.dueAt();
        lastRecordedAt = event.receivedAt();
    }

    @EventSourcingHandler
    void on(DossierRefusedEvent event) {
        status = DossierStatus.NOT_RECEIVED;
        lastRecordedAt = event.refusedAt();
    }

    @EventSourcingHandler
    void on(DossierAssignedEvent event) {
        status = IN_PROCESSING;
        assignee = event.staffId();
        lastRecordedAt = event.assignedAt();
    }

    @EventSourcingHandler
    void on(SupplementRequestedEvent event) {
        status = SUPPLEMENT_REQUESTED;
        supplementRequests = event.requestNumber();
        pausedSince = event.requestedAt();
        lastRecordedAt = event.requestedAt();
    }

    @EventSourcingHandler
    void on(SupplementProvidedEvent event) {
        status = resumed();
        dueAt = event.dueAt();
        pausedTime = pausedTime.plusMinutes(Math.round(event.pausedWorkingHours() * 60));
        pausedSince = null;
        lastRecordedAt = event.providedAt();
    }

    @EventSourcingHandler
    void on(PaymentRequestedEvent event) {
        status = PAYMENT_REQUESTED;
        lastRecordedAt = event.requestedAt();
    }

    @EventSourcingHandler
    void on(PaymentRecordedEvent event) {
        status = resumed();
        lastRecordedAt = event.paidAt();
    }

    @EventSourcingHandler
    void on(DossierExtendedEvent event) {
        dueAt = event.newDueAt();
        lastRecordedAt = event.extendedAt();
    }

    @EventSourcingHandler
    void on(DossierTransferredEvent event) {
        unitCode = event.toUnitCode();
        lastRecordedAt = event.transferredAt();
    }

    @EventSourcingHandler
    void on(DossierResolvedEvent event) {
        status = RESOLVED;
        timeliness = event.timeliness();
        lastRecordedAt = event.resolvedAt();
    }

    @EventSourcingHandler
    void on(DossierReturnedEvent event) {
        status = RETURNED;
        lastRecordedAt = event.returnedAt();
    }

    @EventSourcingHandler
    void on(DossierWithdrawalRequestedEvent event) {
        status = WITHDRAWAL_REQUESTED;
        lastRecordedAt = event.requestedAt();
    }

    @EventSourcingHandler
    void on(DossierStoppedEvent event) {
        status = DossierStatus.STOPPED;
        timeliness = event.timeliness();
        dueAt = event.dueAt();
        pausedSince = null;
        lastRecordedAt = event.stoppedAt();
    }

    @EventSourcingHandler
    void on(DossierDigitisedEvent event) {
        lastRecordedAt = event.digitisedAt();
    }

    @EventSourcingHandler
    void on(ElectronicResultIssuedEvent event) {
        electronicResultIssuedAt = event.issuedAt();
        lastRecordedAt = event.issuedAt();
    }

    @EventSourcingHandler
    void on(DossierRatedEvent event) {
        ratedAt = event.ratedAt();
        lastRecordedAt = event.ratedAt();
    }

    /** The status processing resumes in after a supplement or a payment. */
    private DossierStatus resumed() {
        return assignee != null ? IN_PROCESSING : RECEIVED;
    }

    /** What every command answers, as the dossier is after it; {@link RecordedDossierStates} reads it back. */
    DossierState state() {
        return new DossierState(dossierId, status, unitCode, dueAt, supplementRequests, timeliness);
    }

    private void allow(Step step) {
        if (!step.allowedFrom(status)) {
            throw new RuleViolationException("dossier '" + dossierId + "' is " + status + "; it cannot be " + step.done);
        }
    }

    /**
     * The working time the current supplement request has paused the clock until {@code until},
     * in whole minutes (as recorded); zero when no request is pending. Time before the clock's
     * start never counted, so it is not given back.
     */
    private Duration pausedUntil(Instant until, WorkingCalendar calendar) {
        if (pausedSince == null) {
            return Duration.ZERO;
        }
        Instant from = pausedSince.isAfter(clockStartsAt) ? pausedSince : clockStartsAt;
        return Duration.ofMinutes(calendar.workingTimeBetween(from, until).toMinutes());
    }

    private Timeliness verdict(Instant endedAt, Instant dueInForce, WorkingCalendar calendar) {
        return supplementRequests > 1 ? Timeliness.LATE : calendar.judge(endedAt, dueInForce);
    }

    /** Working days from the clock's start to the end, as the portal counts them, paused time left out. */
    private double processingDays(Instant endedAt, Duration stillPaused, WorkingCalendar calendar) {
        Duration worked = calendar.workingTimeBetween(clockStartsAt, endedAt).minus(pausedTime).minus(stillPaused);
        return Math.max(0, worked.toMinutes()) / (WorkingCalendar.HOURS_PER_WORKING_DAY * 60.0);
    }

    private static long positive(long amount) {
        if (amount <= 0) {
            throw new InvalidCommandException("amount must be positive, not " + amount);
        }
        return amount;
    }

    private static void within(int value, int lowest, int highest, String field) {
        if (value < lowest || value > highest) {
            throw new InvalidCommandException(
                    field + " must be between " + lowest + " and " + highest + ", not " + value);
        }
    }

    private static RegisteredUnit unitOf(String unitCode, ReferenceData referenceData) {
        return referenceData.unit(unitCode).orElseThrow(() -> new UnknownReferenceException("unit", unitCode));
    }

    /** A dossier goes to no unit on or after the day of its dissolution (in the business zone). */
    private static void requireExisting(RegisteredUnit unit, Instant at, ReferenceData referenceData) {
        LocalDate day = LocalDate.ofInstant(at, referenceData.workingCalendar().zone());
        if (!unit.existsOn(day)) {
            throw new RuleViolationException("unit '" + unit.code() + "' is dissolved from " + unit.dissolvedOn()
                                             + "; it takes no dossier on " + day);
        }
    }

    private static ProcedureTerms termsOf(String procedureCode, ReferenceData referenceData) {
        return referenceData.procedure(procedureCode)
                .orElseThrow(() -> new UnknownReferenceException("procedure", procedureCode));
    }

    private static DossierReceivedEvent receipt(String dossierId, ProcedureTerms terms, String unitCode, Channel channel,
                                                SealedApplicant applicant, Instant receivedAt, WorkingCalendar calendar) {
        Instant clockStartsAt = calendar.clockStart(receivedAt, terms.cutoff());
        Instant dueAt = calendar.plusWorkingHours(clockStartsAt, terms.processingHours());
        return new DossierReceivedEvent(dossierId, terms.code(), terms.field(), unitCode, channel, applicant,
                                        receivedAt, terms.processingHours(), clockStartsAt, dueAt);
    }

    /** {@link Require#businessTime}, and never before the dossier's last recorded time. */
    private Instant businessTime(Instant given, String field, Clock clock) {
        Instant time = Require.businessTime(given, field, clock);
        if (lastRecordedAt != null && time.isBefore(lastRecordedAt)) {
            throw new RuleViolationException(field + " " + time + " is before " + lastRecordedAt
                                             + ", the dossier's last recorded time; times may not go backwards");
        }
        return time;
    }
}
