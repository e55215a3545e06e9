package vn.province.govtrack.simulator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.simulator.benchmark.Product;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Official;

/**
 * Both services, started from their packaged jars as separate processes on one MongoDB (TestMongo:
 * {@code MONGODB_URI}, or an in-memory wire-protocol server), walked through every path a dossier
 * can take, with dated times, and the reports checked against counts worked out by hand.
 *
 * <p>The province: communes XA-A and XA-B and ward PH-C; procedures KHAI-SINH (birth registration,
 * justice and civil status, 8 working hours, online), KET-HON (marriage registration, same field,
 * 8 h) and GIAO-DAT (land allocation, 40 h, not online); cut-off 15:00; office hours 08:00-12:00 and
 * 13:00-17:00, Monday to Friday. July 2025 (Tuesday the 1st):
 * <pre>
 * D01 XA-A KHAI-SINH in person  Tue 1 09:30, due Wed 2 09:30; resolved Tue 1 16:00 EARLY (0.6875 d), returned
 * D02 XA-A KHAI-SINH online     submitted Tue 1 20:00, received Wed 2 08:00, due Wed 2 17:00;
 *                               resolved Wed 2 16:30 ON_TIME (0.9375 d)
 * D03 XA-B KHAI-SINH online     submitted Wed 2 21:00, refused Thu 3 08:30: never received, never counted
 * D04 XA-B GIAO-DAT  by post    Thu 3 14:00, due Thu 10 14:00; supplement asked Fri 4 09:00, supplied Mon 7
 *                               11:00 (10 working hours paused, due Fri 11 16:00); payment asked and made Tue 8;
 *                               resolved Fri 11 10:00 ON_TIME (2,700 - 600 min = 4.375 d), returned Mon 14
 * D05 XA-A KHAI-SINH in person  Mon 7 08:30; two supplements asked and supplied the same day; resolved Mon 7
 *                               16:00: LATE for the second request (390 - 180 min = 0.4375 d)
 * D06 XA-B KHAI-SINH in person  Tue 8 10:00, due Wed 9 10:00; extended Wed 9 to Fri 11 17:00; resolved Fri 11
 *                               15:00 ON_TIME (3.5 d)
 * D07 XA-A KHAI-SINH in person  Wed 9 09:00, due Thu 10 09:00; transferred to PH-C Wed 9 10:00; refused Thu 10
 *                               11:00 LATE (1.25 d), counted at PH-C
 * D08 PH-C GIAO-DAT  in person  Thu 10 08:00, due Wed 16 17:00; refused Fri 11 11:00 EARLY (1.375 d), returned
 * D09 XA-B KET-HON   in person  Mon 14 08:00, due 17:00; withdrawal asked 09:00, stopped 10:00 ON_TIME (0.25 d)
 * D10 XA-A GIAO-DAT  in person  Mon 21 08:00, due Fri 25 17:00; assigned, still open: overdue
 * D11 XA-B KHAI-SINH in person  Mon 28 08:00; supplement asked 10:00, never supplied: open, clock paused
 * D12 PH-C KHAI-SINH in person  Mon 4 August 08:00; extended now to 12 hours from now: due soon
 * </pre>
 * The administrator sets up the province, the head of the unit a dossier is at gives its commands, and an
 * auditor reads the reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierPathsEndToEndIT {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String JULY = "from=2025-07-01&to=2025-07-31";
    private static final String CITIZEN = """
            {"idNumber": "001203004567", "fullName": "Nguyễn Văn An", "phone": "0912345678"}""";

    private Product product;
    private EndToEndClient client;
    private long lastPosition;
    /** The unit each dossier is at, whose head acts on it. */
    private final Map<String, String> unitOf = new HashMap<>();
    /** Every {@code Location} a command answered, in order. */
    private final List<String> locations = new ArrayList<>();

    @BeforeAll
    void startBothServicesAndWalkTheDossiers() {
        product = BothServices.start("end_to_end", "end-to-end-logs");
        client = new EndToEndClient(product.commands(), product.queries(), product.tokens());

        provinceWithThreeUnitsAndThreeProcedures();
        walkTheDossiers();
        awaitProjections();
    }

    @AfterAll
    void stopBothServices() {
        if (product != null) {
            product.close();
        }
    }

    private void provinceWithThreeUnitsAndThreeProcedures() {
        for (String[] unit : new String[][] {{"XA-A", "Xã A", "COMMUNE"}, {"XA-B", "Xã B", "COMMUNE"},
                                             {"PH-C", "Phường C", "WARD"}}) {
            command(Official.ADMIN, "/api/v1/units", """
                    {"code": "%s", "name": "%s", "kind": "%s"}""".formatted((Object[]) unit));
        }
        assertThat(client.put(Official.ADMIN, "/api/v1/calendar/holidays/2025", """
                ["2025-01-01", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02"]""").ok()).isTrue();
        procedure("KHAI-SINH", "JUSTICE_CIVIL_STATUS", 8, true);
        procedure("KET-HON", "JUSTICE_CIVIL_STATUS", 8, true);
        procedure("GIAO-DAT", "LAND", 40, false);
        command(Official.HOME_AFFAIRS, "/api/v1/staff", """
                {"staffId": "CB-1", "fullName": "Trần Thị Bình", "unitCode": "XA-A", "field": "JUSTICE_CIVIL_STATUS",
                 "position": "civil status officer", "decisionNo": "QD-01", "effectiveDate": "2025-07-01"}""");
    }

    private void walkTheDossiers() {
        assertThat(dueAt(submit("D01", "KHAI-SINH", "XA-A", "IN_PERSON", "2025-07-01T09:30"))).isEqualTo(
                at("2025-07-02T09:30"));
        step("D01", "assignment", "assignedAt", "2025-07-01T10:00", "\"staffId\": \"CB-1\"");
        assertThat(resolve("D01", "APPROVED", "2025-07-01T16:00")).isEqualTo("EARLY");
        step("D01", "return", "returnedAt", "2025-07-02T08:30", null);

        assertThat(submit("D02", "KHAI-SINH", "XA-A", "ONLINE", "2025-07-01T20:00").path("status").asText())
                .isEqualTo("NEW");
        assertThat(dueAt(step("D02", "receipt", "receivedAt", "2025-07-02T08:00", null)))
                .isEqualTo(at("2025-07-02T17:00"));
        step("D02", "assignment", "assignedAt", "2025-07-02T09:00", "\"staffId\": \"CB-1\"");
        assertThat(resolve("D02", "APPROVED", "2025-07-02T16:30")).isEqualTo("ON_TIME");

        submit("D03", "KHAI-SINH", "XA-B", "ONLINE", "2025-07-02T21:00");
        step("D03", "refusal", "refusedAt", "2025-07-03T08:30", "\"reason\": \"not competent\"");

        assertThat(dueAt(submit("D04", "GIAO-DAT", "XA-B", "POSTAL", "2025-07-03T14:00")))
                .isEqualTo(at("2025-07-10T14:00"));
        step("D04", "assignment", "assignedAt", "2025-07-03T15:00", "\"staffId\": \"CB-2\"");
        step("D04", "supplement-requests", "requestedAt", "2025-07-04T09:00", "\"reason\": \"the land map\"");
        assertThat(dueAt(step("D04", "supplements", "providedAt", "2025-07-07T11:00", null)))
                .isEqualTo(at("2025-07-11T16:00"));
        step("D04", "payment-requests", "requestedAt", "2025-07-08T09:00",
             "\"amount\": 50000, \"reason\": \"registration fee\"");
        step("D04", "payments", "paidAt", "2025-07-08T10:00", "\"amount\": 50000");
        assertThat(resolve("D04", "APPROVED", "2025-07-11T10:00")).isEqualTo("ON_TIME");
        step("D04", "return", "returnedAt", "2025-07-14T09:00", null);

        submit("D05", "KHAI-SINH", "XA-A", "IN_PERSON", "2025-07-07T08:30");
        step("D05", "supplement-requests", "requestedAt", "2025-07-07T09:00", "\"reason\": \"the mother's ID\"");
        assertThat(dueAt(step("D05", "supplements", "providedAt", "2025-07-07T10:00", null)))
                .isEqualTo(at("2025-07-08T09:30"));
        step("D05", "supplement-requests", "requestedAt", "2025-07-07T11:00", "\"reason\": \"the father's ID\"");
        assertThat(dueAt(step("D05", "supplements", "providedAt", "2025-07-07T14:00", null)))
                .isEqualTo(at("2025-07-08T11:30"));
        assertThat(resolve("D05", "APPROVED", "2025-07-07T16:00")).isEqualTo("LATE");

        assertThat(dueAt(submit("D06", "KHAI-SINH", "XA-B", "IN_PERSON", "2025-07-08T10:00")))
                .isEqualTo(at("2025-07-09T10:00"));
        step("D06", "assignment", "assignedAt", "2025-07-08T10:30", "\"staffId\": \"CB-3\"");
        step("D06", "extensions", "extendedAt", "2025-07-09T09:00",
             "\"newDueAt\": \"2025-07-11T17:00:00+07:00\", \"apology\": \"the registry was unreachable\"");
        assertThat(resolve("D06", "APPROVED", "2025-07-11T15:00")).isEqualTo("ON_TIME");

        submit("D07", "KHAI-SINH", "XA-A", "IN_PERSON", "2025-07-09T09:00");
        step("D07", "transfers", "transferredAt", "2025-07-09T10:00",
             "\"toUnitCode\": \"PH-C\", \"reason\": \"the applicant lives in the ward\"");
        step("D07", "assignment", "assignedAt", "2025-07-09T11:00", "\"staffId\": \"CB-4\"");
        assertThat(resolve("D07", "REFUSED", "2025-07-10T11:00")).isEqualTo("LATE");

        assertThat(dueAt(submit("D08", "GIAO-DAT", "PH-C", "IN_PERSON", "2025-07-10T08:00")))
                .isEqualTo(at("2025-07-16T17:00"));
        assertThat(resolve("D08", "REFUSED", "2025-07-11T11:00")).isEqualTo("EARLY");
        step("D08", "return", "returnedAt", "2025-07-11T15:00", null);

        submit("D09", "KET-HON", "XA-B", "IN_PERSON", "2025-07-14T08:00");
        step("D09", "withdrawal", "requestedAt", "2025-07-14T09:00", "\"reason\": \"moved abroad\"");
        assertThat(step("D09", "stop", "stoppedAt", "2025-07-14T10:00", "\"reason\": \"withdrawn\"")
                           .path("timeliness").asText()).isEqualTo("ON_TIME");

        assertThat(dueAt(submit("D10", "GIAO-DAT", "XA-A", "IN_PERSON", "2025-07-21T08:00")))
                .isEqualTo(at("2025-07-25T17:00"));
        step("D10", "assignment", "assignedAt", "2025-07-21T09:00", "\"staffId\": \"CB-1\"");

        submit("D11", "KHAI-SINH", "XA-B", "IN_PERSON", "2025-07-28T08:00");
        step("D11", "supplement-requests", "requestedAt", "2025-07-28T10:00", "\"reason\": \"the witness\"");

        submit("D12", "KHAI-SINH", "PH-C", "IN_PERSON", "2025-08-04T08:00");
        String inTwelveHours = OffsetDateTime.now(PROVINCE).plusHours(12).truncatedTo(ChronoUnit.SECONDS).toString();
        command(Official.headOf("PH-C"), "/api/v1/dossiers/D12/extensions", """
                {"newDueAt": "%s", "apology": "the applicant's papers are being verified"}""".formatted(inTwelveHours));
    }

    @Test
    void theProvinceTotalAndEachUnitCountAsTheIndexCounts() {
        JsonNode report = query("/api/v1/timeliness?groupBy=unit&" + JULY);

        assertThat(rows(report)).containsExactly(
                "PH-C: received 1, resolved 2 (early 1, on time 0, late 1), pending 0 (overdue 0), rate 0.5, days 1.31, score 10.0",
                "XA-A: received 5, resolved 3 (early 1, on time 1, late 1), pending 1 (overdue 1), rate 0.6667, days 0.69, score 13.33",
                "XA-B: received 4, resolved 3 (early 0, on time 3, late 0), pending 1 (overdue 0), rate 1.0, days 2.71, score 20.0");
        assertThat(row(report.path("total"))).isEqualTo(
                "PROVINCE: received 10, resolved 8 (early 2, on time 4, late 2), pending 2 (overdue 1), rate 0.75, days 1.6, score 15.0");
    }

    @Test
    void theSameDossiersCountByFieldAndByProcedureWithTheSameTotal() {
        JsonNode byField = query("/api/v1/timeliness?groupBy=field&" + JULY);
        JsonNode byProcedure = query("/api/v1/timeliness?groupBy=procedure&" + JULY);

        assertThat(rows(byField)).containsExactly(
                "JUSTICE_CIVIL_STATUS: received 7, resolved 6 (early 1, on time 3, late 2), pending 1 (overdue 0), rate 0.6667, days 1.18, score 13.33",
                "LAND: received 3, resolved 2 (early 1, on time 1, late 0), pending 1 (overdue 1), rate 1.0, days 2.88, score 20.0");
        assertThat(rows(byProcedure)).containsExactly(
                "GIAO-DAT: received 3, resolved 2 (early 1, on time 1, late 0), pending 1 (overdue 1), rate 1.0, days 2.88, score 20.0",
                "KET-HON: received 1, resolved 1 (early 0, on time 1, late 0), pending 0 (overdue 0), rate 1.0, days 0.25, score 20.0",
                "KHAI-SINH: received 6, resolved 5 (early 1, on time 2, late 2), pending 1 (overdue 0), rate 0.6, days 1.36, score 12.0");
        String total = row(query("/api/v1/timeliness?groupBy=unit&" + JULY).path("total"));
        assertThat(row(byField.path("total"))).isEqualTo(total);
        assertThat(row(byProcedure.path("total"))).isEqualTo(total);
    }

    @Test
    void unitsAreRankedByTheirOnTimeRate() {
        JsonNode ranking = query("/api/v1/timeliness/ranking?" + JULY);

        List<String> units = new ArrayList<>();
        ranking.path("units").forEach(unit -> units.add(unit.path("rank").asInt() + ". " + unit.path("unitCode").asText()
                                                        + " " + unit.path("onTimeRate").asText()));
        assertThat(units).containsExactly("1. XA-B 1.0", "2. XA-A 0.6667", "3. PH-C 0.5");
    }

    @Test
    void theOverdueDossierAndTheOneDueSoonAreListed() {
        JsonNode overdue = query("/api/v1/dossiers?overdue=true");
        JsonNode dueSoon = query("/api/v1/dossiers?dueWithinHours=24");
        JsonNode atTheWard = query("/api/v1/dossiers?unitCode=PH-C");

        assertThat(ids(overdue)).containsExactly("D10");
        assertThat(overdue.path("totalElements").asLong()).isEqualTo(1);
        assertThat(ids(dueSoon)).containsExactly("D12");
        assertThat(dueSoon.path("totalElements").asLong()).isEqualTo(1);
        assertThat(ids(atTheWard)).containsExactlyInAnyOrder("D07", "D08", "D12");
    }

    @Test
    void eachDossierEndsInTheStatusItsPathLeadsTo() {
        List<String> statuses = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            JsonNode dossier = query("/api/v1/dossiers/D%02d".formatted(n));
            statuses.add(dossier.path("dossierId").asText() + " " + dossier.path("status").asText() + " "
                         + dossier.path("timeliness").asText() + " " + dossier.path("supplementRequests").asInt());
        }
        assertThat(statuses).containsExactly("D01 RETURNED EARLY 0", "D02 RESOLVED ON_TIME 0", "D03 NOT_RECEIVED null 0",
                                             "D04 RETURNED ON_TIME 1", "D05 RESOLVED LATE 2", "D06 RESOLVED ON_TIME 0",
                                             "D07 RESOLVED LATE 0", "D08 RETURNED EARLY 0", "D09 STOPPED ON_TIME 0",
                                             "D10 IN_PROCESSING null 0", "D11 SUPPLEMENT_REQUESTED null 1",
                                             "D12 RECEIVED null 0");
    }

    @Test
    void aVerdictIsTracedBackToTheEventsThatDecidedIt() {
        JsonNode events = query("/api/v1/audit/streams/D07/events");

        List<String> types = new ArrayList<>();
        events.path("events").forEach(event -> types.add(event.path("type").asText()));
        assertThat(types).containsExactly("DossierReceivedEvent", "DossierTransferredEvent", "DossierAssignedEvent",
                                          "DossierResolvedEvent");
        JsonNode resolution = events.path("events").get(3).path("payload");
        assertThat(resolution.path("timeliness").asText()).isEqualTo("LATE");
        assertThat(resolution.path("processingDays").asDouble()).isEqualTo(1.25);
    }

    /**
     * Every step was recorded today with its July time, as an imported history is: the state as of a day
     * of July is the one the dossier had that day, by when things happened, not by when they were recorded.
     */
    @Test
    void anAuditorReadsTheStateADossierHadOnADayOfJuly() {
        JsonNode d04OnThe16th = query("/api/v1/audit/streams/D04/state?asOf=2025-07-16");
        assertThat(d04OnThe16th.path("state").path("status").asText()).as("returned Mon 14").isEqualTo("RETURNED");
        assertThat(d04OnThe16th.path("asOf").asText()).isEqualTo("2025-07-16");
        assertThat(query("/api/v1/audit/streams/D04/state?asOf=2025-07-04T17:00:00+07:00").path("state")
                           .path("status").asText()).as("supplement asked Fri 4 09:00").isEqualTo("SUPPLEMENT_REQUESTED");
        JsonNode d06OnThe10th = query("/api/v1/audit/streams/D06/state?asOf=2025-07-10");
        assertThat(d06OnThe10th.path("state").path("status").asText()).isEqualTo("IN_PROCESSING");
        assertThat(d06OnThe10th.path("lastApplied").path("type").asText()).isEqualTo("DossierExtendedEvent");
        assertThat(d06OnThe10th.path("lastApplied").path("occurredAt").asText()).isEqualTo("2025-07-09T09:00:00+07:00");

        Answer d10OnThe16th = client.get("/api/v1/audit/streams/D10/state?asOf=2025-07-16");
        assertThat(d10OnThe16th.status()).as("submitted Mon 21: " + d10OnThe16th.body()).isEqualTo(404);
        assertThat(d10OnThe16th.body().path("type").asText()).endsWith("/stream-not-started");
    }

    @Test
    void anAuditorVerifiesTheWholeLogIntactUnderTheLocalKeyPair() {
        Answer verification = client.get("/api/v1/audit/verification");
        for (int polls = 0; verification.status() == 202 && polls < 300; polls++) {
            sleep(100);
            verification = client.get(verification.body().path("id").isTextual()
                    ? "/api/v1/audit/verification?job=" + verification.body().path("id").asText()
                    : "/api/v1/audit/verification");
        }
        assertThat(verification.status()).as(verification.body().toString()).isEqualTo(200);
        assertThat(verification.body().path("state").asText()).as(verification.body().toString()).isEqualTo("INTACT");
        assertThat(verification.body().path("verifiedThrough").asLong()).isPositive();
        JsonNode checkpoints = query("/api/v1/audit/checkpoints");
        assertThat(checkpoints.path("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(checkpoints.path("publicKey").asText()).as("the local profile's key pair").isNotBlank();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void rebuiltProjectionsGiveTheSameReports() {
        String before = query("/api/v1/timeliness?groupBy=unit&" + JULY).toString()
                        + query("/api/v1/dossiers?overdue=true").path("content");

        for (String projection : List.of("timeliness", "dossiers")) {
            assertThat(client.rebuild(projection).status())
                    .isEqualTo(202);
        }
        awaitProjections();

        assertThat(query("/api/v1/timeliness?groupBy=unit&" + JULY).toString()
                   + query("/api/v1/dossiers?overdue=true").path("content")).isEqualTo(before);
    }

    @Test
    void everyLocationACommandAnsweredLeadsToItsResourceOnTheQuerySide() {
        assertThat(locations).hasSize(3 + 3 + 1 + 12).allSatisfy(location ->
                assertThat(location).startsWith(product.queries().baseUrl() + "/api/v1/"));

        for (String location : locations) {
            Answer reply = client.get(location + "?minPosition=" + lastPosition);
            assertThat(reply.status()).as(location + " answered " + reply.body()).isEqualTo(200);
            String id = location.substring(location.lastIndexOf('/') + 1);
            assertThat(List.of(reply.body().path("code").asText(), reply.body().path("dossierId").asText(),
                               reply.body().path("staffId").asText())).as(location).contains(id);
        }
    }

    // ------------------------------------------------------------------ helpers

    private void procedure(String code, String field, int hours, boolean online) {
        command(Official.ADMIN, "/api/v1/procedures", """
                {"code": "%s", "name": "%s", "field": "%s", "level": "COMMUNE", "processingHours": %d,
                 "cutoff": "15:00", "online": %b}""".formatted(code, code, field, hours, online));
    }

    private JsonNode submit(String dossierId, String procedure, String unit, String channel, String localTime) {
        unitOf.put(dossierId, unit);
        return command(Official.headOf(unit), "/api/v1/dossiers", """
                {"dossierId": "%s", "procedureCode": "%s", "unitCode": "%s", "channel": "%s", "applicant": %s,
                 "submittedAt": "%s"}""".formatted(dossierId, procedure, unit, channel, CITIZEN, offset(localTime)));
    }

    /** POST /dossiers/{id}/{step} with the dated time and the other fields given as JSON members. */
    private JsonNode step(String dossierId, String step, String timeField, String localTime, String fields) {
        JsonNode answer = command(Official.headOf(unitOf.get(dossierId)), "/api/v1/dossiers/" + dossierId + "/" + step,
                                  "{" + (fields == null ? "" : fields + ", ") + "\"" + timeField + "\": \""
                                  + offset(localTime) + "\"}");
        if (step.equals("transfers")) {
            unitOf.put(dossierId, answer.path("unitCode").asText());
        }
        return answer;
    }

    private String resolve(String dossierId, String outcome, String localTime) {
        return step(dossierId, "resolution", "resolvedAt", localTime,
                    "\"outcome\": \"" + outcome + "\", \"note\": \"decided\"").path("timeliness").asText();
    }

    /** An accepted command's answer; remembers the position it reached. */
    private JsonNode command(Official official, String path, String json) {
        Answer reply = client.post(official, path, json);
        assertThat(reply.ok()).as(path + " " + json + " answered " + reply.status() + " " + reply.body()).isTrue();
        lastPosition = Math.max(lastPosition, reply.body().path("position").asLong());
        if (reply.location() != null) {
            locations.add(reply.location());
        }
        return reply.body();
    }

    private JsonNode query(String pathAndQuery) {
        Answer reply = client.get(pathAndQuery);
        assertThat(reply.status()).as(pathAndQuery + " answered " + reply.body()).isEqualTo(200);
        return reply.body();
    }

    /** Until every projection has processed the last command's events, and none is replaying. */
    private void awaitProjections() {
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            JsonNode projections = query("/api/v1/admin/projections").path("projections");
            boolean caughtUp = projections.size() > 0;
            for (JsonNode projection : projections) {
                caughtUp &= projection.path("position").asLong() >= lastPosition
                            && !projection.path("replaying").asBoolean();
            }
            if (caughtUp) {
                return;
            }
            assertThat(System.currentTimeMillis()).as("projections caught up with " + lastPosition + ": " + projections)
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> rows(JsonNode report) {
        List<String> rows = new ArrayList<>();
        report.path("rows").forEach(row -> rows.add(row(row)));
        return rows;
    }

    private static String row(JsonNode row) {
        return "%s: received %d, resolved %d (early %d, on time %d, late %d), pending %d (overdue %d), rate %s, days %s, score %s"
                .formatted(row.path("key").asText(), row.path("received").asLong(), row.path("resolved").asLong(),
                           row.path("early").asLong(), row.path("onTime").asLong(), row.path("late").asLong(),
                           row.path("pending").asLong(), row.path("overdue").asLong(), row.path("onTimeRate").asText(),
                           row.path("avgProcessingDays").asText(), row.path("progressScore").asText());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(dossier -> ids.add(dossier.path("dossierId").asText()));
        return ids;
    }

    private static Instant dueAt(JsonNode answer) {
        return OffsetDateTime.parse(answer.path("dueAt").asText()).toInstant();
    }

    /** A local time in the province, e.g. {@code 2025-07-01T09:30}. */
    private static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(PROVINCE).toInstant();
    }

    private static String offset(String localTime) {
        return LocalDateTime.parse(localTime).atZone(PROVINCE).toOffsetDateTime().toString();
    }
}
