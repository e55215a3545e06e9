package vn.province.govtrack.command.procedure;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.Require;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.procedure.ProcedureContent;
import vn.province.govtrack.kernel.procedure.ProcedureIds;
import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;
import vn.province.govtrack.kernel.procedure.ProcedureUpdatedEvent;
import vn.province.govtrack.kernel.procedure.PublishProcedureCommand;
import vn.province.govtrack.kernel.procedure.UpdateProcedureCommand;

/**
 * An administrative procedure, the terms dossiers under it are judged by, and what the national
 * service-quality index reads of it; stream {@code ProcedureIds.streamOf(code)}. Its processing terms
 * never change (a changed processing time is a new procedure); its online level and disclosed content
 * change by announced updates.
 *
 * <p>Rules, decided on the days the commands carry and on today by the injected clock (business zone):
 * <ul>
 *   <li>a procedure is published once; it is not published after today, nor before {@link #EARLIEST_DATE};</li>
 *   <li>its legal basis, and each update, takes effect between {@link #EARLIEST_DATE} and {@link #LATEST_DATE};
 *       when not given, on the day of the publication or announcement;</li>
 *   <li>an update is announced not after today, not before the procedure was published, and not before
 *       the last update was announced, so that the updates' order is their announcement order and the
 *       procedure as it stood on any day is the last announcement up to it;</li>
 *   <li>an update changes the online level or the disclosed content, or it is no update.</li>
 * </ul>
 *
 * <p>A procedure published before the index's fields existed reads as published on the day its event
 * was recorded, offered as {@link ProcedurePublishedEvent#offered()} says, disclosing nothing. Every
 * command answers the event that records its decision (docs/adr/0009-command-results.md).
 */
@Aggregate
class Procedure {

    /** 300 working days: longer than any legal processing time, short enough to bound the deadline arithmetic. */
    static final int MAX_PROCESSING_HOURS = 2400;
    /** Days outside this range are typos; the bound also keeps date arithmetic and text ordering sane. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    @AggregateIdentifier
    private String streamId;
    private String code;
    private OnlineLevel onlineLevel;
    private Set<ProcedureContent> content;
    /** The day published; null for an event recorded before the field existed (see {@link #recordedAt}). */
    private LocalDate publishedOn;
    /** When the publication was recorded: its day is the publication day of an event without {@code publishedOn}. */
    private Instant recordedAt;
    /** The day the last update was announced; null before the first. */
    private LocalDate lastUpdatedOn;

    Procedure() {
        // for Axon: an empty procedure, before its first event
    }

    /** Create-if-missing, so that publishing a code twice is a rule violation, not a storage conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ProcedurePublishedEvent handle(PublishProcedureCommand command, Clock clock) {
        if (streamId != null) {
            throw new RuleViolationException("procedure '" + command.code() + "' is already published");
        }
        if (command.processingHours() <= 0 || command.processingHours() > MAX_PROCESSING_HOURS) {
            throw new InvalidCommandException(
                    "processingHours must be between 1 and " + MAX_PROCESSING_HOURS + ", not " + command.processingHours());
        }
        OnlineLevel online = Require.present(command.onlineLevel(), "onlineLevel");
        LocalDate published = announced(command.publishedOn(), "publishedOn", clock);
        LocalDate effective = effective(command.effectiveFrom(), published);
        ProcedurePublishedEvent event = new ProcedurePublishedEvent(
                Require.text(command.code(), "code"), Require.text(command.name(), "name"),
                Require.text(command.field(), "field"), Require.text(command.level(), "level"),
                command.processingHours(), Require.present(command.cutoff(), "cutoff"), online.online(), online,
                published, effective, contentOf(command.content()));
        apply(event);
        return event;
    }

    /**
     * Announces a change of the online level or the disclosed content; what the command leaves out stays
     * as it is, and the event records both as they stand after the change. An unknown code is not found.
     */
    @CommandHandler
    ProcedureUpdatedEvent handle(UpdateProcedureCommand command, Clock clock) {
        String reason = Require.text(command.reason(), "reason");
        LocalDate updatedOn = announced(command.updatedOn(), "updatedOn", clock);
        LocalDate effective = effective(command.effectiveFrom(), updatedOn);
        OnlineLevel level = command.onlineLevel() != null ? command.onlineLevel() : onlineLevel;
        Set<ProcedureContent> disclosed = command.content() != null ? contentOf(command.content()) : content;
        LocalDate published = publishedOn != null ? publishedOn : LocalDate.ofInstant(recordedAt, clock.getZone());
        if (updatedOn.isBefore(published)) {
            throw new RuleViolationException("procedure '" + code + "' was published on " + published
                                             + "; an update cannot be announced before, on " + updatedOn);
        }
        if (lastUpdatedOn != null && updatedOn.isBefore(lastUpdatedOn)) {
            throw new RuleViolationException("procedure '" + code + "' was last updated on " + lastUpdatedOn
                                             + "; updates are announced in order, not on " + updatedOn);
        }
        if (level == onlineLevel && disclosed.equals(content)) {
            throw new RuleViolationException("procedure '" + code + "' is already offered " + level
                                             + " with this content; an update must change one of them");
        }
        ProcedureUpdatedEvent event = new ProcedureUpdatedEvent(code, level, disclosed, updatedOn, effective, reason);
        apply(event);
        return event;
    }

    @EventSourcingHandler
    void on(ProcedurePublishedEvent event, @Timestamp Instant recorded) {
        streamId = ProcedureIds.streamOf(event.code());
        code = event.code();
        onlineLevel = event.offered();
        content = event.disclosed();
        publishedOn = event.publishedOn();
        recordedAt = recorded;
    }

    @EventSourcingHandler
    void on(ProcedureUpdatedEvent event) {
        onlineLevel = event.onlineLevel();
        content = event.content() == null || event.content().isEmpty() ? EnumSet.noneOf(ProcedureContent.class)
                                                                       : EnumSet.copyOf(event.content());
        lastUpdatedOn = event.updatedOn();
    }

    /** The given day, or today; never after today nor before {@link #EARLIEST_DATE}. */
    private static LocalDate announced(LocalDate given, String field, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = given != null ? given : today;
        if (day.isAfter(today)) {
            throw new InvalidCommandException(field + " " + day + " lies in the future");
        }
        if (day.isBefore(EARLIEST_DATE)) {
            throw new InvalidCommandException(field + " must not be before " + EARLIEST_DATE);
        }
        return day;
    }

    /** The given day, or {@code announced}; between {@link #EARLIEST_DATE} and {@link #LATEST_DATE}. */
    private static LocalDate effective(LocalDate given, LocalDate announced) {
        LocalDate day = given != null ? given : announced;
        if (day.isBefore(EARLIEST_DATE) || day.isAfter(LATEST_DATE)) {
            throw new InvalidCommandException("effectiveFrom must lie between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
        return day;
    }

    /** The elements named, in their declaration order; none when null. */
    private static Set<ProcedureContent> contentOf(Set<ProcedureContent> given) {
        if (given == null || given.isEmpty()) {
            return EnumSet.noneOf(ProcedureContent.class);
        }
        Set<ProcedureContent> content = EnumSet.noneOf(ProcedureContent.class);
        for (ProcedureContent element : given) {
            content.add(Require.present(element, "each element of content"));
        }
        return content;
    }
}
