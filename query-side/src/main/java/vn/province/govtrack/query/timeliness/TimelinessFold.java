package vn.province.govtrack.query.timeliness;

import java.util.function.UnaryOperator;

import vn.province.govtrack.kernel.dossier.TimelinessEvent;
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
 * judged here. A receipt recorded again starts the fact anew, keeping the one it replaces for
 * {@link DossierFact#asKnownAt}.
 */
final class TimelinessFold {

    private TimelinessFold() {
    }

    /**
     * @param fact     the dossier's fact so far; null before receipt
     * @param position the global position of {@code event}, which the elements it records keep
     * @return the fact after {@code event}; null while the dossier has not been received; the same fact
     *         for a payload that does not bear on timeliness
     */
    static DossierFact evolve(DossierFact fact, Object event, long position) {
        UnaryOperator<DossierFact> change = event instanceof TimelinessEvent timelinessEvent
                ? change(timelinessEvent, position) : null;
        return change == null ? fact : change.apply(fact);
    }

    /** How {@code event}, at {@code position}, changes a dossier's fact (null before receipt). */
    static UnaryOperator<DossierFact> change(TimelinessEvent event, long position) {
        if (event instanceof DossierReceivedEvent e) {
            DossierFact receipt = DossierFact.received(e.dossierId(), e.procedureCode(), e.field(), e.unitCode(),
                    e.receivedAt(), e.dueAt(), position);
            return fact -> fact == null ? receipt : fact.receivedAgain(receipt);
        }
        if (event instanceof DossierTransferredEvent e) {
            return whileOpen(fact -> fact.transferredTo(e.toUnitCode(), e.transferredAt(), position));
        }
        if (event instanceof SupplementRequestedEvent e) {
            return whileOpen(fact -> fact.pausedFrom(e.requestedAt(), position));
        }
        if (event instanceof SupplementProvidedEvent e) {
            return whileOpen(fact -> fact.resumedAt(e.providedAt(), position).dueFrom(e.providedAt(), e.dueAt(),
                    position));
        }
        if (event instanceof DossierExtendedEvent e) {
            return whileOpen(fact -> fact.dueFrom(e.extendedAt(), e.newDueAt(), position));
        }
        if (event instanceof DossierResolvedEvent e) {
            return whileOpen(fact -> fact.endedAt(e.resolvedAt(), DossierStatus.RESOLVED, e.timeliness(),
                    e.processingDays(), position));
        }
        if (event instanceof DossierStoppedEvent e) {
            return whileOpen(fact -> fact.endedAt(e.stoppedAt(), DossierStatus.STOPPED, e.timeliness(),
                    e.processingDays(), position));
        }
        if (event instanceof DossierReturnedEvent e) {
            return whileOpen(fact -> fact.endedAt(e.returnedAt(), DossierStatus.RETURNED, null, null, position));
        }
        throw new IllegalArgumentException("a timeliness event this fold does not know: " + event.getClass().getName());
    }

    /** A change that applies only between receipt and the end of processing; it leaves any other fact as it was. */
    private static UnaryOperator<DossierFact> whileOpen(UnaryOperator<DossierFact> change) {
        return fact -> fact == null || fact.ended() ? fact : change.apply(fact);
    }
}
