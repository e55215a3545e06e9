package vn.province.govtrack.command.dossier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import vn.province.govtrack.command.calendar.WorkingCalendar;
import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.Require;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.command.rejection.UnknownReferenceException;
import vn.province.govtrack.kernel.dossier.Applicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierIds;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.ReceiveDossierCommand;
import vn.province.govtrack.kernel.dossier.ResolveDossierCommand;
import vn.province.govtrack.kernel.dossier.SubmitDossierCommand;
import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * One administrative-procedure dossier; its stream id is the dossier id. The due date and the
 * timeliness verdict are decided here and recorded in the events.
 *
 * <p>Business times ({@code submittedAt}, {@code receivedAt}, {@code resolvedAt}) may be given by
 * an importer replaying dated history; absent, they are the injected clock's now. They may not lie
 * in the future (beyond {@link #CLOCK_SKEW}), nor go backwards for one dossier.
 */
@Aggregate
class Dossier {

    /** How far a caller's clock may run ahead of ours before its explicit time counts as the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** No dossier business predates this; it also keeps the deadline arithmetic within sane years. */
    static final Instant EARLIEST_TIME = Instant.parse("2000-01-01T00:00:00Z");

    private static final Set<DossierStatus> RESOLVABLE = EnumSet.of(DossierStatus.RECEIVED);

    @AggregateIdentifier
    private String dossierId;
    private DossierStatus status;
    private String procedureCode;
    private String unitCode;
    private Applicant applicant;
    private Instant clockStartsAt;
    private Instant dueAt;
    private Instant lastRecordedAt;

    Dossier() {
        // for Axon: no dossier yet, before its first event
    }

    /**
     * In person or by post the desk receives the dossier at once and its due date is decided;
     * online it waits as NEW for the desk's receipt. Create-if-missing, so that reusing a dossier
     * id is a rule violation rather than a storage conflict.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Submission handle(SubmitDossierCommand command, ReferenceData referenceData, Clock clock) {
        if (status != null) {
            throw new RuleViolationException("dossier '" + dossierId + "' already exists");
        }
        if (!DossierIds.isValid(command.dossierId())) {
            throw new InvalidCommandException("dossierId must match " + DossierIds.PATTERN);
        }
        Channel channel = Require.present(command.channel(), "channel");
        Applicant submittedBy = Require.present(command.applicant(), "applicant");
        String unit = Require.text(command.unitCode(), "unitCode");
        if (!referenceData.unitExists(unit)) {
            throw new UnknownReferenceException("unit", unit);
        }
        ProcedureTerms terms = termsOf(Require.text(command.procedureCode(), "procedureCode"), referenceData);
        Instant submittedAt = businessTime(command.submittedAt(), "submittedAt", clock);

        if (channel == Channel.ONLINE) {
            if (!terms.online()) {
                throw new RuleViolationException("procedure '" + terms.code() + "' is not offered online");
            }
            apply(new DossierSubmittedOnlineEvent(command.dossierId(), terms.code(), terms.field(), unit,
                                                  submittedBy, submittedAt));
            return new Submission(DossierStatus.NEW, null);
        }
        DossierReceivedEvent received = receipt(command.dossierId(), terms, unit, channel, submittedBy, submittedAt,
                                                referenceData.workingCalendar());
        apply(received);
        return new Submission(DossierStatus.RECEIVED, received.dueAt());
    }

    /** The desk accepts an online submission; the clock starts and the due date is decided now. */
    @CommandHandler
    Instant handle(ReceiveDossierCommand command, ReferenceData referenceData, Clock clock) {
        if (status != DossierStatus.NEW) {
            throw forbidden("received");
        }
        Instant receivedAt = businessTime(command.receivedAt(), "receivedAt", clock);
        DossierReceivedEvent received = receipt(dossierId, termsOf(procedureCode, referenceData), unitCode,
                                                Channel.ONLINE, applicant, receivedAt, referenceData.workingCalendar());
        apply(received);
        return received.dueAt();
    }

    /** Processing ends with a decision, judged against the due date in force. */
    @CommandHandler
    Timeliness handle(ResolveDossierCommand command, ReferenceData referenceData, Clock clock) {
        if (!RESOLVABLE.contains(status)) {
            throw forbidden("resolved");
        }
        Outcome outcome = Require.present(command.outcome(), "outcome");
        Instant resolvedAt = businessTime(command.resolvedAt(), "resolvedAt", clock);
        WorkingCalendar calendar = referenceData.workingCalendar();
        Timeliness timeliness = calendar.judge(resolvedAt, dueAt);
        apply(new DossierResolvedEvent(dossierId, outcome, command.note(), resolvedAt, dueAt, timeliness,
                                       calendar.workingDaysBetween(clockStartsAt, resolvedAt)));
        return timeliness;
    }

    @EventSourcingHandler
    void on(DossierSubmittedOnlineEvent event) {
        dossierId = event.dossierId();
        status = DossierStatus.NEW;
        procedureCode = event.procedureCode();
        unitCode = event.unitCode();
        applicant = event.applicant();
        lastRecordedAt = event.submittedAt();
    }

    @EventSourcingHandler
    void on(DossierReceivedEvent event) {
        dossierId = event.dossierId();
        status = DossierStatus.RECEIVED;
        procedureCode = event.procedureCode();
        unitCode = event.unitCode();
        applicant = event.applicant();
        clockStartsAt = event.clockStartsAt();
        dueAt = event.dueAt();
        lastRecordedAt = event.receivedAt();
    }

    @EventSourcingHandler
    void on(DossierResolvedEvent event) {
        status = DossierStatus.RESOLVED;
        lastRecordedAt = event.resolvedAt();
    }

    private static ProcedureTerms termsOf(String procedureCode, ReferenceData referenceData) {
        return referenceData.procedure(procedureCode)
                .orElseThrow(() -> new UnknownReferenceException("procedure", procedureCode));
    }

    private static DossierReceivedEvent receipt(String dossierId, ProcedureTerms terms, String unitCode, Channel channel,
                                                Applicant applicant, Instant receivedAt, WorkingCalendar calendar) {
        Instant clockStartsAt = calendar.clockStart(receivedAt, terms.cutoff());
        Instant dueAt = calendar.plusWorkingHours(clockStartsAt, terms.processingHours());
        return new DossierReceivedEvent(dossierId, terms.code(), terms.field(), unitCode, channel, applicant,
                                        receivedAt, terms.processingHours(), clockStartsAt, dueAt);
    }

    /** The given time, or now; never in the future, before {@link #EARLIEST_TIME}, or before the last recorded time. */
    private Instant businessTime(Instant given, String field, Clock clock) {
        Instant now = clock.instant();
        Instant time = given != null ? given : now;
        if (time.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidCommandException(field + " " + time + " lies in the future");
        }
        if (time.isBefore(EARLIEST_TIME)) {
            throw new InvalidCommandException(field + " must not be before " + EARLIEST_TIME);
        }
        if (lastRecordedAt != null && time.isBefore(lastRecordedAt)) {
            throw new RuleViolationException(field + " " + time + " is before " + lastRecordedAt
                                             + ", the dossier's last recorded time; times may not go backwards");
        }
        return time;
    }

    private RuleViolationException forbidden(String action) {
        return new RuleViolationException("dossier '" + dossierId + "' is " + status + "; it cannot be " + action);
    }
}
