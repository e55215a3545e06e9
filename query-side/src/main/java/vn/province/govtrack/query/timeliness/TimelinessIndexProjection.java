package vn.province.govtrack.query.timeliness;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import vn.province.govtrack.kernel.dossier.TimelinessEvent;
import vn.province.govtrack.query.projection.ReadModelStore;
import vn.province.govtrack.query.projection.RebuildScope;

/**
 * Keeps this instance's {@link TimelinessIndex} in step with the same dossier events as the
 * timeliness facts, in the "timeliness-index" processing group: a tracking processor whose token
 * lives in this instance's memory, so that every query-side instance follows the event store with an
 * index of its own (see {@link TimelinessIndexConfiguration}). Every change goes through
 * {@link TimelinessIndex#apply}, idempotent per event position.
 */
@Component
@ProcessingGroup(TimelinessIndexProjection.PROCESSING_GROUP)
class TimelinessIndexProjection {

    static final String PROCESSING_GROUP = "timeliness-index";

    private final TimelinessIndex index;

    TimelinessIndexProjection(TimelinessIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(TimelinessEvent event, TrackingToken token) {
        index.apply(event.dossierId(), ReadModelStore.positionOf(token), event);
    }

    /**
     * A rebuild forgets the dossiers it recomputes (see {@link RebuildScope}); the replay from the
     * first event folds them anew, and finds every other dossier up to date.
     */
    @ResetHandler
    void reset(RebuildScope scope) {
        index.forgetTouchedAfter(scope.keptUpTo());
    }
}
