package vn.province.govtrack.query.dossier;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import vn.province.govtrack.kernel.dossier.DossierAssignedEvent;
import vn.province.govtrack.kernel.dossier.DossierExtendedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierRefusedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierReturnedEvent;
import vn.province.govtrack.kernel.dossier.DossierStoppedEvent;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.DossierWithdrawalRequestedEvent;
import vn.province.govtrack.kernel.dossier.PaymentRecordedEvent;
import vn.province.govtrack.kernel.dossier.PaymentRequestedEvent;
import vn.province.govtrack.kernel.dossier.SupplementProvidedEvent;
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;
import vn.province.govtrack.query.projection.PositionGuardedDocuments;
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
    void on(DossierSubmittedOnlineEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(DossierReceivedEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(DossierRefusedEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(DossierAssignedEvent event, TrackingToken token) {
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
    void on(PaymentRequestedEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(PaymentRecordedEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(DossierExtendedEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(DossierTransferredEvent event, TrackingToken token) {
        fold(event.dossierId(), event, token);
    }

    @EventHandler
    void on(DossierWithdrawalRequestedEvent event, TrackingToken token) {
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

    private void fold(String dossierId, Object event, TrackingToken token) {
        views.apply(dossierId, PositionGuardedDocuments.positionOf(token), view -> DossierFold.evolve(view, event));
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
