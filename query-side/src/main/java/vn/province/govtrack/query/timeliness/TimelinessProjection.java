package vn.province.govtrack.query.timeliness;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import vn.province.govtrack.kernel.dossier.DossierExtendedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierReturnedEvent;
import vn.province.govtrack.kernel.dossier.DossierStoppedEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.SupplementProvidedEvent;
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;
import vn.province.govtrack.query.projection.PositionGuardedDocuments;
import vn.province.govtrack.query.projection.RebuildScope;

/**
 * Keeps {@code timeliness_fact} in step with the dossier events that bear on timeliness, in its own
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

    @EventHandler
    void on(DossierReceivedEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(DossierTransferredEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(SupplementRequestedEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(SupplementProvidedEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(DossierExtendedEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(DossierResolvedEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(DossierReturnedEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(DossierStoppedEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    /** A rebuild removes the facts it recomputes (see {@link RebuildScope}); the replay then writes them anew. */
    @ResetHandler
    void reset(RebuildScope scope) {
        facts.removeTouchedAfter(scope.keptUpTo());
    }

    private void fold(String dossierId, Object event, TrackingToken token) {
        facts.apply(dossierId, PositionGuardedDocuments.positionOf(token), fact -> TimelinessFold.evolve(fact, event));
    }
}
