package vn.province.govtrack.query.timeliness;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.province.govtrack.query.projection.ProjectionPositions;
import vn.province.govtrack.query.projection.RebuildLog;

/**
 * Loads this instance's timeliness index from the stored facts when its processor first runs, so
 * that a start reads one document per dossier instead of replaying every event.
 *
 * <p>The order of the readings is what makes it exact: first how many times the facts have been
 * rebuilt, then the shared processor's position P, then the facts. Every event up to P is in the
 * facts; a later one may be, and the index ignores it when it comes (see
 * {@link TimelinessIndex#apply}). A rebuild of the facts that starts meanwhile is recorded after
 * its reset, so either P is already the reset position, or {@link TimelinessIndexRebuilds} finds
 * the count increased and rebuilds the index from the events.
 */
@Component
class TimelinessIndexLoading {

    private static final Logger log = LoggerFactory.getLogger(TimelinessIndexLoading.class);

    private final TimelinessIndex index;
    private final DossierFacts facts;
    private final ProjectionPositions positions;
    private final RebuildLog rebuildLog;
    private final TimelinessIndexRebuilds rebuilds;
    private volatile boolean loaded;

    TimelinessIndexLoading(TimelinessIndex index, DossierFacts facts, ProjectionPositions positions,
                           RebuildLog rebuildLog, TimelinessIndexRebuilds rebuilds) {
        this.index = index;
        this.facts = facts;
        this.positions = positions;
        this.rebuildLog = rebuildLog;
        this.rebuilds = rebuilds;
    }

    /**
     * Loads every stored fact into the index; returns the token its processor starts from. Called by
     * the processor again after a failure, which starts over.
     */
    TrackingToken loadStoredFacts() {
        long started = System.nanoTime();
        rebuilds.loadedAfter(rebuildLog.count(TimelinessProjection.PROCESSING_GROUP));
        long position = positions.current(TimelinessProjection.PROCESSING_GROUP).position();
        index.load(facts::forEachStored);
        loaded = true;
        log.info("Timeliness index loaded {} stored facts up to position {} in {} ms", index.dossiers(), position,
                (System.nanoTime() - started) / 1_000_000);
        return new GlobalSequenceTrackingToken(position);
    }

    /** Whether the stored facts have been loaded once. */
    boolean loaded() {
        return loaded;
    }
}
