package vn.province.govtrack.query.dossier;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * What the query side knows about one dossier: the facts its events recorded, never recomputed.
 * Immutable; a new state comes only from {@link DossierFold#evolve}.
 *
 * @param status                null until the first event that sets it
 * @param applicant             the applicant as the events sealed it; opened only when a response is written
 * @param submittedAt           when an online submission was registered; null for other channels
 * @param refusedAt             when the desk refused an online submission (NOT_RECEIVED)
 * @param dueAt                 the appointment date in force: set at receipt, moved by each supplement
 *                              and extension, as the command side recorded them
 * @param assignedStaffId       the officer last assigned
 * @param supplementRequests    how many supplements were requested (the last request's number)
 * @param pausedSince           when the outstanding supplement request was made; null when none is
 *                              outstanding, that is whenever the clock is not paused
 * @param extensions            apology-and-extension letters issued
 * @param transfers             moves to another unit; {@code unitCode} is the unit holding it now
 * @param amountRequested       fees requested in total, VND
 * @param amountPaid            fees paid in total, VND
 * @param timeliness            the verdict recorded when processing ended (resolution or stop)
 * @param processingDays        as recorded when processing ended; null while open
 * @param lastPosition          global position of the last event folded in; 0 before any
 */
public record DossierView(String dossierId, DossierStatus status, String procedureCode, String field,
                          String unitCode, Channel channel, SealedApplicant applicant, Instant submittedAt, Instant refusedAt,
                          Instant receivedAt, Instant clockStartsAt, int processingHours, Instant dueAt,
                          String assignedStaffId, int supplementRequests, Instant pausedSince, int extensions,
                          int transfers, long amountRequested, long amountPaid, Instant withdrawalRequestedAt,
                          Instant resolvedAt, Outcome outcome, Timeliness timeliness, Double processingDays,
                          Instant returnedAt, Instant stoppedAt, long lastPosition) {

    /** The statuses in which processing is over (or never began): the national index's end of processing, and refusal. */
    public static final Set<DossierStatus> FINAL_STATUSES = EnumSet.of(DossierStatus.NOT_RECEIVED,
            DossierStatus.RESOLVED, DossierStatus.RETURNED, DossierStatus.STOPPED);

    /** Not in a final status; NEW and paused dossiers included. */
    public boolean open() {
        return status != null && !FINAL_STATUSES.contains(status);
    }

    /**
     * Whether the deadline clock runs now: received, not ended, and no supplement request outstanding
     * (the clock is paused until the supplement arrives). Only such dossiers can be overdue or due soon.
     */
    public boolean clockRunning() {
        return open() && receivedAt != null && pausedSince == null;
    }

    /** The national status code, 1 to 10; null before the first event that sets a status. */
    public Integer statusCode() {
        return status == null ? null : status.code();
    }

    /** The same state, marked as having folded in the event at {@code position}. */
    public DossierView atPosition(long position) {
        return toBuilder().lastPosition(position).build();
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** How {@link DossierFold} derives one state from another without restating every unchanged field. */
    static final class Builder {
        private String dossierId;
        private DossierStatus status;
        private String procedureCode;
        private String field;
        private String unitCode;
        private Channel channel;
        private SealedApplicant applicant;
        private Instant submittedAt;
        private Instant refusedAt;
        private Instant receivedAt;
        private Instant clockStartsAt;
        private int processingHours;
        private Instant dueAt;
        private String assignedStaffId;
        private int supplementRequests;
        private Instant pausedSince;
        private int extensions;
        private int transfers;
        private long amountRequested;
        private long amountPaid;
        private Instant withdrawalRequestedAt;
        private Instant resolvedAt;
        private Outcome outcome;
        private Timeliness timeliness;
        private Double processingDays;
        private Instant returnedAt;
        private Instant stoppedAt;
        private long lastPosition;

        Builder(String dossierId) {
            this.dossierId = dossierId;
        }

        private Builder(DossierView v) {
            this(v.dossierId);
            status = v.status;
            procedureCode = v.procedureCode;
            field = v.field;
            unitCode = v.unitCode;
            channel = v.channel;
            applicant = v.applicant;
            submittedAt = v.submittedAt;
            refusedAt = v.refusedAt;
            receivedAt = v.receivedAt;
            clockStartsAt = v.clockStartsAt;
            processingHours = v.processingHours;
            dueAt = v.dueAt;
            assignedStaffId = v.assignedStaffId;
            supplementRequests = v.supplementRequests;
            pausedSince = v.pausedSince;
            extensions = v.extensions;
            transfers = v.transfers;
            amountRequested = v.amountRequested;
            amountPaid = v.amountPaid;
            withdrawalRequestedAt = v.withdrawalRequestedAt;
            resolvedAt = v.resolvedAt;
            outcome = v.outcome;
            timeliness = v.timeliness;
            processingDays = v.processingDays;
            returnedAt = v.returnedAt;
            stoppedAt = v.stoppedAt;
            lastPosition = v.lastPosition;
        }

        Builder dossierId(String value) {
            dossierId = value;
            return this;
        }

        Builder status(DossierStatus value) {
            status = value;
            return this;
        }

        Builder procedureCode(String value) {
            procedureCode = value;
            return this;
        }

        Builder field(String value) {
            field = value;
            return this;
        }

        Builder unitCode(String value) {
            unitCode = value;
            return this;
        }

        Builder channel(Channel value) {
            channel = value;
            return this;
        }

        Builder applicant(SealedApplicant value) {
            applicant = value;
            return this;
        }

        Builder submittedAt(Instant value) {
            submittedAt = value;
            return this;
        }

        Builder refusedAt(Instant value) {
            refusedAt = value;
            return this;
        }

        Builder receivedAt(Instant value) {
            receivedAt = value;
            return this;
        }

        Builder clockStartsAt(Instant value) {
            clockStartsAt = value;
            return this;
        }

        Builder processingHours(int value) {
            processingHours = value;
            return this;
        }

        Builder dueAt(Instant value) {
            dueAt = value;
            return this;
        }

        Builder assignedStaffId(String value) {
            assignedStaffId = value;
            return this;
        }

        Builder supplementRequests(int value) {
            supplementRequests = value;
            return this;
        }

        Builder pausedSince(Instant value) {
            pausedSince = value;
            return this;
        }

        Builder extensions(int value) {
            extensions = value;
            return this;
        }

        Builder transfers(int value) {
            transfers = value;
            return this;
        }

        Builder amountRequested(long value) {
            amountRequested = value;
            return this;
        }

        Builder amountPaid(long value) {
            amountPaid = value;
            return this;
        }

        Builder withdrawalRequestedAt(Instant value) {
            withdrawalRequestedAt = value;
            return this;
        }

        Builder resolvedAt(Instant value) {
            resolvedAt = value;
            return this;
        }

        Builder outcome(Outcome value) {
            outcome = value;
            return this;
        }

        Builder timeliness(Timeliness value) {
            timeliness = value;
            return this;
        }

        Builder processingDays(Double value) {
            processingDays = value;
            return this;
        }

        Builder returnedAt(Instant value) {
            returnedAt = value;
            return this;
        }

        Builder stoppedAt(Instant value) {
            stoppedAt = value;
            return this;
        }

        Builder lastPosition(long value) {
            lastPosition = value;
            return this;
        }

        DossierView build() {
            return new DossierView(dossierId, status, procedureCode, field, unitCode, channel, applicant, submittedAt,
                    refusedAt,
                    receivedAt, clockStartsAt, processingHours, dueAt, assignedStaffId, supplementRequests,
                    pausedSince, extensions, transfers, amountRequested, amountPaid, withdrawalRequestedAt,
                    resolvedAt, outcome, timeliness, processingDays, returnedAt, stoppedAt, lastPosition);
        }
    }
}
