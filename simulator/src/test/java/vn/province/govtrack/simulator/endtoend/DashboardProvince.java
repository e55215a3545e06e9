package vn.province.govtrack.simulator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Official;

/**
 * The small province the dashboard's browser test reads, seeded through the command API by the officials
 * whose job each command is. July 2025 (Tuesday the 1st), office hours 08:00-12:00 and 13:00-17:00:
 * <pre>
 * XA-A  D01 KHAI-SINH in person Tue 1 09:30, resolved Tue 1 16:00              EARLY
 *       D02 KHAI-SINH online    Tue 1 20:00, received Wed 2 08:00, resolved 16:30 ON_TIME
 *       D03 KHAI-SINH in person Mon 7 08:30, resolved Wed 9 16:00              LATE
 *       D04 GIAO-DAT  in person Mon 21 08:00, due Fri 25 17:00, open           overdue ({@link #OPEN_OVERDUE})
 * XA-B  D05 KHAI-SINH in person Tue 8 10:00, resolved 15:00                    EARLY
 *       D06 KHAI-SINH in person Thu 10 09:00, resolved Fri 11 08:30            ON_TIME
 *       D07 KHAI-SINH in person Mon 14 08:00, open                             overdue
 * PH-C  D08 GIAO-DAT  in person Thu 10 08:00, due Wed 16 17:00, resolved Thu 17 LATE
 *       D09 KHAI-SINH in person Mon 28 08:00, extended to 12 hours from now    due soon
 *       D10 KHAI-SINH in person Wed 30 08:00, open                             overdue
 * </pre>
 * The national index's inputs, none of which moves a verdict above: KHAI-SINH published on 15 June, before
 * its legal basis took effect (20 June), fully online, disclosing all twelve elements; GIAO-DAT published
 * late (25 June for 1 June), not online, disclosing three, then announced on 10 July as offered partly
 * online from 5 July (late). D01 paid online and D05 at the desk; D01, D03, D05 and D08 digitised (D03
 * only in part; D01, D05 and D08 with population data, D01 and D08 reusing parts); D01 and D06 with an
 * electronic result; D01 returned and rated 5, D05 returned and rated 2. Feedback: a suggestion about XA-A
 * on 1 July answered on time (10 July), a complaint about XA-B on 3 July answered late (21 July, due 17
 * July) and one about PH-C on 14 July still open (due 28 July).
 *
 * <p>Staffing (today): XA-A has 1 of 3 civil-status positions filled (shortage 2), XA-B 3 of 1 (surplus 2),
 * PH-C 2 of 2 in land administration (balanced); so one proposal, from XA-B to XA-A. Every applicant and
 * every member of staff has a name of their own, for the test that looks for personal data in the page.
 */
final class DashboardProvince {

    static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String MONTH = "2025-07";
    static final String JULY = "from=2025-07-01&to=2025-07-31";
    static final List<String> UNITS = List.of("XA-A", "XA-B", "PH-C");
    /** An overdue dossier at XA-A that the live test resolves. */
    static final String OPEN_OVERDUE = "D04";

    private final EndToEndClient client;
    private long lastPosition;
    private final Map<String, String> unitOf = new LinkedHashMap<>();
    private final List<String> personalData = new ArrayList<>();

    private DashboardProvince(EndToEndClient client) {
        this.client = client;
    }

    /** Seeds the province and answers it, with the position of its last event. */
    static DashboardProvince seed(EndToEndClient client) {
        DashboardProvince province = new DashboardProvince(client);
        province.referenceData();
        province.staff();
        province.dossiers();
        province.feedback();
        return province;
    }

    /** The global position of the last event seeded (or appended by {@link #resolve}). */
    long lastPosition() {
        return lastPosition;
    }

    /** The unit each dossier is at, by id, in the order seeded. */
    Map<String, String> unitOf() {
        return unitOf;
    }

    /** Applicants' names, ID numbers and phones, and staff names: none may reach a CLIENT's page. */
    List<String> personalData() {
        return personalData;
    }

    /** Resolves {@code dossierId} at {@code localTime} (a time of July 2025 in the province) by its unit's head. */
    JsonNode resolve(String dossierId, String localTime) {
        return step(dossierId, "resolution", "resolvedAt", localTime, "\"outcome\": \"APPROVED\", \"note\": \"issued\"");
    }

    private void referenceData() {
        for (String[] unit : new String[][] {{"XA-A", "Xã Đông Sơn", "COMMUNE"}, {"XA-B", "Xã Hoằng Hóa", "COMMUNE"},
                                             {"PH-C", "Phường Hạc Thành", "WARD"}}) {
            command(Official.ADMIN, "/api/v1/units", """
                    {"code": "%s", "name": "%s", "kind": "%s"}""".formatted((Object[]) unit));
        }
        Answer holidays = client.put(Official.ADMIN, "/api/v1/calendar/holidays/2025", """
                ["2025-01-01", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02"]""");
        assertThat(holidays.ok()).as("holidays: %s", holidays.body()).isTrue();
        procedure("KHAI-SINH", "Đăng ký khai sinh", "JUSTICE_CIVIL_STATUS", 8, """
                "onlineLevel": "FULL", "publishedOn": "2025-06-15", "effectiveFrom": "2025-06-20",
                "content": ["NAME", "STEPS", "METHOD", "DOSSIER_COMPOSITION", "PROCESSING_TIME", "APPLICANTS", "AGENCY",
                            "RESULT", "FEES", "FORMS", "REQUIREMENTS", "LEGAL_BASIS"]""");
        procedure("GIAO-DAT", "Giao đất", "LAND_ADMINISTRATION", 40, """
                "onlineLevel": "NONE", "publishedOn": "2025-06-25", "effectiveFrom": "2025-06-01",
                "content": ["NAME", "STEPS", "FEES"]""");
        command(Official.ADMIN, "/api/v1/procedures/GIAO-DAT/updates", """
                {"onlineLevel": "PARTIAL", "updatedOn": "2025-07-10", "effectiveFrom": "2025-07-05",
                 "reason": "Decision 1520/QĐ-UBND: applications taken online from 5 July"}""");
    }

    private void staff() {
        quota("XA-A", "JUSTICE_CIVIL_STATUS", 3);
        quota("XA-B", "JUSTICE_CIVIL_STATUS", 1);
        quota("PH-C", "LAND_ADMINISTRATION", 2);
        recruit("CB-01", "Trần Thị Bình", "XA-A", "JUSTICE_CIVIL_STATUS");
        recruit("CB-02", "Lê Văn Cường", "XA-B", "JUSTICE_CIVIL_STATUS");
        recruit("CB-03", "Phạm Thị Dung", "XA-B", "JUSTICE_CIVIL_STATUS");
        recruit("CB-04", "Hoàng Văn Em", "XA-B", "JUSTICE_CIVIL_STATUS");
        recruit("CB-05", "Vũ Thị Giang", "PH-C", "LAND_ADMINISTRATION");
        recruit("CB-06", "Đặng Văn Hải", "PH-C", "LAND_ADMINISTRATION");
    }

    private void dossiers() {
        submit("D01", "KHAI-SINH", "XA-A", "IN_PERSON", "2025-07-01T09:30", "Nguyễn Văn An");
        digitise("D01", "2025-07-01T09:40", 3, 3, 1, true);
        step("D01", "payment-requests", "requestedAt", "2025-07-01T10:00", "\"amount\": 50000, \"reason\": \"fee\"");
        step("D01", "payments", "paidAt", "2025-07-01T10:30", "\"amount\": 50000, \"channel\": \"ONLINE\"");
        resolve("D01", "2025-07-01T16:00");
        step("D01", "electronic-result", "issuedAt", "2025-07-01T16:10", null);
        step("D01", "return", "returnedAt", "2025-07-02T09:00", null);
        step("D01", "rating", "ratedAt", "2025-07-02T09:05", "\"score\": 5");
        submit("D02", "KHAI-SINH", "XA-A", "ONLINE", "2025-07-01T20:00", "Bùi Thị Khánh");
        step("D02", "receipt", "receivedAt", "2025-07-02T08:00", null);
        resolve("D02", "2025-07-02T16:30");
        submit("D03", "KHAI-SINH", "XA-A", "IN_PERSON", "2025-07-07T08:30", "Đỗ Văn Long");
        digitise("D03", "2025-07-07T09:00", 2, 1, 0, false);
        resolve("D03", "2025-07-09T16:00");
        submit("D04", "GIAO-DAT", "XA-A", "IN_PERSON", "2025-07-21T08:00", "Ngô Thị Mai");

        submit("D05", "KHAI-SINH", "XA-B", "IN_PERSON", "2025-07-08T10:00", "Dương Văn Nam");
        digitise("D05", "2025-07-08T10:10", 2, 2, 0, true);
        step("D05", "payment-requests", "requestedAt", "2025-07-08T11:00", "\"amount\": 30000, \"reason\": \"fee\"");
        step("D05", "payments", "paidAt", "2025-07-08T11:30", "\"amount\": 30000, \"channel\": \"AT_DESK\"");
        resolve("D05", "2025-07-08T15:00");
        step("D05", "return", "returnedAt", "2025-07-09T08:00", null);
        step("D05", "rating", "ratedAt", "2025-07-09T08:05", "\"score\": 2");
        submit("D06", "KHAI-SINH", "XA-B", "IN_PERSON", "2025-07-10T09:00", "Lý Thị Oanh");
        resolve("D06", "2025-07-11T08:30");
        step("D06", "electronic-result", "issuedAt", "2025-07-11T09:00", null);
        submit("D07", "KHAI-SINH", "XA-B", "IN_PERSON", "2025-07-14T08:00", "Mai Văn Phúc");

        submit("D08", "GIAO-DAT", "PH-C", "IN_PERSON", "2025-07-10T08:00", "Tô Thị Quỳnh");
        digitise("D08", "2025-07-10T08:30", 4, 4, 2, true);
        resolve("D08", "2025-07-17T10:00");
        submit("D09", "KHAI-SINH", "PH-C", "IN_PERSON", "2025-07-28T08:00", "Hồ Văn Sơn");
        String inTwelveHours = OffsetDateTime.now(PROVINCE).plusHours(12).truncatedTo(ChronoUnit.SECONDS).toString();
        command(Official.headOf("PH-C"), "/api/v1/dossiers/D09/extensions", """
                {"newDueAt": "%s", "apology": "the applicant's papers are being verified"}""".formatted(inTwelveHours));
        submit("D10", "KHAI-SINH", "PH-C", "IN_PERSON", "2025-07-30T08:00", "Châu Thị Tâm");
    }

    /** A commune-level procedure; {@code index} the members of its online level, publication and content. */
    private void feedback() {
        receiveFeedback("GY-01", "SUGGESTION", "XA-A", "2025-07-01T10:00", "Kéo dài giờ tiếp nhận buổi chiều");
        command(Official.headOf("XA-A"), "/api/v1/feedback/GY-01/answer", """
                {"answer": "Đơn vị tiếp thu, tiếp nhận đến 17:00 từ tháng 8.", "answeredAt": "%s"}"""
                .formatted(offset("2025-07-10T15:00")));
        receiveFeedback("GY-02", "COMPLAINT", "XA-B", "2025-07-03T09:00", "Hẹn trả kết quả nhiều lần");
        command(Official.headOf("XA-B"), "/api/v1/feedback/GY-02/answer", """
                {"answer": "Đơn vị đã rà soát và xin lỗi.", "answeredAt": "%s"}""".formatted(offset("2025-07-21T10:00")));
        receiveFeedback("GY-03", "COMPLAINT", "PH-C", "2025-07-14T09:00", "Không được hướng dẫn bổ sung hồ sơ");
    }

    /** Feedback about {@code unitCode}, received by its unit's head. */
    private void receiveFeedback(String feedbackId, String kind, String unitCode, String localTime, String subject) {
        command(Official.headOf(unitCode), "/api/v1/feedback", """
                {"feedbackId": "%s", "kind": "%s", "unitCode": "%s", "subject": "%s", "receivedAt": "%s"}"""
                .formatted(feedbackId, kind, unitCode, subject, offset(localTime)));
    }

    private void procedure(String code, String name, String field, int hours, String index) {
        command(Official.ADMIN, "/api/v1/procedures", """
                {"code": "%s", "name": "%s", "field": "%s", "level": "COMMUNE", "processingHours": %d,
                 "cutoff": "15:00", %s}""".formatted(code, name, field, hours, index));
    }

    /** The dossier's parts held electronically, at {@code localTime}, by its unit's head. */
    private void digitise(String dossierId, String localTime, int parts, int digitised, int reused, boolean population) {
        step(dossierId, "digitisation", "digitisedAt", localTime, """
                "parts": %d, "digitisedParts": %d, "reusedParts": %d, "populationDataUsed": %b"""
                .formatted(parts, digitised, reused, population));
    }

    private void quota(String unitCode, String field, int positions) {
        Answer set = client.put(Official.HOME_AFFAIRS, "/api/v1/units/" + unitCode + "/quotas/" + field, """
                {"positions": %d, "effectiveDate": "2025-07-01", "decisionNo": "QD-BC-%s"}""".formatted(positions, unitCode));
        assertThat(set.ok()).as("quota %s/%s: %s", unitCode, field, set.body()).isTrue();
        lastPosition = Math.max(lastPosition, set.position());
    }

    private void recruit(String staffId, String fullName, String unitCode, String field) {
        personalData.add(fullName);
        command(Official.HOME_AFFAIRS, "/api/v1/staff", """
                {"staffId": "%s", "fullName": "%s", "unitCode": "%s", "field": "%s", "position": "officer",
                 "decisionNo": "QD-TD-%s", "effectiveDate": "2025-07-01"}""".formatted(staffId, fullName, unitCode, field,
                                                                                      staffId));
    }

    private void submit(String dossierId, String procedure, String unit, String channel, String localTime,
                        String applicant) {
        int n = unitOf.size() + 1;
        String idNumber = "0382%08d".formatted(1_000 + n);
        String phone = "09123450%02d".formatted(n);
        personalData.addAll(List.of(applicant, idNumber, phone));
        unitOf.put(dossierId, unit);
        command(Official.headOf(unit), "/api/v1/dossiers", """
                {"dossierId": "%s", "procedureCode": "%s", "unitCode": "%s", "channel": "%s",
                 "applicant": {"idNumber": "%s", "fullName": "%s", "phone": "%s"}, "submittedAt": "%s"}"""
                .formatted(dossierId, procedure, unit, channel, idNumber, applicant, phone, offset(localTime)));
    }

    /** POST /dossiers/{id}/{step} with the dated time and the other fields given as JSON members. */
    private JsonNode step(String dossierId, String step, String timeField, String localTime, String fields) {
        return command(Official.headOf(unitOf.get(dossierId)), "/api/v1/dossiers/" + dossierId + "/" + step,
                       "{" + (fields == null ? "" : fields + ", ") + "\"" + timeField + "\": \"" + offset(localTime) + "\"}");
    }

    /** An accepted command's answer; remembers the position it reached. */
    private JsonNode command(Official official, String path, String json) {
        Answer reply = client.post(official, path, json);
        assertThat(reply.ok()).as(path + " " + json + " answered " + reply.status() + " " + reply.body()).isTrue();
        lastPosition = Math.max(lastPosition, reply.position());
        return reply.body();
    }

    private static String offset(String localTime) {
        return LocalDateTime.parse(localTime).atZone(PROVINCE).toOffsetDateTime().toString();
    }
}
