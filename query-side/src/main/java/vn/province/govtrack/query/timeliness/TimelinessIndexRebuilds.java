package vn.province.govtrack.query.timeliness;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.province.govtrack.query.projection.PeriodicCheck;
import vn.province.govtrack.query.projection.ProjectionRebuilt;
import vn.province.govtrack.query.projection.RebuildLog;
import vn.province.govtrack.query.projection.RebuildScope;

/**
 * Rebuilds this instance's timeliness index, from the first event, whenever the timeliness facts are
 * rebuilt, on this instance or on another: the index was loaded from those facts, which a rebuild
 * recomputes (after a fix of the fold, say). A rebuild here is followed before it is answered; one
 * made elsewhere is found in the {@link RebuildLog}, read every
 * {@code govtrack.query.timeliness-index.rebuild-check}, on a thread of its own.
 *
 * <p>The index is rebuilt from the events rather than reloaded from the facts: that does not wait
 * for the facts' replay, and takes about as long, since both read the whole log. Its position starts
 * over meanwhile, so that read-your-writes queries wait for it.
 */
@Component
class TimelinessIndexRebuilds extends PeriodicCheck {

    private static final Logger log = LoggerFactory.getLogger(TimelinessIndexRebuilds.class);

    private final RebuildLog rebuildLog;
    private final ObjectProvider<EventProcessingConfiguration> eventProcessing;
    /** The facts' rebuilds the index reflects; -1 until it has been loaded. */
    private final AtomicLong followed = new AtomicLong(-1);

    TimelinessIndexRebuilds(RebuildLog rebuildLog, ObjectProvider<EventProcessingConfiguration> eventProcessing,
                            @Value("${govtrack.query.timeliness-index.rebuild-check:1s}") Duration period) {
        super("timeliness-index-rebuilds", period);
        this.rebuildLog = rebuildLog;
        this.eventProcessing = eventProcessing;
    }

    /** The index is being loaded from the facts as {@code rebuilds} rebuilds left them, or as a later one did. */
    void loadedAfter(long rebuilds) {
        followed.accumulateAndGet(rebuilds, Math::max);
    }

    @EventListener
    void on(ProjectionRebuilt rebuilt) {
        if (rebuilt.processorName().equals(TimelinessProjection.PROCESSING_GROUP)) {
            follow();
        }
    }

    /** Rebuilds the index if the facts were rebuilt since it was loaded or last rebuilt. */
    void follow() {
        if (followed.get() < 0) {
            return;
        }
        long recorded = rebuildLog.count(TimelinessProjection.PROCESSING_GROUP);
        if (recorded <= followed.get()) {
            return;
        }
        synchronized (this) {
            if (recorded > followed.get()) {
                rebuildIndex();
                followed.accumulateAndGet(recorded, Math::max);
            }
        }
    }

    private void rebuildIndex() {
        StreamingEventProcessor processor = eventProcessing.getObject()
                .eventProcessor(TimelinessIndexProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            processor.resetTokens(new GlobalSequenceTrackingToken(0), RebuildScope.everything());
        } finally {
            processor.start();
        }
        log.info("Timeliness facts rebuilt: the timeliness index is being rebuilt from the first event");
    }

    @Override
    protected void check() {
        follow();
    }
}
