package vn.province.govtrack.command.dossier;

import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import vn.province.govtrack.command.web.Recorded;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;

/**
 * The state a dossier was in right after a recorded command: the {@link Dossier} itself, replayed through
 * its own event-sourcing handlers from its first event up to the command's last, asked for its
 * {@link Dossier#state()}. That is how the command's handler computed its answer, so a retry answered
 * from the record gets what the first attempt answered, whatever the dossier did since.
 */
@Component
class RecordedDossierStates {

    private final MongoEventStorageEngine eventStore;
    private final org.axonframework.config.Configuration axon;
    private volatile AggregateModel<Dossier> model;

    RecordedDossierStates(MongoEventStorageEngine eventStore, org.axonframework.config.Configuration axon) {
        this.eventStore = eventStore;
        this.axon = axon;
    }

    /** The state of the dossier that {@code recorded}'s last event belongs to, right after that event. */
    DossierState after(Recorded recorded) {
        DomainEventMessage<?> last = recorded.lastEvent();
        List<? extends DomainEventMessage<?>> history =
                eventStore.readEvents(last.getAggregateIdentifier(), 0).asStream()
                          .takeWhile(event -> event.getSequenceNumber() <= last.getSequenceNumber())
                          .toList();
        EventSourcedAggregate<Dossier> dossier =
                EventSourcedAggregate.initialize(new Dossier(), model(), null, NoSnapshotTriggerDefinition.TRIGGER);
        dossier.initializeState(DomainEventStream.of(history));
        return dossier.invoke(Dossier::state);
    }

    /** Inspected on first use, with the parameter resolvers Axon gives the aggregate's handlers. */
    private AggregateModel<Dossier> model() {
        AggregateModel<Dossier> inspected = model;
        if (inspected == null) {
            inspected = AnnotatedAggregateMetaModelFactory.inspectAggregate(
                    Dossier.class, axon.parameterResolverFactory(), axon.handlerDefinition(Dossier.class));
            model = inspected;
        }
        return inspected;
    }
}
