package vn.province.govtrack.query.dossier;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;

/**
 * Keeps {@code dossier_view} in step with the dossier events, in the "dossiers" processing group
 * (a tracking processor with one segment, see application.yml). Every write goes through
 * {@link DossierViews#apply}, which is idempotent per event position, so redelivery after a crash
 * or a replay over existing documents changes nothing.
 */
@Component
@ProcessingGroup(DossierProjection.PROCESSING_GROUP)
class DossierProjection {

    static final String PROCESSING_GROUP = "dossiers";

    private final DossierViews views;

    DossierProjection(DossierViews views) {
        this.views = views;
    }

    @EventHandler
    void on(DossierSubmittedOnlineEvent event, TrackingToken token) {
        views.apply(event.dossierId(), positionOf(token), view -> DossierFold.evolve(view, event));
    }

    @EventHandler
    void on(DossierReceivedEvent event, TrackingToken token) {
        views.apply(event.dossierId(), positionOf(token), view -> DossierFold.evolve(view, event));
    }

    @EventHandler
    void on(DossierResolvedEvent event, TrackingToken token) {
        views.apply(event.dossierId(), positionOf(token), view -> DossierFold.evolve(view, event));
    }

    /** A rebuild starts from an empty collection; the replay then writes every document anew. */
    @ResetHandler
    void reset() {
        views.clear();
    }

    /** During a replay the token is a ReplayToken; its position is the replayed event's. */
    private static long positionOf(TrackingToken token) {
        return token.position()
                    .orElseThrow(() -> new IllegalStateException("Tracking token without a position: " + token));
    }
}
