package vn.province.govtrack.command.feedback;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

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
import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.command.rejection.ForbiddenCommandException;
import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.Require;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.command.rejection.UnknownReferenceException;
import vn.province.govtrack.command.unit.RegisteredUnit;
import vn.province.govtrack.command.unit.UnitDirectory;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.dossier.DossierIds;
import vn.province.govtrack.kernel.feedback.AnswerFeedbackCommand;
import vn.province.govtrack.kernel.feedback.FeedbackAnsweredEvent;
import vn.province.govtrack.kernel.feedback.FeedbackIds;
import vn.province.govtrack.kernel.feedback.FeedbackKind;
import vn.province.govtrack.kernel.feedback.FeedbackReceivedEvent;
import vn.province.govtrack.kernel.feedback.ReceiveFeedbackCommand;

/**
 * A citizen's feedback (a suggestion or a complaint) about one unit's service, and the unit's answer; its
 * stream is {@link FeedbackIds#streamOf}. The due time is decided at receipt and recorded, never recomputed:
 * {@value #HANDLING_WORKING_DAYS} working days (the handling time of citizens' feedback, Decree 20/2008/NĐ-CP),
 * counted by the working calendar as a dossier's processing time is, from the first working moment at or
 * after receipt. Feedback has no procedure and so no cut-off: received on a working day during office hours
 * it counts from then, otherwise from the next session's opening. The answer is judged on time when it
 * comes no later than the due time, and that verdict is recorded too.
 *
 * <p>Business times (each command's optional {@code ...At}) may be given by an importer replaying dated
 * history; absent, they are the injected clock's now. They may not lie in the future (beyond
 * {@link Require#CLOCK_SKEW}) nor before {@link Require#EARLIEST_TIME}, and an answer not before the receipt. Feedback is
 * received only about a registered unit that is not dissolved on that business day.
 *
 * <p>Unit scoping is decided here, before any handler ({@link #actOnlyForOwnUnit}); which role may give which
 * command is the web layer's rule (the answer is a unit head's).
 */
@Aggregate
class Feedback {

    /** Decree 20/2008/NĐ-CP: feedback is answered within ten working days of its receipt. */
    static final int HANDLING_WORKING_DAYS = 10;
    static final int MAX_SUBJECT = 500;
    static final int MAX_ANSWER = 4000;
    /**
     * Nine digits or more in a row: an identity card or citizen id number (9 or 12 digits) or a phone
     * number (10), which a subject must not carry; the subject names what the feedback is about, not who
     * gave it.
     */
    private static final Pattern LOOKS_PERSONAL = Pattern.compile("\\d{9,}");

    /**
     * The roles that act for one unit only, named in the command's {@link EventMetadata#ACTOR_ROLE}
     * ({@code vn.province.govtrack.security.Role#unitBound()}; a test keeps the two in step).
     */
    static final Set<String> UNIT_BOUND_ROLES = Set.of("CLERK", "UNIT_HEAD");

    @AggregateIdentifier
    private String streamId;
    private String feedbackId;
    private String unitCode;
    private Instant receivedAt;
    private Instant dueAt;
    private boolean answered;

    Feedback() {
        // for Axon: no feedback yet, before its first event
    }

    /**
     * A clerk or unit head receives and answers feedback about its own unit only; otherwise the command is
     * refused (403) before anything is appended. Commands without an actor role are the service's own.
     */
    @CommandHandlerInterceptor
    Object actOnlyForOwnUnit(CommandMessage<?> command, InterceptorChain chain,
                             @MetaDataValue(EventMetadata.ACTOR_ROLE) String actorRole,
                             @MetaDataValue(EventMetadata.ACTOR_UNIT) String actorUnit) throws Exception {
        if (actorRole != null && UNIT_BOUND_ROLES.contains(actorRole)) {
            String about = command.getPayload() instanceof ReceiveFeedbackCommand receive ? receive.unitCode() : unitCode;
            if (about == null || !about.equals(actorUnit)) {
                throw new ForbiddenCommandException(
                        "the feedback is about unit '" + about + "'; a " + actorRole + " of unit '" + actorUnit
                        + "' acts on feedback about its own unit only");
            }
        }
        return chain.proceed();
    }

    /** Create-if-missing, so that reusing a feedback id is a rule violation rather than a storage conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    FeedbackReceivedEvent handle(ReceiveFeedbackCommand command, UnitDirectory units, WorkingHours hours,
                                 WorkingCalendar.Holidays holidays, Clock clock) {
        if (feedbackId != null) {
            throw new RuleViolationException("feedback '" + feedbackId + "' already exists");
        }
        String id = Require.text(command.feedbackId(), "feedbackId");
        if (!DossierIds.isValid(id)) {
            throw new InvalidCommandException("feedbackId must match " + DossierIds.PATTERN);
        }
        FeedbackKind kind = Require.present(command.kind(), "kind");
        if (command.dossierId() != null && !DossierIds.isValid(command.dossierId())) {
            throw new InvalidCommandException("dossierId must match " + DossierIds.PATTERN);
        }
        String subject = subject(command.subject());
        String unit = Require.text(command.unitCode(), "unitCode");
        RegisteredUnit registered = units.registered(unit).orElseThrow(() -> new UnknownReferenceException("unit", unit));
        Instant received = Require.businessTime(command.receivedAt(), "receivedAt", clock);
        WorkingCalendar calendar = new WorkingCalendar(hours, holidays);
        LocalDate day = LocalDate.ofInstant(received, calendar.zone());
        if (!registered.existsOn(day)) {
            throw new RuleViolationException("unit '" + unit + "' is dissolved from " + registered.dissolvedOn()
                                             + "; it receives no feedback on " + day);
        }
        Instant due = calendar.plusWorkingHours(received, HANDLING_WORKING_DAYS * WorkingCalendar.HOURS_PER_WORKING_DAY);
        FeedbackReceivedEvent event = new FeedbackReceivedEvent(id, kind, unit, command.dossierId(), subject, received,
                                                                due);
        apply(event);
        return event;
    }

    /** The unit's answer closes the feedback, on time when it comes no later than the due time. */
    @CommandHandler
    FeedbackAnsweredEvent handle(AnswerFeedbackCommand command, Clock clock) {
        if (answered) {
            throw new RuleViolationException("feedback '" + feedbackId + "' is answered already");
        }
        String answer = Require.text(command.answer(), "answer");
        if (answer.length() > MAX_ANSWER) {
            throw new InvalidCommandException("answer must have at most " + MAX_ANSWER + " characters");
        }
        Instant answeredAt = Require.businessTime(command.answeredAt(), "answeredAt", clock);
        if (answeredAt.isBefore(receivedAt)) {
            throw new RuleViolationException("answeredAt " + answeredAt + " is before " + receivedAt
                                             + ", when feedback '" + feedbackId + "' was received");
        }
        FeedbackAnsweredEvent event = new FeedbackAnsweredEvent(feedbackId, unitCode, answer, answeredAt, dueAt,
                                                                !answeredAt.isAfter(dueAt));
        apply(event);
        return event;
    }

    @EventSourcingHandler
    void on(FeedbackReceivedEvent event) {
        streamId = FeedbackIds.streamOf(event.feedbackId());
        feedbackId = event.feedbackId();
        unitCode = event.unitCode();
        receivedAt = event.receivedAt();
        dueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(FeedbackAnsweredEvent event) {
        answered = true;
    }

    private static String subject(String given) {
        String subject = Require.text(given, "subject");
        if (subject.length() > MAX_SUBJECT) {
            throw new InvalidCommandException("subject must have at most " + MAX_SUBJECT + " characters");
        }
        if (LOOKS_PERSONAL.matcher(subject).find()) {
            throw new InvalidCommandException("subject must carry no personal data; it holds a number of nine digits"
                                              + " or more, like an id or phone number");
        }
        return subject;
    }
}
