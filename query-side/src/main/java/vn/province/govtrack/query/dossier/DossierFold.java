package vn.province.govtrack.query.dossier;

import java.util.EnumSet;
import java.util.Set;

import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierAssignedEvent;
import vn.province.govtrack.kernel.dossier.DossierEvent;
import vn.province.govtrack.kernel.dossier.DossierExtendedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierRefusedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierReturnedEvent;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.DossierStoppedEvent;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.DossierWithdrawalRequestedEvent;
import vn.province.govtrack.kernel.dossier.PaymentRecordedEvent;
import vn.province.govtrack.kernel.dossier.PaymentRequestedEvent;
import vn.province.govtrack.kernel.dossier.SupplementProvidedEvent;
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;

/**
 * The dossier state transition as a pure function: a view and an event give the next view.
 *
 * <p>The projection applies it to the stored view; the audit applies it to a stream's events up to
 * an instant. It reads nothing but its arguments, so both arrive at the same state from the same
 * events. A payload that is no {@link DossierEvent} leaves the view unchanged.
 *
 * <p>It records what the events say and judges nothing: due dates and verdicts come from the
 * events. The command side decides which transitions are allowed; where an event does not name
 * the status it leads to, the fold derives it conservatively: a supplement or a payment resumes
 * processing only from the status that awaited it, and an assignment moves a dossier to
 * IN_PROCESSING only from RECEIVED or IN_PROCESSING (a reassignment while paused keeps the pause).
 */
public final class DossierFold {

    private static final Set<DossierStatus> ASSIGNABLE = EnumSet.of(DossierStatus.RECEIVED,
            DossierStatus.IN_PROCESSING);

    private DossierFold() {
    }

    /** The state of a dossier before any of its events. */
    public static DossierView initial(String dossierId) {
        return new DossierView.Builder(dossierId).build();
    }

    /** Whether {@link #evolve} changes a view for events of this payload type: every {@link DossierEvent}. */
    public static boolean folds(Class<?> eventType) {
        return DossierEvent.class.isAssignableFrom(eventType);
    }

    /** The view after {@code event}, the same view for an event that is not a {@link DossierEvent}. */
    public static DossierView evolve(DossierView view, Object event) {
        return event instanceof DossierEvent dossierEvent ? evolve(view, dossierEvent) : view;
    }

    /** The view after {@code event}; {@code lastPosition} is left to the caller, who knows the event's position. */
    public static DossierView evolve(DossierView view, DossierEvent event) {
        if (event instanceof DossierSubmittedOnlineEvent e) {
            return view.toBuilder().dossierId(e.dossierId()).status(DossierStatus.NEW)
                       .procedureCode(e.procedureCode()).field(e.field()).unitCode(e.unitCode())
                       .channel(Channel.ONLINE).applicant(e.applicant()).submittedAt(e.submittedAt()).build();
        }
        if (event instanceof DossierReceivedEvent e) {
            return view.toBuilder().dossierId(e.dossierId()).status(DossierStatus.RECEIVED)
                       .procedureCode(e.procedureCode()).field(e.field()).unitCode(e.unitCode())
                       .channel(e.channel()).applicant(e.applicant()).receivedAt(e.receivedAt()).clockStartsAt(e.clockStartsAt())
                       .processingHours(e.processingHours()).dueAt(e.dueAt()).build();
        }
        if (event instanceof DossierRefusedEvent e) {
            return view.toBuilder().status(DossierStatus.NOT_RECEIVED).refusedAt(e.refusedAt()).build();
        }
        if (event instanceof DossierAssignedEvent e) {
            DossierStatus status = ASSIGNABLE.contains(view.status()) ? DossierStatus.IN_PROCESSING : view.status();
            return view.toBuilder().status(status).assignedStaffId(e.staffId()).build();
        }
        if (event instanceof SupplementRequestedEvent e) {
            return view.toBuilder().status(DossierStatus.SUPPLEMENT_REQUESTED)
                       .supplementRequests(e.requestNumber()).pausedSince(e.requestedAt()).build();
        }
        if (event instanceof SupplementProvidedEvent e) {
            return view.toBuilder().status(resumedFrom(view, DossierStatus.SUPPLEMENT_REQUESTED))
                       .pausedSince(null).dueAt(e.dueAt()).build();
        }
        if (event instanceof PaymentRequestedEvent e) {
            return view.toBuilder().status(DossierStatus.PAYMENT_REQUESTED)
                       .amountRequested(view.amountRequested() + e.amount()).build();
        }
        if (event instanceof PaymentRecordedEvent e) {
            return view.toBuilder().status(resumedFrom(view, DossierStatus.PAYMENT_REQUESTED))
                       .amountPaid(view.amountPaid() + e.amount()).build();
        }
        if (event instanceof DossierExtendedEvent e) {
            return view.toBuilder().dueAt(e.newDueAt()).extensions(view.extensions() + 1).build();
        }
        if (event instanceof DossierTransferredEvent e) {
            return view.toBuilder().unitCode(e.toUnitCode()).transfers(view.transfers() + 1).build();
        }
        if (event instanceof DossierWithdrawalRequestedEvent e) {
            return view.toBuilder().status(DossierStatus.WITHDRAWAL_REQUESTED)
                       .withdrawalRequestedAt(e.requestedAt()).build();
        }
        if (event instanceof DossierResolvedEvent e) {
            return view.toBuilder().status(DossierStatus.RESOLVED).dueAt(e.dueAt()).resolvedAt(e.resolvedAt())
                       .outcome(e.outcome()).timeliness(e.timeliness()).processingDays(e.processingDays()).build();
        }
        if (event instanceof DossierReturnedEvent e) {
            return view.toBuilder().status(DossierStatus.RETURNED).returnedAt(e.returnedAt()).build();
        }
        if (event instanceof DossierStoppedEvent e) {
            return view.toBuilder().status(DossierStatus.STOPPED).dueAt(e.dueAt()).stoppedAt(e.stoppedAt())
                       .timeliness(e.timeliness()).processingDays(e.processingDays()).build();
        }
        throw new IllegalArgumentException("A dossier event the fold does not know: " + event.getClass().getName());
    }

    /** Back to processing once what {@code awaited} waited for has come: with the officer if one is assigned. */
    private static DossierStatus resumedFrom(DossierView view, DossierStatus awaited) {
        if (view.status() != awaited) {
            return view.status();
        }
        return view.assignedStaffId() == null ? DossierStatus.RECEIVED : DossierStatus.IN_PROCESSING;
    }
}
