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
 * Keeps {@code timeliness_fact} in step with the dossier events, in its own
 * "timeliness" processing group (a tracking processor with one segment, see application.yml), so it
 * can be rebuilt on its own. Every write goes through {@link DossierFacts#apply}, idempotent per
 * event position: redelivery and replay over existing facts change nothing.
 */
@Component
@ProcessingGroup(TimelinessProjection.PROCESSING_GROUP)
class TimelinessProjection {

    static final String PROCESSING_GROUP = "timeliness";

    private final DossierFacts facts;

    TimelinessProjection(DossierFacts facts) {
        this.facts = facts;
    }

    /** Only the events that bear on timeliness reach it: the processor skips the others unread. */
    @EventHandler
    void on(TimelinessEvent event, TrackingToken token) {
        long position = ReadModelStore.positionOf(token);
        facts.apply(event.dossierId(), position, TimelinessFold.change(event, position));
    }

    /** A rebuild removes the facts it recomputes (see {@link RebuildScope}); the replay then writes them anew. */
    @ResetHandler
    void reset(RebuildScope scope) {
        facts.removeTouchedAfter(scope.keptUpTo());
    }
}
