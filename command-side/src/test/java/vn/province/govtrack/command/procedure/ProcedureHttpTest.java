package vn.province.govtrack.command.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.command.CommandSideHttpTest;

/**
 * Publishing and updating procedures over HTTP, against the event store on a real MongoDB wire-protocol
 * server, and what an update does to online submissions. Each test uses its own codes, so the tests share
 * one store.
 */
class ProcedureHttpTest extends CommandSideHttpTest {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static String procedure(String code, String extra) {
        return """
                {"code": "%s", "name": "Đăng ký khai sinh", "field": "JUSTICE_CIVIL_STATUS", "level": "COMMUNE",
                 "processingHours": 8, "cutoff": "15:00"%s}""".formatted(code, extra);
    }

    private static String onlineDossier(String unit, String procedure) {
        return onlineDossier(unit, procedure, "2025-07-20T21:00:00+07:00");
    }

    /** An online submission at {@code submittedAt}; now when null. */
    private static String onlineDossier(String unit, String procedure, String submittedAt) {
        return """
                {"dossierId": "%s", "procedureCode": "%s", "unitCode": "%s", "channel": "ONLINE",
                 "applicant": {"idNumber": "001203004567", "fullName": "Nguyễn Văn An"}%s}""".formatted(
                unique("HS"), procedure, unit, submittedAt == null ? "" : ", \"submittedAt\": \"" + submittedAt + "\"");
    }

    /** The first day of next month in the province. */
    private static LocalDate nextMonth() {
        return LocalDate.now(PROVINCE).plusMonths(1).withDayOfMonth(1);
    }

    private JsonNode accepted(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        return response.getBody();
    }

    /** Sends the command and checks it was answered with the problem and appended nothing. */
    private JsonNode refused(String path, String json, HttpStatus status, String slug) {
        long head = engine.headPosition();
        ResponseEntity<JsonNode> response = post(path, json);
        assertProblem(response, status, slug);
        assertThat(engine.headPosition()).as("appended by a refused command").isEqualTo(head);
        return response.getBody();
    }

    @Test
    void aProcedureIsPublishedWithItsOnlineLevelDatesAndContent() {
        String code = unique("KS");

        ResponseEntity<JsonNode> response = post("/api/v1/procedures", procedure(code, """
                , "onlineLevel": "FULL", "publishedOn": "2025-06-20", "effectiveFrom": "2025-07-01",
                "content": ["FEES", "NAME", "FEES"]"""));

        JsonNode published = accepted(response, HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasPath("/api/v1/procedures/" + code);
        assertThat(published.path("online").asBoolean()).isTrue();
        assertThat(published.path("onlineLevel").asText()).isEqualTo("FULL");
        assertThat(published.path("publishedOn").asText()).isEqualTo("2025-06-20");
        assertThat(published.path("effectiveFrom").asText()).isEqualTo("2025-07-01");
        assertThat(published.path("content")).extracting(JsonNode::asText).containsExactly("NAME", "FEES");
        assertThat(published.path("position").asLong()).isEqualTo(engine.headPosition());
    }

    @Test
    void withoutTheNewFieldsOnlineMeansPartlyOnlineAndTheProcedureIsPublishedTodayDisclosingNothing() {
        LocalDate before = LocalDate.now(PROVINCE);
        JsonNode online = accepted(post("/api/v1/procedures", procedure(unique("KS"), ", \"online\": true")),
                                   HttpStatus.CREATED);
        JsonNode atTheDesk = accepted(post("/api/v1/procedures", procedure(unique("KS"), "")), HttpStatus.CREATED);
        LocalDate after = LocalDate.now(PROVINCE);

        assertThat(online.path("onlineLevel").asText()).isEqualTo("PARTIAL");
        assertThat(atTheDesk.path("onlineLevel").asText()).isEqualTo("NONE");
        assertThat(atTheDesk.path("online").asBoolean()).isFalse();
        assertThat(LocalDate.parse(online.path("publishedOn").asText())).isBetween(before, after);
        assertThat(online.path("effectiveFrom").asText()).isEqualTo(online.path("publishedOn").asText());
        assertThat(online.path("content")).isEmpty();
    }

    @Test
    void aPublicationWithContradictoryOrImpossibleFieldsIsABadRequest() {
        JsonNode contradiction = refused("/api/v1/procedures", procedure(unique("KS"), """
                , "online": false, "onlineLevel": "PARTIAL\""""), HttpStatus.BAD_REQUEST, "invalid-input");
        assertThat(contradiction.path("detail").asText()).isEqualTo("online false disagrees with onlineLevel PARTIAL; "
                                                                     + "give one, or both alike");
        refused("/api/v1/procedures", procedure(unique("KS"), ", \"online\": true, \"onlineLevel\": \"NONE\""),
                HttpStatus.BAD_REQUEST, "invalid-input");
        refused("/api/v1/procedures", procedure(unique("KS"), ", \"onlineLevel\": \"SOMETIMES\""),
                HttpStatus.BAD_REQUEST, "malformed-request");
        refused("/api/v1/procedures", procedure(unique("KS"), ", \"content\": [\"NAME\", \"HOROSCOPE\"]"),
                HttpStatus.BAD_REQUEST, "malformed-request");
        refused("/api/v1/procedures", procedure(unique("KS"), ", \"content\": [null]"),
                HttpStatus.BAD_REQUEST, "invalid-input");
        refused("/api/v1/procedures", procedure(unique("KS"), ", \"content\": \"NAME\""),
                HttpStatus.BAD_REQUEST, "malformed-request");
        refused("/api/v1/procedures", procedure(unique("KS"), ", \"publishedOn\": \"2099-01-01\""),
                HttpStatus.BAD_REQUEST, "invalid-input");
        refused("/api/v1/procedures", procedure(unique("KS"), ", \"publishedOn\": \"1999-12-31\""),
                HttpStatus.BAD_REQUEST, "invalid-input");
        refused("/api/v1/procedures", procedure(unique("KS"), ", \"effectiveFrom\": \"2101-01-01\""),
                HttpStatus.BAD_REQUEST, "invalid-input");
        refused("/api/v1/procedures", procedure(unique("KS"), ", \"publishedOn\": \"2025-02-30\""),
                HttpStatus.BAD_REQUEST, "malformed-request");
    }

    @Test
    void anUpdateAnswersTheProcedureAsItStandsAfterIt() {
        String code = unique("KS");
        accepted(post("/api/v1/procedures", procedure(code, """
                , "onlineLevel": "PARTIAL", "publishedOn": "2025-06-20", "content": ["NAME"]""")), HttpStatus.CREATED);

        JsonNode updated = accepted(post("/api/v1/procedures/" + code + "/updates", """
                {"onlineLevel": "FULL", "updatedOn": "2025-07-10", "effectiveFrom": "2025-07-15",
                 "reason": "Decision 1520/QĐ-UBND"}"""), HttpStatus.OK);

        assertThat(updated.path("code").asText()).isEqualTo(code);
        assertThat(updated.path("onlineLevel").asText()).isEqualTo("FULL");
        assertThat(updated.path("content")).extracting(JsonNode::asText).containsExactly("NAME");
        assertThat(updated.path("updatedOn").asText()).isEqualTo("2025-07-10");
        assertThat(updated.path("effectiveFrom").asText()).isEqualTo("2025-07-15");
        assertThat(updated.path("position").asLong()).isEqualTo(engine.headPosition());
    }

    @Test
    void anUpdateOfAnUnknownProcedureIsNotFoundAndOneThatChangesNothingOrComesTooEarlyIsAConflict() {
        String code = unique("KS");
        accepted(post("/api/v1/procedures", procedure(code, """
                , "onlineLevel": "PARTIAL", "publishedOn": "2025-06-20\"""")), HttpStatus.CREATED);

        refused("/api/v1/procedures/NO-SUCH-PROCEDURE/updates", """
                {"onlineLevel": "FULL", "reason": "x"}""", HttpStatus.NOT_FOUND, "not-found");
        refused("/api/v1/procedures/" + code + "/updates", """
                {"onlineLevel": "PARTIAL", "content": [], "reason": "no change"}""", HttpStatus.CONFLICT,
                "rule-violation");
        JsonNode early = refused("/api/v1/procedures/" + code + "/updates", """
                {"onlineLevel": "FULL", "updatedOn": "2025-06-19", "reason": "before publication"}""",
                HttpStatus.CONFLICT, "rule-violation");
        assertThat(early.path("detail").asText()).contains("was published on 2025-06-20");
        refused("/api/v1/procedures/" + code + "/updates", """
                {"onlineLevel": "FULL"}""", HttpStatus.BAD_REQUEST, "invalid-input");
        refused("/api/v1/procedures/" + code + "/updates", """
                {"onlineLevel": "FULL", "reason": "%s"}""".formatted("x".repeat(2001)), HttpStatus.BAD_REQUEST,
                "invalid-input");
        refused("/api/v1/procedures/" + code + "/updates", """
                {"onlineLevel": "FULL", "updatedOn": "2099-01-01", "reason": "future"}""", HttpStatus.BAD_REQUEST,
                "invalid-input");
    }

    @Test
    void onlineSubmissionsFollowTheProceduresUpdates() {
        String unit = registeredUnit();
        String code = unique("KS");
        accepted(post("/api/v1/procedures", procedure(code, """
                , "onlineLevel": "PARTIAL", "publishedOn": "2025-06-20\"""")), HttpStatus.CREATED);
        accepted(post("/api/v1/dossiers", onlineDossier(unit, code)), HttpStatus.CREATED);

        accepted(post("/api/v1/procedures/" + code + "/updates", """
                {"onlineLevel": "NONE", "updatedOn": "2025-07-01", "reason": "portal outage"}"""), HttpStatus.OK);
        JsonNode refusedOnline = refused("/api/v1/dossiers", onlineDossier(unit, code), HttpStatus.CONFLICT,
                                         "rule-violation");
        assertThat(refusedOnline.path("detail").asText())
                .isEqualTo("procedure '" + code + "' is not offered online on 2025-07-20");

        accepted(post("/api/v1/procedures/" + code + "/updates", """
                {"onlineLevel": "FULL", "updatedOn": "2025-07-02", "reason": "restored"}"""), HttpStatus.OK);
        JsonNode submitted = accepted(post("/api/v1/dossiers", onlineDossier(unit, code)), HttpStatus.CREATED);
        assertThat(submitted.path("status").asText()).isEqualTo("NEW");
    }

    @Test
    void anUpdateToNoneAnnouncedTodayButTakingEffectNextMonthStillAllowsOnlineSubmissionsToday() {
        String unit = registeredUnit();
        String code = unique("KS");
        accepted(post("/api/v1/procedures", procedure(code, """
                , "onlineLevel": "FULL", "publishedOn": "2025-06-20\"""")), HttpStatus.CREATED);
        accepted(post("/api/v1/procedures/" + code + "/updates", """
                {"onlineLevel": "NONE", "effectiveFrom": "%s", "reason": "portal retired"}""".formatted(nextMonth())),
                 HttpStatus.OK);

        JsonNode submitted = accepted(post("/api/v1/dossiers", onlineDossier(unit, code, null)), HttpStatus.CREATED);
        assertThat(submitted.path("status").asText()).isEqualTo("NEW");
    }

    @Test
    void anUpdateToFullTakingEffectNextMonthDoesNotYetAllowOnlineSubmissions() {
        String unit = registeredUnit();
        String code = unique("KS");
        accepted(post("/api/v1/procedures", procedure(code, """
                , "onlineLevel": "NONE", "publishedOn": "2025-06-20\"""")), HttpStatus.CREATED);
        accepted(post("/api/v1/procedures/" + code + "/updates", """
                {"onlineLevel": "FULL", "effectiveFrom": "%s", "reason": "portal opens"}""".formatted(nextMonth())),
                 HttpStatus.OK);

        JsonNode refusedOnline = refused("/api/v1/dossiers", onlineDossier(unit, code, null), HttpStatus.CONFLICT,
                                         "rule-violation");
        assertThat(refusedOnline.path("detail").asText())
                .isEqualTo("procedure '" + code + "' is not offered online on " + LocalDate.now(PROVINCE));
    }

    @Test
    void aDatedSubmissionIsJudgedByTheLevelInForceOnItsDayNotByTheLastAnnounced() {
        String unit = registeredUnit();
        String code = unique("KS");
        accepted(post("/api/v1/procedures", procedure(code, """
                , "onlineLevel": "PARTIAL", "publishedOn": "2025-06-20\"""")), HttpStatus.CREATED);
        accepted(post("/api/v1/procedures/" + code + "/updates", """
                {"onlineLevel": "NONE", "updatedOn": "2025-07-01", "effectiveFrom": "2025-08-01",
                 "reason": "portal retired"}"""), HttpStatus.OK);

        // announced, not yet in force: the published level decides
        accepted(post("/api/v1/dossiers", onlineDossier(unit, code, "2025-07-31T21:00:00+07:00")), HttpStatus.CREATED);
        // in force from the first of August in the province, though it is still 31 July in UTC
        JsonNode refusedOnline = refused("/api/v1/dossiers", onlineDossier(unit, code, "2025-08-01T06:30:00+07:00"),
                                         HttpStatus.CONFLICT, "rule-violation");
        assertThat(refusedOnline.path("detail").asText())
                .isEqualTo("procedure '" + code + "' is not offered online on 2025-08-01");
        refused("/api/v1/dossiers", onlineDossier(unit, code, null), HttpStatus.CONFLICT, "rule-violation");
    }

    @Test
    void aBackdatedSubmissionBeforeAnUpdateToFullTookEffectIsJudgedByTheEarlierLevel() {
        String unit = registeredUnit();
        String code = unique("KS");
        accepted(post("/api/v1/procedures", procedure(code, """
                , "onlineLevel": "NONE", "publishedOn": "2025-06-20\"""")), HttpStatus.CREATED);
        accepted(post("/api/v1/procedures/" + code + "/updates", """
                {"onlineLevel": "FULL", "updatedOn": "2025-07-01", "effectiveFrom": "2025-08-01",
                 "reason": "portal opens"}"""), HttpStatus.OK);

        refused("/api/v1/dossiers", onlineDossier(unit, code, "2025-07-20T21:00:00+07:00"), HttpStatus.CONFLICT,
                "rule-violation");
        JsonNode submitted = accepted(post("/api/v1/dossiers", onlineDossier(unit, code, "2025-08-01T07:30:00+07:00")),
                                      HttpStatus.CREATED);
        assertThat(submitted.path("status").asText()).isEqualTo("NEW");
        accepted(post("/api/v1/dossiers", onlineDossier(unit, code, null)), HttpStatus.CREATED);
    }
}
