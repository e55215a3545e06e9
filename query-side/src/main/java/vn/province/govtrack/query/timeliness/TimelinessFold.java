package vn.province.govtrack.query.timeliness;

import java.util.List;

import vn.province.govtrack.kernel.dossier.DossierExtendedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierReturnedEvent;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.DossierStoppedEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.SupplementProvidedEvent;
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;

/**
 * The dossier fact's transition as a pure function of a fact and an event.
 *
 * <p>A dossier has no fact until it is received (refused and not-yet-received online submissions
 * count nowhere), and its fact stops changing when processing ends: the first of resolution,
 * return and stop ends it, with the verdict and processing days that event recorded. Nothing is
 * judged here.
 */
final class TimelinessFold {

    private TimelinessFold() {
    }

    /**
     * @param fact the dossier's fact so far; null before receipt
     * @return the fact after {@code event}; null while the dossier has not been received
     */
    static DossierFact evolve(DossierFact fact, Object event) {
        if (event instanceof DossierReceivedEvent e) {
            return new DossierFact(e.dossierId(), e.procedureCode(), e.field(), e.receivedAt(),
                    List.of(new DossierFact.Holding(e.receivedAt(), e.unitCode())),
                    List.of(new DossierFact.Deadline(e.receivedAt(), e.dueAt())), List.of(), null, null, null, null);
        }
        if (fact == null || fact.ended()) {
            return fact;
        }
        if (event instanceof DossierTransferredEvent e) {
            return fact.transferredTo(e.toUnitCode(), e.transferredAt());
        }
        if (event instanceof SupplementRequestedEvent e) {
            return fact.pausedFrom(e.requestedAt());
        }
        if (event instanceof SupplementProvidedEvent e) {
            return fact.resumedAt(e.providedAt()).dueFrom(e.providedAt(), e.dueAt());
        }
        if (event instanceof DossierExtendedEvent e) {
            return fact.dueFrom(e.extendedAt(), e.newDueAt());
        }
        if (event instanceof DossierResolvedEvent e) {
            return fact.endedAt(e.resolvedAt(), DossierStatus.RESOLVED, e.timeliness(), e.processingDays());
        }
        if (event instanceof DossierStoppedEvent e) {
            return fact.endedAt(e.stoppedAt(), DossierStatus.STOPPED, e.timeliness(), e.processingDays());
        }
        if (event instanceof DossierReturnedEvent e) {
            return fact.endedAt(e.returnedAt(), DossierStatus.RETURNED, null, null);
        }
        return fact;
    }
}
