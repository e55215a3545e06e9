package vn.province.govtrack.query.dossier;

import java.util.Set;

import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;

/**
 * The dossier state transition as a pure function: a view and an event give the next view.
 *
 * <p>The projection applies it to the stored view; the audit applies it to a stream's events up to
 * an instant. It reads nothing but its arguments, so both arrive at the same state from the same
 * events. Events it does not know leave the view unchanged.
 */
public final class DossierFold {

    private static final Set<Class<?>> FOLDED_EVENTS =
            Set.of(DossierSubmittedOnlineEvent.class, DossierReceivedEvent.class, DossierResolvedEvent.class);

    private DossierFold() {
    }

    /** The state of a dossier before any of its events. */
    public static DossierView initial(String dossierId) {
        return new DossierView(dossierId, null, null, null, null, null, null, null, null, 0, null, null, null, null,
                null, 0, 0);
    }

    /** Whether {@link #evolve} changes a view for events of this payload type. */
    public static boolean folds(Class<?> eventType) {
        return FOLDED_EVENTS.contains(eventType);
    }

    /** The view after {@code event}; {@code lastPosition} is left to the caller, who knows the event's position. */
    public static DossierView evolve(DossierView view, Object event) {
        if (event instanceof DossierSubmittedOnlineEvent submitted) {
            return submittedOnline(view, submitted);
        }
        if (event instanceof DossierReceivedEvent received) {
            return received(view, received);
        }
        if (event instanceof DossierResolvedEvent resolved) {
            return resolved(view, resolved);
        }
        return view;
    }

    private static DossierView submittedOnline(DossierView view, DossierSubmittedOnlineEvent e) {
        return new DossierView(e.dossierId(), DossierStatus.NEW, e.procedureCode(), e.field(), e.unitCode(),
                Channel.ONLINE, e.submittedAt(), view.receivedAt(), view.clockStartsAt(), view.processingHours(),
                view.dueAt(), view.resolvedAt(), view.outcome(), view.timeliness(), view.processingDays(),
                view.supplementRequests(), view.lastPosition());
    }

    private static DossierView received(DossierView view, DossierReceivedEvent e) {
        return new DossierView(e.dossierId(), DossierStatus.RECEIVED, e.procedureCode(), e.field(), e.unitCode(),
                e.channel(), view.submittedAt(), e.receivedAt(), e.clockStartsAt(), e.processingHours(), e.dueAt(),
                view.resolvedAt(), view.outcome(), view.timeliness(), view.processingDays(),
                view.supplementRequests(), view.lastPosition());
    }

    private static DossierView resolved(DossierView view, DossierResolvedEvent e) {
        return new DossierView(view.dossierId(), DossierStatus.RESOLVED, view.procedureCode(), view.field(),
                view.unitCode(), view.channel(), view.submittedAt(), view.receivedAt(), view.clockStartsAt(),
                view.processingHours(), e.dueAt(), e.resolvedAt(), e.outcome(), e.timeliness(), e.processingDays(),
                view.supplementRequests(), view.lastPosition());
    }
}
