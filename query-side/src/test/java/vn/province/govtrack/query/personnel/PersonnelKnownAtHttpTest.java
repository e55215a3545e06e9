package vn.province.govtrack.query.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.staff.StaffEvents.IT;
import static vn.province.govtrack.query.staff.StaffEvents.day;
import static vn.province.govtrack.query.staff.StaffEvents.recruited;
import static vn.province.govtrack.query.staff.StaffEvents.seconded;
import static vn.province.govtrack.query.staff.StaffEvents.transferred;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.staff.StaffIds;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitIds;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.QuerySideHttpTest;

/**
 * An auditor takes the staffing review at T; the province's Home Affairs then records more: a recruitment
 * and a transfer backdated into the audited period, a secondment, a quota raised from the start of the year.
 * Asked again "as known at T", the review is the one taken at T, byte for byte, while the review of
 * everything recorded has changed. A store of its own: the review covers every unit there is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.data.mongodb.database=personnel-known-at")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonnelKnownAtHttpTest extends QuerySideHttpTest {

    private static final String AUDIT = "/api/v1/personnel/audit?asOf=2025-09-01";
    private static final String REBALANCING = "/api/v1/personnel/rebalancing?asOf=2025-09-01";

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine engine;

    private final Map<String, Long> sequences = new HashMap<>();
    private long seeded;
    private String auditAtT;
    private String rebalancingAtT;
    private Instant t;
    private long recordedLater;

    @BeforeAll
    void anAuditorTakesTheReviewAtTAndMoreIsRecordedAfterwards() throws InterruptedException {
        unit("SO", "Sở Nội vụ", UnitKind.DEPARTMENT);
        unit("XA", "Xã Tân Lập", UnitKind.COMMUNE);
        quota(new StaffingQuotaSetEvent("SO", IT, 1, day("2025-01-01"), "Q-SO"));
        quota(new StaffingQuotaSetEvent("XA", IT, 2, day("2025-01-01"), "Q-XA"));
        staff("CB-1", recruited("CB-1", "SO", IT, "2024-01-01"));
        staff("CB-2", recruited("CB-2", "SO", IT, "2024-01-01"));
        seeded = staff("CB-3", recruited("CB-3", "SO", IT, "2024-01-01"));

        auditAtT = body(get(AUDIT + "&minPosition=" + seeded));
        rebalancingAtT = body(get(REBALANCING + "&minPosition=" + seeded));
        t = Instant.now();
        Thread.sleep(20);

        staff("CB-4", recruited("CB-4", "XA", IT, "2025-03-01"));
        staff("CB-2", transferred("CB-2", "SO", IT, "XA", "2025-08-01"));
        staff("CB-1", seconded("CB-1", 1, "SO", IT, "XA", "2025-07-01", "2025-12-31"));
        recordedLater = quota(new StaffingQuotaSetEvent("XA", IT, 4, day("2025-01-01"), "Q-XA-2"));
    }

    @Test
    void the_review_as_known_at_T_is_the_review_taken_at_T_byte_for_byte() {
        ResponseEntity<String> now = get(AUDIT + "&minPosition=" + recordedLater);
        ResponseEntity<String> knownAtT = get(AUDIT + "&knownAt=" + inTheProvincesZone(t));

        assertThat(now.getBody()).as("what was recorded since changes the review").isNotEqualTo(auditAtT);
        assertThat(knownAtT.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(knownAtT.getBody()).isEqualTo(auditAtT);
        assertThat(knownAtT.getHeaders().getFirst("X-Known-At-Position")).isEqualTo(Long.toString(seeded));
    }

    @Test
    void the_rebalancing_as_known_at_T_is_the_one_proposed_at_T() {
        ResponseEntity<String> now = get(REBALANCING + "&minPosition=" + recordedLater);

        assertThat(now.getBody()).isNotEqualTo(rebalancingAtT);
        assertThat(get(REBALANCING + "&knownAt=" + inTheProvincesZone(t)).getBody()).isEqualTo(rebalancingAtT);
    }

    @Test
    void known_now_the_review_is_the_review_of_everything_recorded() {
        ResponseEntity<String> now = get(AUDIT + "&minPosition=" + recordedLater);

        assertThat(get(AUDIT + "&knownAt=" + inTheProvincesZone(Instant.now())).getBody()).isEqualTo(now.getBody());
    }

    @Test
    void a_knownAt_in_the_future_or_without_an_offset_is_invalid_input() {
        ResponseEntity<JsonNode> future = rest.exchange(URI.create(rest.getRootUri() + AUDIT + "&knownAt="
                        + inTheProvincesZone(Instant.now().plus(1, ChronoUnit.HOURS))), HttpMethod.GET,
                new HttpEntity<>(new HttpHeaders()), JsonNode.class);
        ResponseEntity<JsonNode> noOffset = rest.exchange(URI.create(rest.getRootUri() + AUDIT
                        + "&knownAt=2025-09-01T10:00:00"), HttpMethod.GET, new HttpEntity<>(new HttpHeaders()),
                JsonNode.class);

        assertProblem(future, HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(noOffset, HttpStatus.BAD_REQUEST, "invalid-input");
    }

    @Test
    void the_lists_kept_only_as_they_are_now_refuse_knownAt_rather_than_answer_the_present() {
        for (String list : List.of("/api/v1/personnel/secondments", "/api/v1/personnel/accounts")) {
            ResponseEntity<JsonNode> answer = rest.exchange(URI.create(rest.getRootUri() + list + "?knownAt="
                    + inTheProvincesZone(t)), HttpMethod.GET, new HttpEntity<>(new HttpHeaders()), JsonNode.class);

            assertProblem(answer, HttpStatus.BAD_REQUEST, "invalid-input");
        }
    }

    /** An instant as an auditor in the province writes it, e.g. 2025-09-01T17:00:00.123+07:00, URL-safe. */
    private static String inTheProvincesZone(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(7)).toString().replace("+", "%2B");
    }

    private static String body(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<String> get(String path) {
        return rest.exchange(URI.create(rest.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(new HttpHeaders()),
                             String.class);
    }

    private void unit(String code, String name, UnitKind kind) {
        append(UnitIds.streamOf(code), "Unit", new UnitRegisteredEvent(code, name, kind));
    }

    private long quota(StaffingQuotaSetEvent event) {
        return append(UnitIds.streamOf(event.unitCode()), "Unit", event);
    }

    private long staff(String staffId, Object event) {
        return append(StaffIds.streamOf(staffId), "Staff", event);
    }

    private long append(String streamId, String type, Object payload) {
        long sequence = sequences.merge(streamId, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>(type, streamId, sequence, payload,
                                                           Map.of(EventMetadata.ACTOR, "hr.officer"),
                                                           UUID.randomUUID().toString(),
                                                           Instant.parse("2025-06-01T01:00:00Z")));
        var head = engine.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }
}
