package vn.province.govtrack.query.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;

import vn.province.govtrack.query.projection.PeriodicCheck;
import vn.province.govtrack.query.projection.ProjectionPositions;
import vn.province.govtrack.query.projection.ProjectionRebuilt;
import vn.province.govtrack.query.projection.QueryInstance;
import vn.province.govtrack.query.projection.RebuildLog;
import vn.province.govtrack.query.projection.RebuildLog.Request;
import vn.province.govtrack.query.projection.RebuildScope;

/**
 * Carries out the rebuilds asked of any query-side instance, on the one instance that may: resetting a
 * processor's tokens needs the claim on its segments, which only the instance that holds them has (one
 * segment per projection: one holder). Whichever instance receives a rebuild records it in the
 * {@link RebuildLog}; the holder takes it there, at once if it received it itself, otherwise on its next
 * check, every {@code govtrack.query.rebuild-requests.check}. If no instance holds the projection, the
 * first to look takes it. The take is atomic, so a request is carried out once; one that its taker could
 * not carry out (it lost the claim meanwhile) is made pending again, for the next holder.
 *
 * <p>A rebuild shuts the processor down, resets its tokens and starts it again; the replay from the first
 * event then runs in the background, and its progress is read from the token store like any other
 * position. The reset hands the projection's {@code @ResetHandler}s the request's {@link RebuildScope}.
 * Once the tokens are reset, the rebuild is recorded in the {@link RebuildLog} (which removes the request)
 * and announced on this instance ({@link ProjectionRebuilt}), for what follows the projection's documents
 * here and on other instances. Resetting the tokens also clears the projection's dead letters (ADR 0012):
 * the replay hands the parked events to the handlers again, and parks anew those that still fail.
 *
 * <p>A rebuild does not start while a retry of the projection's parked events holds a claim on one of them
 * ({@link DeadLetters}): the request stays pending, and the next check, a {@code check} later, looks again.
 * Waiting here instead would hold up the checks of the other projections, and a claim lasts at most 30 s
 * (a retry that died leaves it that long). The retry, for its part, looks for a request once it holds its
 * claim, so of a rebuild and a retry that begin together one gives way.
 *
 * <p>While carrying a request out, its taker renews the take every third of
 * {@code govtrack.query.rebuild-requests.taken-timeout}, however long shutting the processor down waits
 * for its batch. A taker that dies between its take and its record leaves the request taken. The next
 * holder takes it over once it has not been renewed for {@code taken-timeout}: if the
 * processor's tokens are replaying, the reset was made and only the record is missing; otherwise the
 * rebuild is carried out. (Were the replay already over by then, which needs the taker to die in the
 * instant between its reset and its record and the replay to finish before the takeover, the rebuild runs
 * again: the same result, later.)
 *
 * <p>The timeliness index keeps its tokens in each instance's memory: a rebuild of it is addressed to the
 * instance that received it and carried out there; should that instance go first, by any instance once
 * it has waited for {@code taken-timeout}, so that the request does not stand in the way of later ones.
 */
@Component
class Rebuilds extends PeriodicCheck {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    /**
     * Where a replay starts: position 0 precedes the first event (position 1). The engine's own tail
     * token is null, and MongoTokenStore cannot store a null token, which is what a reset from the
     * tail stores for a processor that has not processed anything yet.
     */
    private static final TrackingToken BEFORE_FIRST_EVENT = new GlobalSequenceTrackingToken(0);

    private final ObjectProvider<EventProcessingConfiguration> eventProcessing;
    private final MongoCollection<Document> deadLetters;
    private final ProjectionPositions positions;
    private final RebuildLog rebuildLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String instance;
    private final Duration takenTimeout;
    private final Set<String> resetting = ConcurrentHashMap.newKeySet();

    /** @param eventProcessing looked up when first needed: processors are configured after this component */
    Rebuilds(ObjectProvider<EventProcessingConfiguration> eventProcessing, MongoTemplate axonMongoTemplate,
             ProjectionPositions positions,
             RebuildLog rebuildLog, ApplicationEventPublisher events, Clock clock, QueryInstance instance,
             @Value("${govtrack.query.rebuild-requests.check:1s}") Duration check,
             @Value("${govtrack.query.rebuild-requests.taken-timeout:30s}") Duration takenTimeout) {
        super("rebuild-requests", check);
        this.eventProcessing = eventProcessing;
        this.deadLetters = axonMongoTemplate.deadLetterCollection();
        this.positions = positions;
        this.rebuildLog = rebuildLog;
        this.events = events;
        this.clock = clock;
        this.instance = instance.id();
        this.takenTimeout = takenTimeout;
    }

    /**
     * Records a rebuild of {@code processor} as asked for and carries it out at once if this instance
     * holds the processor; otherwise its holder does within about {@code check}.
     *
     * @return false if a rebuild of it is already asked for and not yet carried out
     */
    boolean request(StreamingEventProcessor processor, RebuildScope scope) {
        String addressedTo = instanceLocal(processor.getName()) ? instance : null;
        if (!rebuildLog.request(processor.getName(), scope, clock.instant(), addressedTo)) {
            return false;
        }
        try {
            carryOut(processor.getName());
        } catch (RuntimeException e) {
            // recorded, so carried out all the same: taken over by the next check here, or by the holder
            log.warn("Rebuild of '{}' recorded, not yet carried out: {}", processor.getName(), e.toString());
        }
        return true;
    }

    /** Whether this instance is resetting {@code processorName}'s tokens right now. */
    boolean resetting(String processorName) {
        return resetting.contains(processorName);
    }

    /**
     * Carries out the request of {@code processorName} if there is one and this instance is the one to
     * carry it out. One at a time on this instance, so that a request this instance has taken and not
     * yet carried out is one that an earlier attempt here left behind.
     */
    synchronized void carryOut(String processorName) {
        Optional<StreamingEventProcessor> found = eventProcessing.getObject()
                .eventProcessor(processorName, StreamingEventProcessor.class);
        Optional<Request> outstanding = rebuildLog.request(processorName);
        if (found.isEmpty() || outstanding.isEmpty()) {
            return;
        }
        StreamingEventProcessor processor = found.get();
        Request seen = outstanding.get();
        boolean mine = seen.addressedTo() == null
                ? holdsOrNobodyDoes(processorName)
                : seen.addressedTo().equals(instance) || lapsed(seen.requestedAt());
        boolean takeOver = !seen.pending() && (seen.takenBy().equals(instance) || lapsed(seen.takenAt()));
        if (!mine || !seen.pending() && !takeOver) {
            return;
        }
        if (DeadLetters.beingRetried(deadLetters, processorName, clock.instant())) {
            log.info("Rebuild of '{}' waits for a retry of its parked events to end", processorName);
            return;
        }
        rebuildLog.take(seen, instance, clock.instant())
                  .ifPresent(taken -> carryOut(processor, taken, takeOver ? seen.takenBy() : null));
    }

    /** @param takenOverFrom the instance that took the request before and did not record it; null for none */
    private void carryOut(StreamingEventProcessor processor, Request taken, String takenOverFrom) {
        String name = processor.getName();
        resetting.add(name);
        ScheduledExecutorService keepingTaken = keptTaken(taken);
        try {
            if (takenOverFrom != null && positions.current(name).replaying()) {
                log.info("Rebuild of '{}' taken over from {}: its reset was made, recording it", name,
                         takenOverFrom);
            } else {
                processor.shutDown();
                try {
                    processor.resetTokens(BEFORE_FIRST_EVENT, new RebuildScope(taken.keptUpTo()));
                } catch (UnableToClaimTokenException e) {
                    // another instance claimed the segment while the processor here was shut down: its holder now
                    rebuildLog.release(taken, instance);
                    log.info("Rebuild of '{}' left to the instance that claimed it meanwhile", name);
                    return;
                } finally {
                    processor.start();
                }
                log.info("Rebuild of '{}' started (events after position {} recomputed; asked at {})", name,
                         taken.keptUpTo(), taken.requestedAt());
            }
            rebuildLog.record(taken);
            events.publishEvent(new ProjectionRebuilt(name));
        } finally {
            keepingTaken.shutdownNow();
            resetting.remove(name);
        }
    }

    /**
     * Renews the take of {@code taken} every third of {@code taken-timeout} until shut down: shutting the
     * processor down waits for its batch, which on a slow database can outlast the timeout, and another
     * instance must not take the request over and reset the processor a second time meanwhile.
     */
    private ScheduledExecutorService keptTaken(Request taken) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rebuild-taken-" + taken.processorName());
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, takenTimeout.toMillis() / 3);
        executor.scheduleWithFixedDelay(() -> {
            try {
                rebuildLog.stillTaken(taken, instance, clock.instant());
            } catch (RuntimeException e) {
                // the next renewal tries again; a periodic task that throws is never run again
                log.warn("Could not renew the take of the rebuild of '{}': {}", taken.processorName(), e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return executor;
    }

    private boolean lapsed(Instant since) {
        return since.plus(takenTimeout).isBefore(clock.instant());
    }

    /** Resetting the tokens claims every segment: it can succeed only if no other instance holds one. */
    private boolean holdsOrNobodyDoes(String processorName) {
        Set<String> claimants = positions.claimants(processorName);
        return claimants.isEmpty() || claimants.equals(Set.of(instance));
    }

    private boolean instanceLocal(String processorName) {
        return eventProcessing.getObject().tokenStore(processorName) instanceof InMemoryTokenStore;
    }

    /** Carries out the rebuilds asked of any instance that this one may carry out. */
    @Override
    protected void check() {
        for (Request request : rebuildLog.requests()) {
            carryOut(request.processorName());
        }
    }
}
