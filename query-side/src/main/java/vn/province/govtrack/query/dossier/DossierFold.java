package vn.province.govtrack.query.dossier;

import java.util.EnumSet;
import java.util.Set;

import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierAssignedEvent;
import vn.province.govtrack.kernel.dossier.DossierDigitisedEvent;
import vn.province.govtrack.kernel.dossier.DossierEvent;
import vn.province.govtrack.kernel.dossier.DossierExtendedEvent;
import vn.province.govtrack.kernel.dossier.DossierRatedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierRefusedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierReturnedEvent;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.DossierStoppedEvent;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.DossierWithdrawalRequestedEvent;
import vn.province.govtrack.kernel.dossier.ElectronicResultIssuedEvent;
import vn.province.govtrack.kernel.dossier.PaymentChannel;
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
 * A digitisation record replaces the one before; none of the national index's inputs (digitisation,
 * electronic result, rating) changes the status.
 */
public final class DossierFold {

    private static final Set<DossierStatus> ASSIGNABLE = EnumSet.of(DossierStatus.RECEIVED,
            DossierStatus.IN_PROCESSING);

    private DossierFold() {
    }

    /** The state of a dossier before any of its events. */
    public static DossierView initial(String dossierId) {
        return DossierView.initial(dossierId);
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
            return view.with(next -> {
                next.dossierId = e.dossierId();
                next.status = DossierStatus.NEW;
                next.procedureCode = e.procedureCode();
                next.field = e.field();
                next.unitCode = e.unitCode();
                next.channel = Channel.ONLINE;
                next.applicant = e.applicant();
                next.submittedAt = e.submittedAt();
            });
        }
        if (event instanceof DossierReceivedEvent e) {
            return view.with(next -> {
                next.dossierId = e.dossierId();
                next.status = DossierStatus.RECEIVED;
                next.procedureCode = e.procedureCode();
                next.field = e.field();
                next.unitCode = e.unitCode();
                next.channel = e.channel();
                next.applicant = e.applicant();
                next.receivedAt = e.receivedAt();
                next.clockStartsAt = e.clockStartsAt();
                next.processingHours = e.processingHours();
                next.dueAt = e.dueAt();
            });
        }
        if (event instanceof DossierRefusedEvent e) {
            return view.with(next -> {
                next.status = DossierStatus.NOT_RECEIVED;
                next.refusedAt = e.refusedAt();
            });
        }
        if (event instanceof DossierAssignedEvent e) {
            return view.with(next -> {
                next.status = ASSIGNABLE.contains(view.status()) ? DossierStatus.IN_PROCESSING : view.status();
                next.assignedStaffId = e.staffId();
            });
        }
        if (event instanceof SupplementRequestedEvent e) {
            return view.with(next -> {
                next.status = DossierStatus.SUPPLEMENT_REQUESTED;
                next.supplementRequests = e.requestNumber();
                next.pausedSince = e.requestedAt();
            });
        }
        if (event instanceof SupplementProvidedEvent e) {
            return view.with(next -> {
                next.status = resumedFrom(view, DossierStatus.SUPPLEMENT_REQUESTED);
                next.pausedSince = null;
                next.dueAt = e.dueAt();
            });
        }
        if (event instanceof PaymentRequestedEvent e) {
            return view.with(next -> {
                next.status = DossierStatus.PAYMENT_REQUESTED;
                next.amountRequested = view.amountRequested() + e.amount();
            });
        }
        if (event instanceof PaymentRecordedEvent e) {
            return view.with(next -> {
                next.status = resumedFrom(view, DossierStatus.PAYMENT_REQUESTED);
                next.amountPaid = view.amountPaid() + e.amount();
                next.amountPaidOnline = view.amountPaidOnline() + (e.paidOnline() ? e.amount() : 0);
                next.paymentChannel = e.paidOnline() ? PaymentChannel.ONLINE : PaymentChannel.AT_DESK;
            });
        }
        if (event instanceof DossierExtendedEvent e) {
            return view.with(next -> {
                next.dueAt = e.newDueAt();
                next.extensions = view.extensions() + 1;
            });
        }
        if (event instanceof DossierTransferredEvent e) {
            return view.with(next -> {
                next.unitCode = e.toUnitCode();
                next.transfers = view.transfers() + 1;
            });
        }
        if (event instanceof DossierWithdrawalRequestedEvent e) {
            return view.with(next -> {
                next.status = DossierStatus.WITHDRAWAL_REQUESTED;
                next.withdrawalRequestedAt = e.requestedAt();
            });
        }
        if (event instanceof DossierResolvedEvent e) {
            return view.with(next -> {
                next.status = DossierStatus.RESOLVED;
                next.dueAt = e.dueAt();
                next.resolvedAt = e.resolvedAt();
                next.outcome = e.outcome();
                next.timeliness = e.timeliness();
                next.processingDays = e.processingDays();
            });
        }
        if (event instanceof DossierReturnedEvent e) {
            return view.with(next -> {
                next.status = DossierStatus.RETURNED;
                next.returnedAt = e.returnedAt();
            });
        }
        if (event instanceof DossierStoppedEvent e) {
            return view.with(next -> {
                next.status = DossierStatus.STOPPED;
                next.dueAt = e.dueAt();
                next.stoppedAt = e.stoppedAt();
                next.timeliness = e.timeliness();
                next.processingDays = e.processingDays();
            });
        }
        if (event instanceof DossierDigitisedEvent e) {
            return view.with(next -> {
                next.parts = e.parts();
                next.digitisedParts = e.digitisedParts();
                next.reusedParts = e.reusedParts();
                next.populationDataUsed = e.populationDataUsed();
                next.digitisedAt = e.digitisedAt();
            });
        }
        if (event instanceof ElectronicResultIssuedEvent e) {
            return view.with(next -> next.electronicResultIssuedAt = e.issuedAt());
        }
        if (event instanceof DossierRatedEvent e) {
            return view.with(next -> {
                next.ratingScore = e.score();
                next.ratedAt = e.ratedAt();
            });
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
