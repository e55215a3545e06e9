package vn.province.govtrack.command.procedure;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.Require;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.procedure.ProcedureIds;
import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;
import vn.province.govtrack.kernel.procedure.PublishProcedureCommand;

/**
 * An administrative procedure and the terms dossiers under it are judged by; stream
 * {@code ProcedureIds.streamOf(code)}. Its command answers the event that records it
 * (docs/adr/0009-command-results.md).
 */
@Aggregate
class Procedure {

    /** 300 working days: longer than any legal processing time, short enough to bound the deadline arithmetic. */
    static final int MAX_PROCESSING_HOURS = 2400;

    @AggregateIdentifier
    private String streamId;

    Procedure() {
        // for Axon: an empty procedure, before its first event
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ProcedurePublishedEvent handle(PublishProcedureCommand command) {
        if (streamId != null) {
            throw new RuleViolationException("procedure '" + command.code() + "' is already published");
        }
        if (command.processingHours() <= 0 || command.processingHours() > MAX_PROCESSING_HOURS) {
            throw new InvalidCommandException(
                    "processingHours must be between 1 and " + MAX_PROCESSING_HOURS + ", not " + command.processingHours());
        }
        OnlineLevel online = Require.present(command.onlineLevel(), "onlineLevel");
        ProcedurePublishedEvent published = new ProcedurePublishedEvent(
                Require.text(command.code(), "code"), Require.text(command.name(), "name"),
                Require.text(command.field(), "field"), Require.text(command.level(), "level"),
                command.processingHours(), Require.present(command.cutoff(), "cutoff"), online.online(), online,
                command.publishedOn(), command.effectiveFrom(), command.content());
        apply(published);
        return published;
    }

    @EventSourcingHandler
    void on(ProcedurePublishedEvent event) {
        streamId = ProcedureIds.streamOf(event.code());
    }
}
