package vn.province.govtrack.command.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.province.govtrack.command.CommandSideHttpTest;
import vn.province.govtrack.command.web.ActingOfficials;
import vn.province.govtrack.kernel.feedback.FeedbackAnsweredEvent;
import vn.province.govtrack.kernel.feedback.FeedbackIds;
import vn.province.govtrack.kernel.feedback.FeedbackReceivedEvent;
import vn.province.govtrack.security.Role;

/**
 * Feedback over HTTP, against the event store on a real MongoDB wire-protocol server: the answers and their
 * {@code Location}, the refusals (each a problem that appends nothing), and who may act. Each test uses units
 * and ids of its own, so the tests share one store.
 */
class FeedbackApiHttpTest extends CommandSideHttpTest {

    @Value("${govtrack.query-side.base-url}")
    private String querySide;

    private ResponseEntity<JsonNode> as(Role role, String unit, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(ActingOfficials.token(minter, role, unit));
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }

    /** As {@link #as}, for a request that must be refused: the head position stays where it was. */
    private ResponseEntity<JsonNode> refused(Role role, String unit, String path, String json) {
        long head = engine.headPosition();
        ResponseEntity<JsonNode> response = as(role, unit, path, json);
        assertThat(engine.headPosition()).as("head position after a refused request").isEqualTo(head);
        return response;
    }

    private static String complaint(String feedbackId, String unit, String receivedAt) {
        return """
                {"feedbackId": "%s", "kind": "COMPLAINT", "unitCode": "%s", "dossierId": "HS-2025-000123",
                 "subject": "Hẹn trả kết quả nhiều lần", "receivedAt": "%s"}""".formatted(feedbackId, unit, receivedAt);
    }

    private List<Class<?>> eventTypes(String feedbackId) {
        return engine.readEvents(FeedbackIds.streamOf(feedbackId)).asStream()
                     .<Class<?>>map(DomainEventMessage::getPayloadType).toList();
    }

    @Test
    void feedbackIsReceivedWithItsDueTimeAndLocatedOnTheQuerySideThenAnsweredOnTime() {
        String unit = registeredUnit();
        String id = unique("GY");

        ResponseEntity<JsonNode> received = as(Role.CLERK, unit, "/api/v1/feedback",
                                               complaint(id, unit, "2025-07-04T10:00:00+07:00"));

        assertThat(received.getStatusCode()).as(String.valueOf(received.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(received.getHeaders().getLocation()).hasToString(querySide + "/api/v1/feedback/" + id);
        JsonNode body = received.getBody();
        assertThat(body.path("feedbackId").asText()).isEqualTo(id);
        assertThat(body.path("kind").asText()).isEqualTo("COMPLAINT");
        assertThat(body.path("unitCode").asText()).isEqualTo(unit);
        assertThat(body.path("dossierId").asText()).isEqualTo("HS-2025-000123");
        assertThat(body.path("subject").asText()).isEqualTo("Hẹn trả kết quả nhiều lần");
        assertThat(body.path("receivedAt").asText()).isEqualTo("2025-07-04T10:00:00+07:00");
        assertThat(body.path("dueAt").asText()).isEqualTo("2025-07-18T10:00:00+07:00");
        assertThat(body.path("status").asText()).isEqualTo("OPEN");
        assertThat(body.path("position").asLong()).isEqualTo(engine.headPosition());

        ResponseEntity<JsonNode> answered = as(Role.UNIT_HEAD, unit, "/api/v1/feedback/" + id + "/answer", """
                {"answer": "Đã trả kết quả ngày 07/7/2025", "answeredAt": "2025-07-18T10:00:00+07:00"}""");

        assertThat(answered.getStatusCode()).as(String.valueOf(answered.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody().path("feedbackId").asText()).isEqualTo(id);
        assertThat(answered.getBody().path("status").asText()).isEqualTo("ANSWERED");
        assertThat(answered.getBody().path("answeredAt").asText()).isEqualTo("2025-07-18T10:00:00+07:00");
        assertThat(answered.getBody().path("dueAt").asText()).isEqualTo("2025-07-18T10:00:00+07:00");
        assertThat(answered.getBody().path("onTime").asBoolean()).isTrue();
        assertThat(answered.getBody().path("position").asLong()).isEqualTo(engine.headPosition());
        assertThat(eventTypes(id)).containsExactly(FeedbackReceivedEvent.class, FeedbackAnsweredEvent.class);
    }

    @Test
    void anAnswerAfterTheDueTimeIsLate() {
        String unit = registeredUnit();
        String id = unique("GY");
        as(Role.CLERK, unit, "/api/v1/feedback", complaint(id, unit, "2025-07-04T10:00:00+07:00"));

        ResponseEntity<JsonNode> answered = as(Role.UNIT_HEAD, unit, "/api/v1/feedback/" + id + "/answer", """
                {"answer": "Đã xử lý", "answeredAt": "2025-07-21T08:00:00+07:00"}""");

        assertThat(answered.getBody().path("onTime").asBoolean()).isFalse();
    }

    @Test
    void feedbackWithoutAnIdOrATimeGetsAGeneratedIdAndIsReceivedNow() {
        String unit = registeredUnit();

        ResponseEntity<JsonNode> received = as(Role.UNIT_HEAD, unit, "/api/v1/feedback", """
                {"kind": "SUGGESTION", "unitCode": "%s", "subject": "Thêm ghế chờ ở bộ phận một cửa"}"""
                .formatted(unit));

        assertThat(received.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = received.getBody().path("feedbackId").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(received.getHeaders().getLocation()).hasToString(querySide + "/api/v1/feedback/" + id);
        assertThat(received.getBody().path("dossierId").isNull()).isTrue();
        assertThat(received.getBody().path("dueAt").asText()).isGreaterThan(received.getBody().path("receivedAt").asText());
        assertThat(eventTypes(id)).containsExactly(FeedbackReceivedEvent.class);
    }

    @Test
    void anIdUsedBeforeIsAConflict() {
        String unit = registeredUnit();
        String id = unique("GY");
        as(Role.CLERK, unit, "/api/v1/feedback", complaint(id, unit, "2025-07-04T10:00:00+07:00"));

        assertProblem(refused(Role.CLERK, unit, "/api/v1/feedback", complaint(id, unit, "2025-07-07T10:00:00+07:00")),
                      HttpStatus.CONFLICT, "rule-violation");
    }

    @Test
    void anUnknownUnitIsNotFoundAndADissolvedOneAConflict() {
        String dissolved = registeredUnit();
        assertThat(post("/api/v1/units/" + dissolved + "/dissolution", """
                {"effectiveDate": "2025-07-02", "decisionNo": "88/NQ-HĐND"}""").getStatusCode().value()).isEqualTo(200);

        assertProblem(refused(Role.CLERK, "XA-NOWHERE", "/api/v1/feedback",
                              complaint(unique("GY"), "XA-NOWHERE", "2025-07-04T10:00:00+07:00")),
                      HttpStatus.NOT_FOUND, "unknown-reference");
        assertProblem(refused(Role.CLERK, dissolved, "/api/v1/feedback",
                              complaint(unique("GY"), dissolved, "2025-07-02T08:00:00+07:00")),
                      HttpStatus.CONFLICT, "rule-violation");
    }

    @Test
    void invalidBodiesAndTimesAreBadRequests() {
        String unit = registeredUnit();
        for (String body : List.of(
                complaint(unique("GY"), unit, "2999-01-01T10:00:00+07:00"),
                complaint(unique("GY"), unit, "1999-12-31T10:00:00+07:00"),
                complaint("GY/" + unique("1"), unit, "2025-07-04T10:00:00+07:00"),
                """
                {"kind": "PRAISE", "unitCode": "%s", "subject": "x"}""".formatted(unit),
                """
                {"kind": "COMPLAINT", "unitCode": "%s", "subject": ""}""".formatted(unit),
                """
                {"kind": "COMPLAINT", "unitCode": "%s", "subject": "%s"}""".formatted(unit, "x".repeat(501)),
                """
                {"kind": "COMPLAINT", "unitCode": "%s", "subject": "Bà B, điện thoại 0912345678"}""".formatted(unit),
                """
                {"kind": "COMPLAINT", "unitCode": "%s", "dossierId": "HS 1", "subject": "x"}""".formatted(unit))) {
            ResponseEntity<JsonNode> response = refused(Role.CLERK, unit, "/api/v1/feedback", body);
            assertThat(response.getStatusCode()).as(body + " → " + response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .isTrue();
        }
    }

    @Test
    void anAnswerToUnknownFeedbackIsNotFoundAndASecondOneOrOneBeforeTheReceiptAConflict() {
        String unit = registeredUnit();
        String id = unique("GY");
        as(Role.CLERK, unit, "/api/v1/feedback", complaint(id, unit, "2025-07-04T10:00:00+07:00"));

        assertProblem(refused(Role.UNIT_HEAD, unit, "/api/v1/feedback/" + unique("GY") + "/answer", """
                {"answer": "Đã xử lý"}"""), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(refused(Role.UNIT_HEAD, unit, "/api/v1/feedback/" + id + "/answer", """
                {"answer": "Đã xử lý", "answeredAt": "2025-07-04T09:00:00+07:00"}"""),
                      HttpStatus.CONFLICT, "rule-violation");
        assertThat(as(Role.UNIT_HEAD, unit, "/api/v1/feedback/" + id + "/answer", """
                {"answer": "Đã xử lý", "answeredAt": "2025-07-10T09:00:00+07:00"}""").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertProblem(refused(Role.UNIT_HEAD, unit, "/api/v1/feedback/" + id + "/answer", """
                {"answer": "Lần nữa"}"""), HttpStatus.CONFLICT, "rule-violation");
        assertThat(refused(Role.UNIT_HEAD, unit, "/api/v1/feedback/" + id + "/answer", """
                {"answer": ""}""").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aClerkOfAnotherUnitMayNotReceiveFeedbackAboutThisUnit() {
        String unit = registeredUnit();
        String other = registeredUnit();

        assertProblem(refused(Role.CLERK, other, "/api/v1/feedback",
                              complaint(unique("GY"), unit, "2025-07-04T10:00:00+07:00")),
                      HttpStatus.FORBIDDEN, "forbidden");
    }

    @Test
    void aClerkMayNotAnswerNorMayTheUnitHeadOfAnotherUnit() {
        String unit = registeredUnit();
        String other = registeredUnit();
        String id = unique("GY");
        as(Role.CLERK, unit, "/api/v1/feedback", complaint(id, unit, "2025-07-04T10:00:00+07:00"));
        String answer = """
                {"answer": "Đã xử lý", "answeredAt": "2025-07-10T09:00:00+07:00"}""";

        assertProblem(refused(Role.CLERK, unit, "/api/v1/feedback/" + id + "/answer", answer),
                      HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(refused(Role.UNIT_HEAD, other, "/api/v1/feedback/" + id + "/answer", answer),
                      HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(refused(Role.ADMIN, null, "/api/v1/feedback/" + id + "/answer", answer),
                      HttpStatus.FORBIDDEN, "forbidden");
        assertThat(eventTypes(id)).containsExactly(FeedbackReceivedEvent.class);
    }
}
