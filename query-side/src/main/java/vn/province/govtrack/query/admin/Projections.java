package vn.province.govtrack.query.admin;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.province.govtrack.query.projection.ProjectionPosition;
import vn.province.govtrack.query.projection.ProjectionPositions;
import vn.province.govtrack.query.projection.ProjectionRebuilt;
import vn.province.govtrack.query.projection.RebuildLog;
import vn.province.govtrack.query.projection.RebuildScope;
import vn.province.govtrack.web.ProblemException;
import vn.province.govtrack.web.ProblemType;

/**
 * The streaming event processors of this service, their progress, and rebuilds.
 *
 * <p>A rebuild shuts the processor down, resets its tokens and starts it again; the replay from the
 * first event then runs in the background, and its progress is read from the token store like any
 * other position. The reset hands the projection's {@code @ResetHandler}s a {@link RebuildScope}: a
 * full rebuild removes everything the projection owns; a rebuild from an instant removes only the
 * documents that events recorded from then on touched, and the replay recomputes those from their
 * whole history while finding every other document up to date. Once the tokens are reset, the rebuild
 * is recorded in the {@link RebuildLog} and announced on this instance ({@link ProjectionRebuilt}),
 * for what follows the projection's documents here and on other instances. Resetting the tokens also
 * clears the projection's dead letters (ADR 0012): the replay hands the parked events to the handlers
 * again, and parks anew those that still fail.
 */
@Component
class Projections {

    /**
     * Where a replay starts: position 0 precedes the first event (position 1). The engine's own tail
     * token is null, and MongoTokenStore cannot store a null token, which is what a reset from the
     * tail stores for a processor that has not processed anything yet.
     */
    private static final TrackingToken BEFORE_FIRST_EVENT = new GlobalSequenceTrackingToken(0);

    private final EventProcessingConfiguration eventProcessing;
    private final ProjectionPositions positions;
    private final EventStore eventStore;
    private final RebuildLog rebuildLog;
    private final ApplicationEventPublisher events;
    private final DeadLetters deadLetters;
    private final Set<String> resetting = ConcurrentHashMap.newKeySet();

    Projections(EventProcessingConfiguration eventProcessing, ProjectionPositions positions, EventStore eventStore,
                RebuildLog rebuildLog, ApplicationEventPublisher events, DeadLetters deadLetters) {
        this.eventProcessing = eventProcessing;
        this.positions = positions;
        this.eventStore = eventStore;
        this.rebuildLog = rebuildLog;
        this.events = events;
        this.deadLetters = deadLetters;
    }

    List<ProjectionStatus> all() {
        long head = positions.headPosition();
        return eventProcessing.eventProcessors().values().stream()
                              .filter(StreamingEventProcessor.class::isInstance)
                              .map(StreamingEventProcessor.class::cast)
                              .map(processor -> status(processor, head))
                              .sorted(Comparator.comparing(ProjectionStatus::name))
                              .toList();
    }

    Optional<ProjectionStatus> one(String name) {
        return processor(name).map(processor -> status(processor, positions.headPosition()));
    }

    /**
     * Starts a rebuild and returns once the replay is under way.
     *
     * @param from null for a full rebuild; otherwise recompute what the events recorded at or after
     *             this instant touched (from the first such event in position order on; see
     *             {@link EventStore#createTokenAt}), keeping the rest
     * @throws ProblemException 404 for an unknown processor; 409 while a
     *         rebuild of it is running, or when another instance holds its segment (and so processes it:
     *         resetting its token needs the claim, which this instance cannot take while that one lives)
     */
    ProjectionStatus rebuild(String name, Instant from) {
        StreamingEventProcessor processor = processor(name).orElseThrow(() -> unknown(name));
        if (!processor.supportsReset()) {
            throw ProblemType.PROJECTION_NOT_REBUILDABLE.exception(
                    "The handlers of '" + name + "' do not support a reset");
        }
        if (!resetting.add(name)) {
            throw rebuildRunning(name);
        }
        try {
            if (positions.current(name).replaying()) {
                throw rebuildRunning(name);
            }
            RebuildScope scope = scope(from);
            processor.shutDown();
            try {
                processor.resetTokens(BEFORE_FIRST_EVENT, scope);
            } catch (UnableToClaimTokenException e) {
                throw ProblemType.PROJECTION_CLAIMED_ELSEWHERE.exception(
                        "Another query-side instance processes '" + name + "', and only the instance that "
                                + "processes a projection can rebuild it; nothing was changed. Ask again so that "
                                + "the request reaches that instance");
            } finally {
                processor.start();
            }
            rebuildLog.record(name);
            events.publishEvent(new ProjectionRebuilt(name));
        } finally {
            resetting.remove(name);
        }
        return status(processor, positions.headPosition());
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

    private ProjectionStatus status(StreamingEventProcessor processor, long head) {
        ProjectionPosition position = positions.current(processor.getName());
        int progress = head == 0 || position.position() >= head
                ? 100
                : (int) (100 * position.position() / head);
        return new ProjectionStatus(processor.getName(), position.position(), head, position.replaying(), progress,
                state(processor, position, head), deadLetters.count(processor.getName()));
    }

    private String state(StreamingEventProcessor processor, ProjectionPosition position, long head) {
        if (resetting.contains(processor.getName())) {
            return "RESETTING";
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
                "'" + name + "' is being rebuilt; watch GET /api/v1/admin/projections until its progress is 100");
    }
}
