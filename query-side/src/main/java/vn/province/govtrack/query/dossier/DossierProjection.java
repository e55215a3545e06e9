package vn.province.govtrack.query.dossier;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import vn.province.govtrack.kernel.dossier.DossierEvent;
import vn.province.govtrack.query.projection.ReadModelStore;
import vn.province.govtrack.query.projection.RebuildScope;

/**
 * Keeps {@code dossier_view} and its open entries in step with every dossier event, in the
 * "dossiers" processing group (a tracking processor with one segment, see application.yml). Every
 * write goes through {@link DossierViews#apply}, which is idempotent per event position, so
 * redelivery after a crash or a replay over existing documents changes nothing.
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
    void on(DossierEvent event, TrackingToken token) {
        views.apply(event.dossierId(), ReadModelStore.positionOf(token), view -> DossierFold.evolve(view, event));
    }

    /**
     * A rebuild removes the dossiers it recomputes (see {@link RebuildScope}) with their open entries;
     * the replay then writes them anew.
     */
    @ResetHandler
    void reset(RebuildScope scope) {
        views.removeTouchedAfter(scope.keptUpTo());
    }
}
