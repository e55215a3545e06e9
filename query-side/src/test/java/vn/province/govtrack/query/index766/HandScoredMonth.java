package vn.province.govtrack.query.index766;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierDigitisedEvent;
import vn.province.govtrack.kernel.dossier.DossierEvent;
import vn.province.govtrack.kernel.dossier.DossierRatedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierReturnedEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.ElectronicResultIssuedEvent;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.PaymentChannel;
import vn.province.govtrack.kernel.dossier.PaymentRecordedEvent;
import vn.province.govtrack.kernel.dossier.PaymentRequestedEvent;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.kernel.feedback.FeedbackAnsweredEvent;
import vn.province.govtrack.kernel.feedback.FeedbackKind;
import vn.province.govtrack.kernel.feedback.FeedbackReceivedEvent;
import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.procedure.ProcedureContent;
import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;
import vn.province.govtrack.kernel.procedure.ProcedureUpdatedEvent;
import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;

/**
 * A small province whose September 2025 national index is worked out by hand (times local, Hanoi).
 *
 * <pre>
 * Units: W1 (WARD), D1 (DEPARTMENT), W2 (WARD, nothing in September), X (COMMUNE, dissolved 15/08/2025).
 * Procedures:
 *   P1 COMMUNE  published 01/06 in force 01/06 (on time), FULL, all twelve elements
 *   P2 COMMUNE  published 10/07 in force 01/07 (late), NONE, three elements;
 *               update U1 announced 05/09 in force 10/09 (on time): PARTIAL, all twelve
 *   P3 PROVINCE published 01/05 in force 15/05 (on time), PARTIAL, three elements;
 *               update U2 announced 20/08 in force 01/08 (late): NONE, three elements
 *   P4 COMMUNE  published 02/10: not in September's scope
 * Dossiers (received at W1):
 *   A  P1 online    recv 02/09, digitised 3/3 reused 1 population, paid online 03/09, resolved 04/09 EARLY,
 *                   electronic result, returned, rated 5
 *   B  P2 in person recv 08/09 (P2 not online then: U1 in force 10/09), digitised 2/3 then 3/3 with
 *                   population data, paid at the desk, resolved 20/09 LATE, returned, rated 3
 *   C  P1 in person recv 15/09 (P1 online: eligible), transferred to D1 16/09, resolved there 25/09 ON_TIME,
 *                   electronic result issued 02/10 (counts for September's resolution)
 *   D  P2 online    recv 29/09, open
 *   E  P1 in person recv 28/08, resolved 03/09 ON_TIME at W1
 * Feedback:
 *   F1 W1 COMPLAINT  recv 01/09 due 15/09, answered 10/09 on time
 *   F2 W1 SUGGESTION recv 05/09 due 19/09, answered 22/09 late
 *   F3 W1 COMPLAINT  recv 12/09 due 26/09, never answered (past due)
 *   F4 D1 SUGGESTION recv 20/09 due 03/10: due in October
 * </pre>
 */
final class HandScoredMonth {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String PERIOD = "2025-09";
    static final String W1 = "IX-W1";
    static final String D1 = "IX-D1";
    static final String W2 = "IX-W2";
    static final String X = "IX-X";

    /** An event and the stream it belongs to. */
    record Recorded(String aggregateType, String streamId, Object event) {
    }

    private static final Set<ProcedureContent> ALL = EnumSet.allOf(ProcedureContent.class);
    private static final Set<ProcedureContent> THREE = EnumSet.of(ProcedureContent.NAME, ProcedureContent.STEPS,
            ProcedureContent.FEES);
    private static final SealedApplicant APPLICANT = new SealedApplicant("key-ix", "aw==");

    private HandScoredMonth() {
    }

    static List<Recorded> events() {
        List<Recorded> events = new ArrayList<>();
        unit(events, new UnitRegisteredEvent(W1, "Phường Một", UnitKind.WARD));
        unit(events, new UnitRegisteredEvent(D1, "Sở Một", UnitKind.DEPARTMENT));
        unit(events, new UnitRegisteredEvent(W2, "Phường Hai", UnitKind.WARD));
        unit(events, new UnitRegisteredEvent(X, "Xã Cũ", UnitKind.COMMUNE));
        unit(events, new UnitDissolvedEvent(X, LocalDate.of(2025, 8, 15), "QĐ-01"));
        procedure(events, published("IX-P1", "COMMUNE", OnlineLevel.FULL, "2025-06-01", "2025-06-01", ALL));
        procedure(events, published("IX-P2", "COMMUNE", OnlineLevel.NONE, "2025-07-10", "2025-07-01", THREE));
        procedure(events, published("IX-P3", "PROVINCE", OnlineLevel.PARTIAL, "2025-05-01", "2025-05-15", THREE));
        procedure(events, new ProcedureUpdatedEvent("IX-P3", OnlineLevel.NONE, THREE, LocalDate.of(2025, 8, 20),
                LocalDate.of(2025, 8, 1), "online service suspended"));
        procedure(events, new ProcedureUpdatedEvent("IX-P2", OnlineLevel.PARTIAL, ALL, LocalDate.of(2025, 9, 5),
                LocalDate.of(2025, 9, 10), "offered online, full content"));
        procedure(events, published("IX-P4", "COMMUNE", OnlineLevel.FULL, "2025-10-02", "2025-10-02", ALL));

        dossier(events, received("IX-E", "IX-P1", Channel.IN_PERSON, "2025-08-28T09:00"));
        dossier(events, resolved("IX-E", "2025-09-03T10:00", Timeliness.ON_TIME));

        dossier(events, feedback("IX-F1", FeedbackKind.COMPLAINT, W1, "2025-09-01T09:00", "2025-09-15T09:00"));
        dossier(events, received("IX-A", "IX-P1", Channel.ONLINE, "2025-09-02T09:00"));
        dossier(events, new DossierDigitisedEvent("IX-A", 3, 3, 1, true, at("2025-09-02T10:00")));
        dossier(events, new PaymentRequestedEvent("IX-A", 50_000, "fee", at("2025-09-02T11:00")));
        dossier(events, new PaymentRecordedEvent("IX-A", 50_000, at("2025-09-03T09:00"), PaymentChannel.ONLINE));
        dossier(events, resolved("IX-A", "2025-09-04T10:00", Timeliness.EARLY));
        dossier(events, new ElectronicResultIssuedEvent("IX-A", at("2025-09-04T11:00")));
        dossier(events, new DossierReturnedEvent("IX-A", at("2025-09-05T09:00")));
        dossier(events, new DossierRatedEvent("IX-A", 5, at("2025-09-05T09:10")));

        dossier(events, feedback("IX-F2", FeedbackKind.SUGGESTION, W1, "2025-09-05T09:00", "2025-09-19T09:00"));
        dossier(events, received("IX-B", "IX-P2", Channel.IN_PERSON, "2025-09-08T09:00"));
        dossier(events, new DossierDigitisedEvent("IX-B", 3, 2, 0, false, at("2025-09-08T10:00")));
        dossier(events, new FeedbackAnsweredEvent("IX-F1", W1, "fixed", at("2025-09-10T09:00"),
                at("2025-09-15T09:00"), true));
        dossier(events, new DossierDigitisedEvent("IX-B", 3, 3, 0, true, at("2025-09-11T10:00")));
        dossier(events, feedback("IX-F3", FeedbackKind.COMPLAINT, W1, "2025-09-12T09:00", "2025-09-26T09:00"));
        dossier(events, new PaymentRequestedEvent("IX-B", 20_000, "fee", at("2025-09-12T11:00")));
        dossier(events, new PaymentRecordedEvent("IX-B", 20_000, at("2025-09-12T15:00"), PaymentChannel.AT_DESK));
        dossier(events, received("IX-C", "IX-P1", Channel.IN_PERSON, "2025-09-15T09:00"));
        dossier(events, new DossierTransferredEvent("IX-C", W1, D1, "competent unit", at("2025-09-16T09:00")));
        dossier(events, resolved("IX-B", "2025-09-20T10:00", Timeliness.LATE));
        dossier(events, feedback("IX-F4", FeedbackKind.SUGGESTION, D1, "2025-09-20T09:00", "2025-10-03T09:00"));
        dossier(events, new DossierReturnedEvent("IX-B", at("2025-09-21T09:00")));
        dossier(events, new DossierRatedEvent("IX-B", 3, at("2025-09-21T09:10")));
        dossier(events, new FeedbackAnsweredEvent("IX-F2", W1, "considered", at("2025-09-22T09:00"),
                at("2025-09-19T09:00"), false));
        dossier(events, resolved("IX-C", "2025-09-25T10:00", Timeliness.ON_TIME));
        dossier(events, received("IX-D", "IX-P2", Channel.ONLINE, "2025-09-29T09:00"));
        dossier(events, new ElectronicResultIssuedEvent("IX-C", at("2025-10-02T09:00")));
        return events;
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    static DossierReceivedEvent received(String dossierId, String procedure, Channel channel, String receivedAt) {
        Instant at = at(receivedAt);
        return new DossierReceivedEvent(dossierId, procedure, "JUSTICE", W1, channel, APPLICANT, at, 40, at,
                at.plusSeconds(7 * 24 * 3600));
    }

    static DossierResolvedEvent resolved(String dossierId, String resolvedAt, Timeliness verdict) {
        return new DossierResolvedEvent(dossierId, Outcome.APPROVED, "decided", at(resolvedAt), at(resolvedAt),
                verdict, 2.0);
    }

    static FeedbackReceivedEvent feedback(String id, FeedbackKind kind, String unit, String receivedAt,
                                          String dueAt) {
        return new FeedbackReceivedEvent(id, kind, unit, null, "subject", at(receivedAt), at(dueAt));
    }

    static ProcedurePublishedEvent published(String code, String level, OnlineLevel online, String publishedOn,
                                             String effectiveFrom, Set<ProcedureContent> content) {
        return new ProcedurePublishedEvent(code, "Procedure " + code, "JUSTICE", level, 40, LocalTime.of(15, 0),
                online.online(), online, LocalDate.parse(publishedOn), LocalDate.parse(effectiveFrom), content);
    }

    private static void unit(List<Recorded> events, Object event) {
        String code = event instanceof UnitRegisteredEvent registered ? registered.code()
                : ((UnitDissolvedEvent) event).code();
        events.add(new Recorded("Unit", "unit:" + code, event));
    }

    private static void procedure(List<Recorded> events, Object event) {
        String code = event instanceof ProcedurePublishedEvent published ? published.code()
                : ((ProcedureUpdatedEvent) event).code();
        events.add(new Recorded("Procedure", "procedure:" + code, event));
    }

    /** A dossier's or a feedback's event, in its own stream. */
    static void dossier(List<Recorded> events, Object event) {
        if (event instanceof FeedbackReceivedEvent received) {
            events.add(new Recorded("Feedback", "feedback:" + received.feedbackId(), event));
        } else if (event instanceof FeedbackAnsweredEvent answered) {
            events.add(new Recorded("Feedback", "feedback:" + answered.feedbackId(), event));
        } else {
            events.add(new Recorded("Dossier", ((DossierEvent) event).dossierId(),
                    event));
        }
    }
}
