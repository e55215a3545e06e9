package vn.province.govtrack.query.index766;

import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code index766}: DOWN until this instance's ledger has replayed the log up to the head its processor found
 * when it started (part of the readiness group), so that a starting instance gets no index query it would
 * answer from part of the history. Once up it stays up: a rebuild asked later replays behind read-your-writes,
 * as the timeliness index's does, and does not take the instance out of service.
 */
@Component("index766HealthIndicator")
class Index766HealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<EventProcessingConfiguration> eventProcessing;
    private final Index766Ledger ledger;
    private volatile boolean replayed;

    Index766HealthIndicator(ObjectProvider<EventProcessingConfiguration> eventProcessing, Index766Ledger ledger) {
        this.eventProcessing = eventProcessing;
        this.ledger = ledger;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!replayed) {
            Map<Integer, EventTrackerStatus> segments = eventProcessing.getObject()
                    .eventProcessor(Index766Projection.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
            replayed = !segments.isEmpty() && segments.values().stream().allMatch(Index766HealthIndicator::caughtUp);
        }
        if (replayed) {
            builder.up().withDetail("events", ledger.events()).withDetail("dossiers", ledger.dossiers());
        } else {
            builder.down().withDetail("replaying", "the event log from the first event")
                   .withDetail("events", ledger.events());
        }
    }

    /**
     * Whether a segment has replayed up to the head it found at start. Its token stays a replay token until an
     * event beyond that head arrives, which a quiet store may never send; so, as the projections list counts
     * it ({@code ProjectionPositions}), a segment at or past its reset position has caught up.
     */
    static boolean caughtUp(EventTrackerStatus segment) {
        return !segment.isReplaying()
               || segment.getCurrentPosition().orElse(0) >= segment.getResetPosition().orElse(Long.MAX_VALUE);
    }
}
