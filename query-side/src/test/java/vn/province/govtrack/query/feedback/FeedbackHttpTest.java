package vn.province.govtrack.query.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.feedback.FeedbackAnsweredEvent;
import vn.province.govtrack.kernel.feedback.FeedbackIds;
import vn.province.govtrack.kernel.feedback.FeedbackKind;
import vn.province.govtrack.kernel.feedback.FeedbackReceivedEvent;
import vn.province.govtrack.query.ActingOfficials;
import vn.province.govtrack.query.QuerySideHttpTest;
import vn.province.govtrack.security.Role;

/**
 * The feedback queries over HTTP, from events appended to the store: who sees what, the filters and pages,
 * {@code overdue} judged when asked, and a rebuild that answers the same. The units are this class's own, so
 * it shares the store with the other tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackHttpTest extends QuerySideHttpTest {

    private static final String UNIT = "FB-XA-A";
    private static final String OTHER_UNIT = "FB-XA-B";
    private static final Instant RECEIVED = Instant.parse("2025-07-04T03:00:00Z");
    private static final Instant DUE = Instant.parse("2025-07-18T03:00:00Z");

    @Autowired
    private EventStore eventStore;

    private long head;
    /** Open, and due a year after now: not overdue. */
    private Instant dueLater;

    @BeforeAll
    void receiveAndAnswerFeedback() {
        append("FB-GY-1", 0, new FeedbackReceivedEvent("FB-GY-1", FeedbackKind.COMPLAINT, UNIT, "HS-1",
                                                       "Hẹn trả nhiều lần", RECEIVED, DUE));
        append("FB-GY-1", 1, new FeedbackAnsweredEvent("FB-GY-1", UNIT, "Đã trả kết quả", DUE.minusSeconds(60), DUE,
                                                       true));
        append("FB-GY-2", 0, new FeedbackReceivedEvent("FB-GY-2", FeedbackKind.SUGGESTION, UNIT, null, "Thêm ghế chờ",
                                                       RECEIVED, DUE));
        dueLater = Instant.now().plus(Duration.ofDays(365));
        append("FB-GY-3", 0, new FeedbackReceivedEvent("FB-GY-3", FeedbackKind.COMPLAINT, UNIT, null, "Thái độ",
                                                       Instant.now().minusSeconds(3600), dueLater));
        append("FB-GY-4", 0, new FeedbackReceivedEvent("FB-GY-4", FeedbackKind.COMPLAINT, OTHER_UNIT, null, "Chờ lâu",
                                                       RECEIVED, DUE));
    }

    @Test
    void oneFeedbackShowsItsDueTimeAnswerAndVerdict() {
        ResponseEntity<JsonNode> answer = get("/api/v1/feedback/FB-GY-1", Role.CLERK, UNIT);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getFirst("X-Projection-Position")).isNotNull();
        JsonNode feedback = answer.getBody();
        assertThat(feedback.path("feedbackId").asText()).isEqualTo("FB-GY-1");
        assertThat(feedback.path("kind").asText()).isEqualTo("COMPLAINT");
        assertThat(feedback.path("unitCode").asText()).isEqualTo(UNIT);
        assertThat(feedback.path("dossierId").asText()).isEqualTo("HS-1");
        assertThat(feedback.path("subject").asText()).isEqualTo("Hẹn trả nhiều lần");
        assertThat(feedback.path("receivedAt").asText()).isEqualTo("2025-07-04T10:00:00+07:00");
        assertThat(feedback.path("dueAt").asText()).isEqualTo("2025-07-18T10:00:00+07:00");
        assertThat(feedback.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(feedback.path("answeredAt").asText()).isEqualTo("2025-07-18T09:59:00+07:00");
        assertThat(feedback.path("onTime").asBoolean()).isTrue();
        assertThat(feedback.path("overdue").asBoolean()).isFalse();
    }

    @Test
    void openFeedbackIsOverdueOnlyOncePastItsDueTime() {
        JsonNode pastDue = get("/api/v1/feedback/FB-GY-2", Role.AUDITOR, null).getBody();
        assertThat(pastDue.path("status").asText()).isEqualTo("OPEN");
        assertThat(pastDue.path("answeredAt").isNull()).isTrue();
        assertThat(pastDue.path("onTime").isNull()).isTrue();
        assertThat(pastDue.path("overdue").asBoolean()).isTrue();

        JsonNode notYetDue = get("/api/v1/feedback/FB-GY-3", Role.HOME_AFFAIRS, null).getBody();
        assertThat(notYetDue.path("status").asText()).isEqualTo("OPEN");
        assertThat(notYetDue.path("overdue").asBoolean()).isFalse();
    }

    @Test
    void aClerkOrUnitHeadReadsOnlyTheFeedbackAboutItsOwnUnit() {
        assertProblem(get("/api/v1/feedback/FB-GY-4", Role.CLERK, UNIT), HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(get("/api/v1/feedback?unitCode=" + OTHER_UNIT, Role.UNIT_HEAD, UNIT), HttpStatus.FORBIDDEN,
                      "forbidden");
        assertThat(get("/api/v1/feedback/FB-GY-4", Role.UNIT_HEAD, OTHER_UNIT).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        JsonNode own = get("/api/v1/feedback", Role.CLERK, OTHER_UNIT).getBody();
        assertThat(own.path("content")).extracting(f -> f.path("feedbackId").asText()).containsExactly("FB-GY-4");
        assertThat(own.path("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void listsAreFilteredByUnitAndStatusAndPaged() {
        JsonNode firstPage = get("/api/v1/feedback?unitCode=" + UNIT + "&size=2", Role.HOME_AFFAIRS, null).getBody();
        assertThat(firstPage.path("content")).extracting(f -> f.path("feedbackId").asText())
                .containsExactly("FB-GY-1", "FB-GY-2");
        assertThat(firstPage.path("totalElements").asLong()).isEqualTo(3);
        assertThat(firstPage.path("totalPages").asLong()).isEqualTo(2);
        assertThat(firstPage.path("next").asText()).isEqualTo("/api/v1/feedback?unitCode=" + UNIT + "&page=1&size=2");
        assertThat(firstPage.path("asOf").asText()).isNotBlank();
        JsonNode secondPage = get(firstPage.path("next").asText(), Role.HOME_AFFAIRS, null).getBody();
        assertThat(secondPage.path("content")).extracting(f -> f.path("feedbackId").asText())
                .containsExactly("FB-GY-3");
        assertThat(secondPage.path("next").isNull()).isTrue();

        JsonNode open = get("/api/v1/feedback?unitCode=" + UNIT + "&status=OPEN", Role.ADMIN, null).getBody();
        assertThat(open.path("content")).extracting(f -> f.path("feedbackId").asText())
                .containsExactly("FB-GY-2", "FB-GY-3");
        assertThat(open.path("content")).extracting(f -> f.path("overdue").asBoolean()).containsExactly(true, false);
        JsonNode answered = get("/api/v1/feedback?unitCode=" + UNIT + "&status=answered", Role.CLERK, UNIT).getBody();
        assertThat(answered.path("content")).extracting(f -> f.path("feedbackId").asText())
                .containsExactly("FB-GY-1");
    }

    @Test
    void unknownFeedbackIsNotFoundAndBadFiltersAreBadRequests() {
        assertProblem(get("/api/v1/feedback/FB-NOWHERE", Role.AUDITOR, null), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(get("/api/v1/feedback?status=LATE", Role.AUDITOR, null), HttpStatus.BAD_REQUEST, "invalid-input");
        assertThat(get("/api/v1/feedback?size=0", Role.AUDITOR, null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("/api/v1/feedback?unitCode=%7B%24ne%7D", Role.AUDITOR, null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aRebuildFromTheFirstEventGivesTheSameAnswers() throws InterruptedException {
        String before = get("/api/v1/feedback?unitCode=" + UNIT, Role.AUDITOR, null).getBody().path("content")
                .toString();
        String one = get("/api/v1/feedback/FB-GY-1", Role.AUDITOR, null).getBody().toString();

        HttpHeaders admin = new HttpHeaders();
        admin.setBearerAuth(ActingOfficials.token(minter, Role.ADMIN, null));
        assertThat(rest.exchange("/api/v1/admin/projections/feedback/rebuild", HttpMethod.POST,
                                 new HttpEntity<>(admin), JsonNode.class).getStatusCode().value()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode status;
        do {
            Thread.sleep(50);
            status = rest.exchange("/api/v1/admin/projections", HttpMethod.GET, new HttpEntity<>(admin), JsonNode.class)
                         .getBody().get("projections").findParents("name").stream()
                         .filter(p -> p.get("name").asText().equals("feedback")).findFirst().orElseThrow();
        } while ((status.get("replaying").asBoolean() || status.get("progress").asInt() < 100)
                 && System.nanoTime() < deadline);

        assertThat(status.get("progress").asInt()).isEqualTo(100);
        assertThat(get("/api/v1/feedback?unitCode=" + UNIT, Role.AUDITOR, null).getBody().path("content").toString())
                .isEqualTo(before);
        assertThat(get("/api/v1/feedback/FB-GY-1", Role.AUDITOR, null).getBody().toString()).isEqualTo(one);
    }

    /** Read as {@code role} (of {@code unit} when unit-bound), after the projection has caught up with the events above. */
    private ResponseEntity<JsonNode> get(String path, Role role, String unit) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(ActingOfficials.token(minter, role, unit));
        headers.set("X-Min-Position", String.valueOf(head));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private void append(String feedbackId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Feedback", FeedbackIds.streamOf(feedbackId), sequence,
                                                           payload, Map.of(EventMetadata.ACTOR, "clerk"),
                                                           UUID.randomUUID().toString(), Instant.now()));
        head = ((GlobalSequenceTrackingToken) eventStore.createHeadToken()).getGlobalIndex();
    }
}
