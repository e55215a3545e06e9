package vn.province.govtrack.query.admin;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import vn.province.govtrack.query.projection.ProjectionPosition;
import vn.province.govtrack.query.projection.ProjectionPositions;
import vn.province.govtrack.query.projection.RebuildLog;
import vn.province.govtrack.query.projection.RebuildScope;
import vn.province.govtrack.web.ProblemException;
import vn.province.govtrack.web.ProblemType;

/**
 * The streaming event processors of this service, their progress, and rebuilds.
 *
 * <p>A rebuild asked of any instance is recorded in the shared {@link RebuildLog} and carried out once,
 * by the instance that holds the projection ({@link Rebuilds}). Its {@link RebuildScope}: a full rebuild
 * removes everything the projection owns; a rebuild from an instant removes only the documents that
 * events recorded from then on touched, and the replay recomputes those from their whole history while
 * finding every other document up to date.
 */
@Component
class Projections {

    private final EventProcessingConfiguration eventProcessing;
    private final ProjectionPositions positions;
    private final EventStore eventStore;
    private final RebuildLog rebuildLog;
    private final Rebuilds rebuilds;
    private final DeadLetters deadLetters;

    Projections(EventProcessingConfiguration eventProcessing, ProjectionPositions positions, EventStore eventStore,
                RebuildLog rebuildLog, Rebuilds rebuilds, DeadLetters deadLetters) {
        this.eventProcessing = eventProcessing;
        this.positions = positions;
        this.eventStore = eventStore;
        this.rebuildLog = rebuildLog;
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
    }

    List<ProjectionStatus> all() {
        long head = positions.headPosition();
        Set<String> requested = rebuildLog.requests().stream().map(RebuildLog.Request::processorName)
                                          .collect(Collectors.toSet());
        Map<String, ProjectionPosition> each = positions.currentOfEach();
        return eventProcessing.eventProcessors().values().stream()
                              .filter(StreamingEventProcessor.class::isInstance)
                              .map(StreamingEventProcessor.class::cast)
                              .map(processor -> status(processor, each.get(processor.getName()), head,
                                                       requested.contains(processor.getName())))
                              .sorted(Comparator.comparing(ProjectionStatus::name))
                              .toList();
    }

    Optional<ProjectionStatus> one(String name) {
        return processor(name).map(this::status);
    }

    /**
     * Asks for a rebuild, of whichever instance this is. Returns once the replay is under way if this
     * instance holds the projection; otherwise at once, with the rebuild REQUESTED: its holder starts it
     * within about a second.
     *
     * @param from null for a full rebuild; otherwise recompute what the events recorded at or after
     *             this instant touched (from the first such event in position order on; see
     *             {@link EventStore#createTokenAt}), keeping the rest
     * @throws ProblemException 404 for an unknown processor; 409 while a rebuild of it is asked for and
     *         not yet started, or running
     */
    ProjectionStatus rebuild(String name, Instant from) {
        StreamingEventProcessor processor = processor(name).orElseThrow(() -> unknown(name));
        if (!processor.supportsReset()) {
            throw ProblemType.PROJECTION_NOT_REBUILDABLE.exception(
                    "The handlers of '" + name + "' do not support a reset");
        }
        if (positions.current(name).replaying() || !rebuilds.request(processor, scope(from))) {
            throw rebuildRunning(name);
        }
        return status(processor);
    }

    /** The token at {@code from} precedes the first event recorded at or after it. */
    private RebuildScope scope(Instant from) {
        if (from == null) {
            return RebuildScope.everything();
        }
        TrackingToken beforeFrom = eventStore.createTokenAt(from);
        return new RebuildScope(beforeFrom == null ? 0 : beforeFrom.position().orElse(0));
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return eventProcessing.eventProcessor(name, StreamingEventProcessor.class);
    }

    private ProjectionStatus status(StreamingEventProcessor processor) {
        return status(processor, positions.current(processor.getName()), positions.headPosition(),
                      rebuildLog.request(processor.getName()).isPresent());
    }

    private ProjectionStatus status(StreamingEventProcessor processor, ProjectionPosition position, long head,
                                    boolean requested) {
        int progress = head == 0 || position.position() >= head
                ? 100
                : (int) (100 * position.position() / head);
        return new ProjectionStatus(processor.getName(), position.position(), head, position.replaying(), progress,
                state(processor, position, head, requested), deadLetters.count(processor.getName()));
    }

    private String state(StreamingEventProcessor processor, ProjectionPosition position, long head,
                         boolean requested) {
        if (rebuilds.resetting(processor.getName())) {
            return "RESETTING";
        }
        if (requested) {
            return "REQUESTED";
        }
        if (processor.isError()) {
            return "ERROR";
        }
        if (!processor.isRunning()) {
            return "STOPPED";
        }
        if (position.replaying()) {
            return "REPLAYING";
        }
        return position.position() < head ? "CATCHING_UP" : "CAUGHT_UP";
    }

    static ProblemException unknown(String name) {
        return ProblemType.PROJECTION_NOT_FOUND.exception("No event processor named '" + name + "' in this service");
    }

    private static ProblemException rebuildRunning(String name) {
        return ProblemType.REBUILD_IN_PROGRESS.exception(
                "A rebuild of '" + name + "' is asked for or running; watch GET /api/v1/admin/projections until "
                        + "its state is no longer REQUESTED and its progress is 100");
    }
}
