package vn.province.govtrack.query.dossier;

import java.time.Instant;

import vn.province.govtrack.kernel.dossier.Applicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.Timeliness;

/** Dossier events as the command side records them, for a land-registration dossier at a ward desk. */
public final class DossierEvents {

    /** Received Tuesday 1 July 2025, 09:00 in Hanoi time; due three working days later at 09:00. */
    public static final Instant RECEIVED_AT = Instant.parse("2025-07-01T02:00:00Z");
    public static final Instant DUE_AT = Instant.parse("2025-07-04T02:00:00Z");
    /** Resolved Thursday 3 July, 16:30 Hanoi time: before the appointment day, so early. */
    public static final Instant RESOLVED_AT = Instant.parse("2025-07-03T09:30:00Z");

    private DossierEvents() {
    }

    public static DossierReceivedEvent received(String dossierId) {
        return new DossierReceivedEvent(dossierId, "1.004227", "LAND", "W-BA-DINH", Channel.IN_PERSON,
                new Applicant("001099012345", "Nguyễn Văn An", "0912345678"), RECEIVED_AT, 24, RECEIVED_AT, DUE_AT);
    }

    /** Registered on the portal Monday 30 June 2025, 21:00 Hanoi time. */
    public static final Instant SUBMITTED_AT = Instant.parse("2025-06-30T14:00:00Z");

    public static DossierSubmittedOnlineEvent submittedOnline(String dossierId) {
        return new DossierSubmittedOnlineEvent(dossierId, "1.004227", "LAND", "W-BA-DINH",
                new Applicant("001099012345", "Nguyễn Văn An", "0912345678"), SUBMITTED_AT);
    }

    public static DossierReceivedEvent receivedOnline(String dossierId) {
        return new DossierReceivedEvent(dossierId, "1.004227", "LAND", "W-BA-DINH", Channel.ONLINE,
                new Applicant("001099012345", "Nguyễn Văn An", "0912345678"), RECEIVED_AT, 24, RECEIVED_AT, DUE_AT);
    }

    public static DossierResolvedEvent resolvedEarly(String dossierId) {
        return new DossierResolvedEvent(dossierId, Outcome.APPROVED, "Certificate issued", RESOLVED_AT, DUE_AT,
                Timeliness.EARLY, 2.94);
    }
}
