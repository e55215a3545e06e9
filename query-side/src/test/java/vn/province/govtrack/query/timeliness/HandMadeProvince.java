package vn.province.govtrack.query.timeliness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/**
 * A small province whose July 2025 figures are worked out by hand: three wards and communes with
 * eighteen dossiers around the reporting period 1–16 July 2025 (Hanoi time). The verdicts are
 * given as the command side would have recorded them. Times below are local.
 *
 * <pre>
 * HS-01 Ba Đình   LAND     recv 01/07 09:00 due 04/07 09:00, resolved 03/07 16:30 EARLY 2.94
 * HS-02 Ba Đình   LAND     recv 02/07 08:00 due 07/07 08:00, assigned, resolved 07/07 07:30 ON_TIME 3.0
 * HS-03 Ba Đình   JUSTICE  recv 02/07 10:00 due 04/07 10:00, two supplements (03/07–07/07, 08/07–09/07),
 *                          due 10/07 10:00, resolved 11/07 09:00 LATE 5.5 (more than one supplement)
 * HS-04 Ba Đình → Hoàn Kiếm on 04/07 10:00, LAND, recv 03/07 09:00 due 08/07 09:00,
 *                          resolved 08/07 08:00 ON_TIME 3.0
 * HS-05 Hoàn Kiếm LAND     recv 10/07 09:00 due 15/07 09:00, extended 18/07 10:00 to 25/07 09:00 (late), open
 * HS-06 Hoàn Kiếm JUSTICE  recv 14/07 09:00 due 18/07 09:00, open
 * HS-07 Sóc Sơn   LAND     recv 08/07 09:00 due 11/07 09:00, supplement requested 10/07 09:00, never supplied
 * HS-08 Sóc Sơn   JUSTICE  recv 25/06 09:00 due 30/06 09:00, extended 30/06 08:00 to 09/07 17:00, open
 * HS-09 Sóc Sơn   LAND     recv 20/06 09:00 due 25/06 09:00, resolved 24/06 10:00 EARLY 3.0
 * HS-10 Sóc Sơn   JUSTICE  recv 15/07 09:00 due 16/07 17:00, withdrawal asked, stopped 16/07 10:00 ON_TIME 1.0
 * HS-11 Hoàn Kiếm → Sóc Sơn on 04/07 15:00, LAND, recv 01/07 09:00 due 04/07 09:00, open
 * HS-12 Ba Đình   JUSTICE  recv 16/07 20:00 due 22/07 07:00, open
 * HS-13 Ba Đình   LAND     recv 17/07 08:00 due 23/07 08:00, open (after the period)
 * HS-14 Ba Đình   LAND     submitted online 05/07 21:00, refused 07/07 08:30
 * HS-15 Ba Đình   LAND     recv 09/07 09:00 due 14/07 09:00, resolved 16/07 10:00 LATE 5.1, returned 17/07 09:00
 * HS-16 Ba Đình   LAND (procedure 1.000123) recv 10/07 09:00 due 15/07 09:00, fee requested and paid,
 *                          extended 14/07 16:00 to 21/07 09:00, resolved 18/07 10:00 ON_TIME 6.0
 * HS-17 Hoàn Kiếm LAND     recv 11/07 09:00 due 16/07 09:00, assigned, supplement 15/07 09:00 – 18/07 09:00,
 *                          due 21/07 15:00, open
 * HS-18 Minh Phú  JUSTICE  recv 16/07 10:00 due 21/07 09:00, open
 * </pre>
 */
public final class HandMadeProvince {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public static final String BA_DINH = "W-BA-DINH";
    public static final String HOAN_KIEM = "W-HOAN-KIEM";
    public static final String SOC_SON = "C-SOC-SON";
    public static final String MINH_PHU = "C-MINH-PHU";

    public static final String LAND = "LAND";
    public static final String JUSTICE = "JUSTICE";
    /** Land-use right registration; {@link #LAND_CHANGE} is a second land procedure; {@link #BIRTH} is civil status. */
    public static final String LAND_REGISTRATION = "1.004227";
    public static final String LAND_CHANGE = "1.000123";
    public static final String BIRTH = "2.000001";

    public static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);
    public static final LocalDate JULY_16 = LocalDate.of(2025, 7, 16);

    private HandMadeProvince() {
    }

    /** Each dossier's events in stream order, dossiers in id order. */
    public static Map<String, List<Object>> streams() {
        Map<String, List<Object>> streams = new LinkedHashMap<>();
        streams.put("HS-01", List.of(
                received("HS-01", BA_DINH, LAND_REGISTRATION, LAND, "2025-07-01T09:00", "2025-07-04T09:00"),
                resolved("HS-01", "2025-07-03T16:30", "2025-07-04T09:00", Timeliness.EARLY, 2.94)));
        streams.put("HS-02", List.of(
                received("HS-02", BA_DINH, LAND_REGISTRATION, LAND, "2025-07-02T08:00", "2025-07-07T08:00"),
                new DossierAssignedEvent("HS-02", "CB-01", at("2025-07-02T09:00")),
                resolved("HS-02", "2025-07-07T07:30", "2025-07-07T08:00", Timeliness.ON_TIME, 3.0)));
        streams.put("HS-03", List.of(
                received("HS-03", BA_DINH, BIRTH, JUSTICE, "2025-07-02T10:00", "2025-07-04T10:00"),
                supplementRequested("HS-03", "2025-07-03T09:00", 1),
                supplementProvided("HS-03", "2025-07-07T09:00", "2025-07-08T10:00"),
                supplementRequested("HS-03", "2025-07-08T09:00", 2),
                supplementProvided("HS-03", "2025-07-09T09:00", "2025-07-10T10:00"),
                resolved("HS-03", "2025-07-11T09:00", "2025-07-10T10:00", Timeliness.LATE, 5.5)));
        streams.put("HS-04", List.of(
                received("HS-04", BA_DINH, LAND_REGISTRATION, LAND, "2025-07-03T09:00", "2025-07-08T09:00"),
                transferred("HS-04", BA_DINH, HOAN_KIEM, "2025-07-04T10:00"),
                resolved("HS-04", "2025-07-08T08:00", "2025-07-08T09:00", Timeliness.ON_TIME, 3.0)));
        streams.put("HS-05", List.of(
                received("HS-05", HOAN_KIEM, LAND_REGISTRATION, LAND, "2025-07-10T09:00", "2025-07-15T09:00"),
                new DossierExtendedEvent("HS-05", at("2025-07-15T09:00"), at("2025-07-25T09:00"),
                        "We apologise: the land registry's system was down", at("2025-07-18T10:00"))));
        streams.put("HS-06", List.of(
                received("HS-06", HOAN_KIEM, BIRTH, JUSTICE, "2025-07-14T09:00", "2025-07-18T09:00")));
        streams.put("HS-07", List.of(
                received("HS-07", SOC_SON, LAND_REGISTRATION, LAND, "2025-07-08T09:00", "2025-07-11T09:00"),
                supplementRequested("HS-07", "2025-07-10T09:00", 1)));
        streams.put("HS-08", List.of(
                received("HS-08", SOC_SON, BIRTH, JUSTICE, "2025-06-25T09:00", "2025-06-30T09:00"),
                new DossierExtendedEvent("HS-08", at("2025-06-30T09:00"), at("2025-07-09T17:00"),
                        "We apologise: the civil-status register is being digitised", at("2025-06-30T08:00"))));
        streams.put("HS-09", List.of(
                received("HS-09", SOC_SON, LAND_REGISTRATION, LAND, "2025-06-20T09:00", "2025-06-25T09:00"),
                resolved("HS-09", "2025-06-24T10:00", "2025-06-25T09:00", Timeliness.EARLY, 3.0)));
        streams.put("HS-10", List.of(
                received("HS-10", SOC_SON, BIRTH, JUSTICE, "2025-07-15T09:00", "2025-07-16T17:00"),
                new DossierWithdrawalRequestedEvent("HS-10", "Registered elsewhere", at("2025-07-16T08:00")),
                new DossierStoppedEvent("HS-10", "Withdrawal granted", at("2025-07-16T10:00"), at("2025-07-16T17:00"),
                        Timeliness.ON_TIME, 1.0)));
        streams.put("HS-11", List.of(
                received("HS-11", HOAN_KIEM, LAND_REGISTRATION, LAND, "2025-07-01T09:00", "2025-07-04T09:00"),
                transferred("HS-11", HOAN_KIEM, SOC_SON, "2025-07-04T15:00")));
        streams.put("HS-12", List.of(
                received("HS-12", BA_DINH, BIRTH, JUSTICE, "2025-07-16T20:00", "2025-07-22T07:00")));
        streams.put("HS-13", List.of(
                received("HS-13", BA_DINH, LAND_REGISTRATION, LAND, "2025-07-17T08:00", "2025-07-23T08:00")));
        streams.put("HS-14", List.of(
                new DossierSubmittedOnlineEvent("HS-14", LAND_REGISTRATION, LAND, BA_DINH, APPLICANT,
                        at("2025-07-05T21:00")),
                new DossierRefusedEvent("HS-14", "Incomplete", at("2025-07-07T08:30"))));
        streams.put("HS-15", List.of(
                received("HS-15", BA_DINH, LAND_REGISTRATION, LAND, "2025-07-09T09:00", "2025-07-14T09:00"),
                resolved("HS-15", "2025-07-16T10:00", "2025-07-14T09:00", Timeliness.LATE, 5.1),
                new DossierReturnedEvent("HS-15", at("2025-07-17T09:00"))));
        streams.put("HS-16", List.of(
                received("HS-16", BA_DINH, LAND_CHANGE, LAND, "2025-07-10T09:00", "2025-07-15T09:00"),
                new PaymentRequestedEvent("HS-16", 100_000, "Registration fee", at("2025-07-11T10:00")),
                new PaymentRecordedEvent("HS-16", 100_000, at("2025-07-11T15:00"), PaymentChannel.AT_DESK),
                new DossierExtendedEvent("HS-16", at("2025-07-15T09:00"), at("2025-07-21T09:00"),
                        "We apologise: the parcel must be surveyed", at("2025-07-14T16:00")),
                resolved("HS-16", "2025-07-18T10:00", "2025-07-21T09:00", Timeliness.ON_TIME, 6.0)));
        streams.put("HS-17", List.of(
                received("HS-17", HOAN_KIEM, LAND_REGISTRATION, LAND, "2025-07-11T09:00", "2025-07-16T09:00"),
                new DossierAssignedEvent("HS-17", "CB-07", at("2025-07-11T10:00")),
                supplementRequested("HS-17", "2025-07-15T09:00", 1),
                supplementProvided("HS-17", "2025-07-18T09:00", "2025-07-21T15:00")));
        streams.put("HS-18", List.of(
                received("HS-18", MINH_PHU, BIRTH, JUSTICE, "2025-07-16T10:00", "2025-07-21T09:00")));
        return streams;
    }

    /** A local time in Hanoi, e.g. {@code 2025-07-01T09:00}. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    private static final SealedApplicant APPLICANT = new SealedApplicant("key-an", "c2VhbGVkIGFwcGxpY2FudA==");

    private static DossierReceivedEvent received(String id, String unit, String procedure, String field,
                                                 String receivedAt, String dueAt) {
        return new DossierReceivedEvent(id, procedure, field, unit, Channel.IN_PERSON, APPLICANT, at(receivedAt), 24,
                at(receivedAt), at(dueAt));
    }

    private static DossierResolvedEvent resolved(String id, String resolvedAt, String dueAt, Timeliness verdict,
                                                 double processingDays) {
        return new DossierResolvedEvent(id, Outcome.APPROVED, "Decided", at(resolvedAt), at(dueAt), verdict,
                processingDays);
    }

    private static SupplementRequestedEvent supplementRequested(String id, String requestedAt, int number) {
        return new SupplementRequestedEvent(id, "Missing document", at(requestedAt), number);
    }

    private static SupplementProvidedEvent supplementProvided(String id, String providedAt, String dueAt) {
        return new SupplementProvidedEvent(id, "Supplied", at(providedAt), 8.0, at(dueAt));
    }

    private static DossierTransferredEvent transferred(String id, String from, String to, String transferredAt) {
        return new DossierTransferredEvent(id, from, to, "Competent unit", at(transferredAt));
    }
}
