package vn.province.govtrack.query.timeliness;

import java.util.function.UnaryOperator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import vn.province.govtrack.kernel.dossier.DossierEvent;
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

    /** An event that does not bear on timeliness costs nothing: not even a read of the fact. */
    @EventHandler
    void on(DossierEvent event, TrackingToken token) {
        UnaryOperator<DossierFact> change = TimelinessFold.change(event);
        if (change != null) {
            facts.apply(event.dossierId(), ReadModelStore.positionOf(token), change);
        }
    }

    /** A rebuild removes the facts it recomputes (see {@link RebuildScope}); the replay then writes them anew. */
    @ResetHandler
    void reset(RebuildScope scope) {
        facts.removeTouchedAfter(scope.keptUpTo());
    }
}
