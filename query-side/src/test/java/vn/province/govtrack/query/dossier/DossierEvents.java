package vn.province.govtrack.query.dossier;

import java.time.Instant;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Channel;
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
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.PaymentChannel;
import vn.province.govtrack.kernel.dossier.PaymentRecordedEvent;
import vn.province.govtrack.kernel.dossier.PaymentRequestedEvent;
import vn.province.govtrack.kernel.dossier.SupplementProvidedEvent;
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;
import vn.province.govtrack.kernel.dossier.Timeliness;

/** Dossier events as the command side records them, for a land-registration dossier at a ward desk. */
public final class DossierEvents {

    /** An applicant as the command side seals it; its key is in no key store, so it opens as unreadable. */
    public static final SealedApplicant SEALED_APPLICANT = new SealedApplicant("key-an", "c2VhbGVkIGFwcGxpY2FudA==");
    /** Received Tuesday 1 July 2025, 09:00 in Hanoi time; due three working days later at 09:00. */
    public static final Instant RECEIVED_AT = Instant.parse("2025-07-01T02:00:00Z");
    public static final Instant DUE_AT = Instant.parse("2025-07-04T02:00:00Z");
    /** Resolved Thursday 3 July, 16:30 Hanoi time: before the appointment day, so early. */
    public static final Instant RESOLVED_AT = Instant.parse("2025-07-03T09:30:00Z");

    private DossierEvents() {
    }

    public static DossierReceivedEvent received(String dossierId) {
        return new DossierReceivedEvent(dossierId, "1.004227", "LAND", "W-BA-DINH", Channel.IN_PERSON,
                SEALED_APPLICANT, RECEIVED_AT, 24, RECEIVED_AT, DUE_AT);
    }

    /** Registered on the portal Monday 30 June 2025, 21:00 Hanoi time. */
    public static final Instant SUBMITTED_AT = Instant.parse("2025-06-30T14:00:00Z");

    public static DossierSubmittedOnlineEvent submittedOnline(String dossierId) {
        return new DossierSubmittedOnlineEvent(dossierId, "1.004227", "LAND", "W-BA-DINH",
                SEALED_APPLICANT, SUBMITTED_AT);
    }

    public static DossierReceivedEvent receivedOnline(String dossierId) {
        return new DossierReceivedEvent(dossierId, "1.004227", "LAND", "W-BA-DINH", Channel.ONLINE,
                SEALED_APPLICANT, RECEIVED_AT, 24, RECEIVED_AT, DUE_AT);
    }

    public static DossierResolvedEvent resolvedEarly(String dossierId) {
        return new DossierResolvedEvent(dossierId, Outcome.APPROVED, "Certificate issued", RESOLVED_AT, DUE_AT,
                Timeliness.EARLY, 2.94);
    }

    /** Refused at the desk Tuesday 1 July, 08:30 Hanoi time: the online submission was incomplete. */
    public static final Instant REFUSED_AT = Instant.parse("2025-07-01T01:30:00Z");

    public static DossierRefusedEvent refused(String dossierId) {
        return new DossierRefusedEvent(dossierId, "Missing land-use certificate copy", REFUSED_AT);
    }

    /** Assigned Tuesday 1 July, 10:00 Hanoi time. */
    public static final Instant ASSIGNED_AT = Instant.parse("2025-07-01T03:00:00Z");

    public static DossierAssignedEvent assigned(String dossierId, String staffId) {
        return new DossierAssignedEvent(dossierId, staffId, ASSIGNED_AT);
    }

    /** Supplement requested Wednesday 2 July, 09:00 Hanoi time; the clock pauses. */
    public static final Instant SUPPLEMENT_REQUESTED_AT = Instant.parse("2025-07-02T02:00:00Z");
    /** Supplied Friday 4 July, 09:00: two working days paused, so the due date moves to Tuesday 8 July, 09:00. */
    public static final Instant SUPPLEMENT_PROVIDED_AT = Instant.parse("2025-07-04T02:00:00Z");
    public static final Instant DUE_AFTER_SUPPLEMENT = Instant.parse("2025-07-08T02:00:00Z");

    public static SupplementRequestedEvent supplementRequested(String dossierId, int requestNumber) {
        return new SupplementRequestedEvent(dossierId, "Cadastral map extract", SUPPLEMENT_REQUESTED_AT,
                requestNumber);
    }

    public static SupplementProvidedEvent supplementProvided(String dossierId) {
        return new SupplementProvidedEvent(dossierId, "Extract attached", SUPPLEMENT_PROVIDED_AT, 16.0,
                DUE_AFTER_SUPPLEMENT);
    }

    /** Fees requested Wednesday 2 July, 14:00 Hanoi time. */
    public static final Instant PAYMENT_REQUESTED_AT = Instant.parse("2025-07-02T07:00:00Z");
    public static final Instant PAID_AT = Instant.parse("2025-07-02T08:00:00Z");

    public static PaymentRequestedEvent paymentRequested(String dossierId, long amount) {
        return new PaymentRequestedEvent(dossierId, amount, "Registration fee", PAYMENT_REQUESTED_AT);
    }

    public static PaymentRecordedEvent paymentRecorded(String dossierId, long amount) {
        return new PaymentRecordedEvent(dossierId, amount, PAID_AT, PaymentChannel.AT_DESK);
    }

    /** Apology letter Thursday 3 July, 16:00 Hanoi time; new appointment Friday 11 July, 09:00. */
    public static final Instant EXTENDED_AT = Instant.parse("2025-07-03T09:00:00Z");
    public static final Instant EXTENDED_DUE_AT = Instant.parse("2025-07-11T02:00:00Z");

    public static DossierExtendedEvent extended(String dossierId) {
        return new DossierExtendedEvent(dossierId, DUE_AT, EXTENDED_DUE_AT, "We apologise for the delay",
                EXTENDED_AT);
    }

    /** Transferred Wednesday 2 July, 11:00 Hanoi time. */
    public static final Instant TRANSFERRED_AT = Instant.parse("2025-07-02T04:00:00Z");

    public static DossierTransferredEvent transferred(String dossierId, String toUnitCode) {
        return new DossierTransferredEvent(dossierId, "W-BA-DINH", toUnitCode, "Land parcel lies in that ward",
                TRANSFERRED_AT);
    }

    public static final Instant WITHDRAWAL_REQUESTED_AT = Instant.parse("2025-07-02T03:00:00Z");

    public static DossierWithdrawalRequestedEvent withdrawalRequested(String dossierId) {
        return new DossierWithdrawalRequestedEvent(dossierId, "Applicant sold the parcel", WITHDRAWAL_REQUESTED_AT);
    }

    /** Stopped Wednesday 2 July, 15:00 Hanoi time, before the appointment day: early. */
    public static final Instant STOPPED_AT = Instant.parse("2025-07-02T08:00:00Z");

    public static DossierStoppedEvent stopped(String dossierId) {
        return new DossierStoppedEvent(dossierId, "Withdrawal granted", STOPPED_AT, DUE_AT, Timeliness.EARLY, 1.75);
    }

    /** Result handed back Friday 4 July, 10:00 Hanoi time. */
    public static final Instant RETURNED_AT = Instant.parse("2025-07-04T03:00:00Z");

    public static DossierReturnedEvent returned(String dossierId) {
        return new DossierReturnedEvent(dossierId, RETURNED_AT);
    }
}
