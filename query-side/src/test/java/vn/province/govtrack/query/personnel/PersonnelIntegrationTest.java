package vn.province.govtrack.query.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.province.govtrack.query.staff.StaffEvents.ENVIRONMENT;
import static vn.province.govtrack.query.staff.StaffEvents.IT;
import static vn.province.govtrack.query.staff.StaffEvents.account;
import static vn.province.govtrack.query.staff.StaffEvents.day;
import static vn.province.govtrack.query.staff.StaffEvents.departed;
import static vn.province.govtrack.query.staff.StaffEvents.expired;
import static vn.province.govtrack.query.staff.StaffEvents.recruited;
import static vn.province.govtrack.query.staff.StaffEvents.seconded;
import static vn.province.govtrack.query.staff.StaffEvents.transferred;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.staff.StaffIds;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitIds;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.QuerySideHttpTest;

/**
 * Staff and personnel queries as a client meets them: events appended through the real engine on a
 * wire-protocol server, read back over HTTP. The province: a department (SO) with three IT officers
 * for two positions, a commune (XA) with two IT positions and none filled, a ward (PH) with one.
 * CB-1 is seconded from SO to XA for the second half of 2025; CB-3 is transferred to PH from
 * 1 October 2025; CB-4, the commune's environment officer, retires on 1 September 2025. A second
 * commune (XB), with one environment position and nobody in it, is dissolved from 1 September 2025.
 *
 * <p>A store of its own: the staffing review covers every unit there is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.data.mongodb.database=personnel")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonnelIntegrationTest extends QuerySideHttpTest {

    private static final Map<String, String> METADATA = Map.of(EventMetadata.ACTOR, "hr.officer",
                                                               EventMetadata.CORRELATION_ID, "request-9",
                                                               EventMetadata.CAUSATION_ID, "command-9");

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    MongoProperties mongoProperties;

    private final Map<String, Long> sequences = new HashMap<>();
    private long seeded;

    @BeforeAll
    void seedTheProvince() {
        unit("SO", "Sở Thông tin và Truyền thông", UnitKind.DEPARTMENT);
        unit("XA", "Xã Tân Lập", UnitKind.COMMUNE);
        unit("PH", "Phường Hòa Bình", UnitKind.WARD);
        quota(new StaffingQuotaSetEvent("SO", IT, 2, day("2025-01-01"), "Q-SO"));
        quota(new StaffingQuotaSetEvent("XA", IT, 2, day("2025-01-01"), "Q-XA"));
        quota(new StaffingQuotaSetEvent("PH", IT, 1, day("2025-01-01"), "Q-PH"));
        quota(new StaffingQuotaSetEvent("XA", ENVIRONMENT, 1, day("2025-01-01"), "Q-XA-ENV"));
        unit("XB", "Xã Tân Hòa", UnitKind.COMMUNE);
        quota(new StaffingQuotaSetEvent("XB", ENVIRONMENT, 1, day("2025-01-01"), "Q-XB-ENV"));
        append(UnitIds.streamOf("XB"), "Unit", new UnitDissolvedEvent("XB", day("2025-09-01"), "88/NQ-HĐND"));
        staff("CB-1", recruited("CB-1", "SO", IT, "2024-01-01"));
        staff("CB-2", recruited("CB-2", "SO", IT, "2024-01-01"));
        staff("CB-3", recruited("CB-3", "SO", IT, "2024-01-01"));
        staff("CB-4", recruited("CB-4", "XA", ENVIRONMENT, "2024-06-01"));
        staff("CB-1", seconded("CB-1", 1, "SO", IT, "XA", "2025-07-01", "2025-12-31"));
        staff("CB-1", account("CB-1", "cb1.xa", "XA", "2025-07-02"));
        staff("CB-3", transferred("CB-3", "SO", IT, "PH", "2025-10-01"));
        staff("CB-4", departed("CB-4", "XA", "2025-09-01"));
        seeded = staff("CB-1", expired("CB-1", 1, "XA", "2026-01-01"));
    }

    // ------------------------------------------------------------------ staff

    @Test
    void aSecondedPersonWorksAtTheHostUnitWhileStayingOnTheHomeUnitsStaff() {
        JsonNode during = get("/api/v1/staff/CB-1?asOf=2025-08-01&minPosition=" + seeded).getBody();
        JsonNode after = get("/api/v1/staff/CB-1?asOf=2026-01-01").getBody();

        assertThat(during.get("status").asText()).isEqualTo("SECONDED");
        assertThat(during.get("unitCode").asText()).isEqualTo("SO");
        assertThat(during.get("field").asText()).isEqualTo(IT);
        assertThat(during.get("worksAt").asText()).isEqualTo("XA");
        assertThat(during.get("secondedTo").get("toUnitCode").asText()).isEqualTo("XA");
        assertThat(during.get("secondedTo").get("until").asText()).isEqualTo("2025-12-31");
        assertThat(during.get("secondedTo").get("decisionNo").asText()).isEqualTo("S/CB-1/1");
        assertThat(during.get("accounts").findValuesAsText("account")).containsExactly("cb1.xa");
        assertThat(during.get("lastPosition").asLong()).isEqualTo(seeded);
        assertThat(after.get("status").asText()).isEqualTo("IN_SERVICE");
        assertThat(after.get("worksAt").asText()).isEqualTo("SO");
        assertThat(after.get("secondedTo").isNull()).isTrue();
    }

    @Test
    void aFutureDatedTransferIsUpcomingUntilItsEffectiveDate() {
        JsonNode before = get("/api/v1/staff/CB-3?asOf=2025-09-30&minPosition=" + seeded).getBody();
        JsonNode from = get("/api/v1/staff/CB-3?asOf=2025-10-01").getBody();

        assertThat(before.get("unitCode").asText()).isEqualTo("SO");
        assertThat(before.get("upcoming").findValuesAsText("kind")).containsExactly("TRANSFERRED");
        assertThat(before.get("upcoming").get(0).get("effectiveDate").asText()).isEqualTo("2025-10-01");
        assertThat(from.get("unitCode").asText()).isEqualTo("PH");
        assertThat(from.get("assignedFrom").asText()).isEqualTo("2025-10-01");
        assertThat(from.get("upcoming")).isEmpty();
    }

    @Test
    void aDepartedPersonShowsTheLastAssignmentAndTheDeparture() {
        JsonNode departed = get("/api/v1/staff/CB-4?asOf=2025-09-01&minPosition=" + seeded).getBody();

        assertThat(departed.get("status").asText()).isEqualTo("DEPARTED");
        assertThat(departed.get("unitCode").asText()).isEqualTo("XA");
        assertThat(departed.get("worksAt").isNull()).isTrue();
        assertThat(departed.get("departure").get("effectiveDate").asText()).isEqualTo("2025-09-01");
        assertThat(departed.get("departure").get("reason").asText()).isEqualTo("retirement");
    }

    @Test
    void theHistoryListsEveryMovementByEffectiveDateWithItsDecisionAndRecording() {
        ResponseEntity<JsonNode> response = get("/api/v1/staff/CB-1/history?minPosition=" + seeded);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Long.parseLong(response.getHeaders().getFirst("X-Projection-Position"))).isGreaterThanOrEqualTo(seeded);
        JsonNode movements = response.getBody().get("movements");
        assertThat(movements.findValuesAsText("kind"))
                .containsExactly("RECRUITED", "SECONDED", "ACCOUNT_PROVISIONED", "SECONDMENT_ENDED");
        assertThat(movements.findValuesAsText("effectiveDate"))
                .containsExactly("2024-01-01", "2025-07-01", "2025-07-02", "2026-01-01");
        assertThat(movements.get(0).get("decisionNo").asText()).isEqualTo("R/CB-1");
        assertThat(movements.get(1).get("decisionNo").asText()).isEqualTo("S/CB-1/1");
        assertThat(movements.get(1).get("toUnitCode").asText()).isEqualTo("XA");
        assertThat(movements.get(3).get("detail").asText()).isEqualTo("EXPIRED");
        assertThat(movements.get(3).get("eventPosition").asLong()).isEqualTo(seeded);
        assertThat(movements.get(0).get("actor").asText()).isEqualTo("hr.officer");
        assertThat(movements.get(0).get("recordedAt").asText()).endsWith("+07:00");
    }

    @Test
    void anUnknownPersonIsNotFoundAndAMalformedDayIsABadRequest() {
        assertProblem(get("/api/v1/staff/CB-NOBODY"), HttpStatus.NOT_FOUND, "staff-not-found");
        assertProblem(get("/api/v1/staff/CB-NOBODY/history"), HttpStatus.NOT_FOUND, "staff-not-found");
        assertProblem(get("/api/v1/staff/CB-1?asOf=yesterday"), HttpStatus.BAD_REQUEST, "invalid-input");
    }

    // ------------------------------------------------------------------ staffing review (/personnel/audit)

    @Test
    void theStaffingReviewOfADayComparesEachUnitsEffectiveHeadcountWithItsQuota() {
        JsonNode review = get("/api/v1/personnel/audit?field=" + IT + "&asOf=2025-08-01&minPosition=" + seeded).getBody();

        assertThat(review.get("asOf").asText()).isEqualTo("2025-08-01");
        assertThat(rowsOf(review)).containsExactly(
                "PH quota=1 own=0 in=0 out=0 effective=0 gap=-1 SHORTAGE",
                "SO quota=2 own=3 in=0 out=1 effective=2 gap=0 BALANCED",
                "XA quota=2 own=0 in=1 out=0 effective=1 gap=-1 SHORTAGE");
        JsonNode total = review.get("totals").get(0);
        assertThat(total.get("field").asText()).isEqualTo(IT);
        assertThat(total.get("quota").asInt()).isEqualTo(5);
        assertThat(total.get("effective").asInt()).isEqualTo(3);
        assertThat(total.get("secondedIn").asInt()).isEqualTo(1);
        assertThat(total.get("secondedOut").asInt()).isEqualTo(1);
        assertThat(total.get("shortage").asInt()).isEqualTo(2);
        assertThat(total.get("state").asText()).isEqualTo("SHORTAGE");
    }

    @Test
    void futureDatedMovementsAndExpiriesCountFromTheirDates() {
        assertThat(rowsOf(get("/api/v1/personnel/audit?field=" + IT + "&asOf=2025-10-01&minPosition=" + seeded)
                                  .getBody())).containsExactly(
                "PH quota=1 own=1 in=0 out=0 effective=1 gap=0 BALANCED",
                "SO quota=2 own=2 in=0 out=1 effective=1 gap=-1 SHORTAGE",
                "XA quota=2 own=0 in=1 out=0 effective=1 gap=-1 SHORTAGE");
        assertThat(rowsOf(get("/api/v1/personnel/audit?field=" + IT + "&asOf=2026-01-01").getBody())).containsExactly(
                "PH quota=1 own=1 in=0 out=0 effective=1 gap=0 BALANCED",
                "SO quota=2 own=2 in=0 out=0 effective=2 gap=0 BALANCED",
                "XA quota=2 own=0 in=0 out=0 effective=0 gap=-2 SHORTAGE");
        assertThat(rowsOf(get("/api/v1/personnel/audit?unitCode=XA&field=" + ENVIRONMENT + "&asOf=2025-09-01")
                                  .getBody())).containsExactly(
                "XA quota=1 own=0 in=0 out=0 effective=0 gap=-1 SHORTAGE");
    }

    @Test
    void theStaffingReviewCanListOnlyTheUnitsShortPageByPage() {
        // on 1 September the ward and the commune lack IT staff, and the commune's environment officer has retired
        JsonNode first = get("/api/v1/personnel/audit?state=SHORTAGE&asOf=2025-09-01&size=2&minPosition=" + seeded)
                .getBody();

        assertThat(first.get("totalRows").asInt()).isEqualTo(3);
        assertThat(first.get("rows")).hasSize(2);
        assertThat(first.get("next").asText()).contains("page=1").contains("state=SHORTAGE");
        JsonNode second = get(first.get("next").asText()).getBody();
        assertThat(second.get("rows")).hasSize(1);
        assertThat(second.get("rows").get(0).get("field").asText()).isEqualTo(ENVIRONMENT);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(first.get("totals")).hasSize(2);
    }

    @Test
    void fromItsDissolutionDateAUnitIsListedAsDissolvedAndNoLongerShort() {
        assertThat(rowsOf(get("/api/v1/personnel/audit?unitCode=XB&asOf=2025-08-31&minPosition=" + seeded).getBody()))
                .containsExactly("XB quota=1 own=0 in=0 out=0 effective=0 gap=-1 SHORTAGE");
        assertThat(rowsOf(get("/api/v1/personnel/audit?unitCode=XB&asOf=2025-09-01").getBody()))
                .containsExactly("XB quota=0 own=0 in=0 out=0 effective=0 gap=0 DISSOLVED");

        JsonNode shortOfEnvironment = get("/api/v1/personnel/audit?state=SHORTAGE&field=" + ENVIRONMENT
                                          + "&asOf=2025-09-01").getBody();
        assertThat(shortOfEnvironment.get("rows").findValuesAsText("unitCode")).containsExactly("XA");
        assertThat(shortOfEnvironment.get("totals").get(0).get("shortage").asInt()).isEqualTo(1);
        assertThat(shortOfEnvironment.get("totals").get(0).get("quota").asInt()).isEqualTo(1);
    }

    @Test
    void secondmentsRunningOnADayAreListedWithTheDaysLeft() {
        JsonNode running = get("/api/v1/personnel/secondments?asOf=2025-12-15&endingWithinDays=30&minPosition=" + seeded)
                .getBody();
        JsonNode notSoSoon = get("/api/v1/personnel/secondments?asOf=2025-12-15&endingWithinDays=10").getBody();
        JsonNode atTheHost = get("/api/v1/personnel/secondments?asOf=2025-08-01&unitCode=XA").getBody();
        JsonNode afterwards = get("/api/v1/personnel/secondments?asOf=2026-01-01").getBody();

        assertThat(running.get("secondments")).hasSize(1);
        JsonNode secondment = running.get("secondments").get(0);
        assertThat(secondment.get("staffId").asText()).isEqualTo("CB-1");
        assertThat(secondment.get("homeUnitCode").asText()).isEqualTo("SO");
        assertThat(secondment.get("toUnitCode").asText()).isEqualTo("XA");
        assertThat(secondment.get("lastDay").asText()).isEqualTo("2025-12-31");
        assertThat(secondment.get("daysLeft").asInt()).isEqualTo(16);
        assertThat(notSoSoon.get("secondments")).isEmpty();
        assertThat(atTheHost.get("secondments").findValuesAsText("staffId")).containsExactly("CB-1");
        assertThat(afterwards.get("secondments")).isEmpty();
    }

    @Test
    void rebalancingProposesMovingTheDepartmentsSurplusToTheCommuneFirst() {
        JsonNode report = get("/api/v1/personnel/rebalancing?field=" + IT + "&asOf=2025-06-30&minPosition=" + seeded)
                .getBody();

        assertThat(report.get("rule").asText()).contains("communes, wards and special zones first");
        assertThat(report.get("proposals")).hasSize(1);
        JsonNode proposal = report.get("proposals").get(0);
        assertThat(proposal.get("fromUnitCode").asText()).isEqualTo("SO");
        assertThat(proposal.get("toUnitCode").asText()).isEqualTo("XA");
        assertThat(proposal.get("field").asText()).isEqualTo(IT);
        assertThat(proposal.get("count").asInt()).isEqualTo(1);
        JsonNode balance = report.get("fields").get(0);
        assertThat(balance.get("shortage").asInt()).isEqualTo(3);
        assertThat(balance.get("surplus").asInt()).isEqualTo(1);
        assertThat(balance.get("unmetShortage").asInt()).isEqualTo(2);
    }

    @Test
    void thePublishedApiDocumentExplainsTheRebalancingRule() {
        JsonNode rebalancing = get("/v3/api-docs").getBody().get("paths").get("/api/v1/personnel/rebalancing");

        assertThat(rebalancing.get("get").get("description").asText()).startsWith(Rebalancing.RULE);
    }

    @Test
    void accountsAreCountedPerUnitAndFlagWhenTheirHolderNoLongerWorksThere() {
        JsonNode during = get("/api/v1/personnel/accounts?asOf=2025-08-01&minPosition=" + seeded).getBody();
        JsonNode after = get("/api/v1/personnel/accounts?unitCode=XA&asOf=2026-01-02").getBody();

        assertThat(during.get("total").asInt()).isEqualTo(1);
        assertThat(during.get("units").get(0).get("unitCode").asText()).isEqualTo("XA");
        assertThat(during.get("units").get(0).get("accounts").asInt()).isEqualTo(1);
        assertThat(during.get("accounts").get(0).get("holderWorksHere").asBoolean()).isTrue();
        assertThat(after.get("accounts").get(0).get("account").asText()).isEqualTo("cb1.xa");
        assertThat(after.get("accounts").get(0).get("holderWorksHere").asBoolean()).isFalse();
        assertThat(after.get("accounts").get(0).get("holderStatus").asText()).isEqualTo("IN_SERVICE");
    }

    @Test
    void parametersOutOfRangeOrOfTheWrongFormAreBadRequests() {
        assertProblem(get("/api/v1/personnel/audit?asOf=2025-13-01"), HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(get("/api/v1/personnel/audit?state=FULL"), HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(get("/api/v1/personnel/audit?page=-1"), HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(get("/api/v1/personnel/accounts?size=0"), HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(get("/api/v1/personnel/secondments?endingWithinDays=-1"), HttpStatus.BAD_REQUEST,
                      "invalid-input");
        assertProblem(get("/api/v1/personnel/secondments?endingWithinDays=soon"), HttpStatus.BAD_REQUEST,
                      "invalid-input");
        assertProblem(get("/api/v1/personnel/rebalancing?asOf=%2B999999999-12-31"), HttpStatus.BAD_REQUEST,
                      "invalid-input");
    }

    // ------------------------------------------------------------------ rebuilds

    @Test
    void rebuildingTheStaffAndPersonnelProjectionsGivesBackTheSameReadModelsAndAnswers() {
        get("/api/v1/personnel/audit?minPosition=" + seeded);
        get("/api/v1/staff/CB-1?minPosition=" + seeded);
        awaitCaughtUp("staff");
        awaitCaughtUp("personnel");
        Map<String, List<Document>> before = readModels();
        String auditBefore = get("/api/v1/personnel/audit?asOf=2025-08-01").getBody().toString();
        String historyBefore = get("/api/v1/staff/CB-1/history").getBody().toString();
        tamperWith("staff_view", "CB-1");
        tamperWith("personnel_staff", "CB-1");

        for (String name : List.of("staff", "personnel")) {
            ResponseEntity<JsonNode> accepted = rest.postForEntity("/api/v1/admin/projections/" + name + "/rebuild",
                                                                   null, JsonNode.class);
            assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        }
        awaitCaughtUp("staff");
        awaitCaughtUp("personnel");

        assertThat(readModels()).isEqualTo(before);
        assertThat(get("/api/v1/personnel/audit?asOf=2025-08-01").getBody().toString()).isEqualTo(auditBefore);
        assertThat(get("/api/v1/staff/CB-1/history").getBody().toString()).isEqualTo(historyBefore);
    }

    // ------------------------------------------------------------------ helpers

    private void unit(String code, String name, UnitKind kind) {
        append(UnitIds.streamOf(code), "Unit", new UnitRegisteredEvent(code, name, kind));
    }

    private void quota(StaffingQuotaSetEvent event) {
        append(UnitIds.streamOf(event.unitCode()), "Unit", event);
    }

    private long staff(String staffId, Object event) {
        return append(StaffIds.streamOf(staffId), "Staff", event);
    }

    private long append(String streamId, String type, Object payload) {
        long sequence = sequences.merge(streamId, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>(type, streamId, sequence, payload, METADATA,
                                                           UUID.randomUUID().toString(),
                                                           Instant.parse("2025-06-01T01:00:00Z")));
        var head = engine.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private static List<String> rowsOf(JsonNode review) {
        List<String> rows = new ArrayList<>();
        review.get("rows").forEach(row -> rows.add(row.get("unitCode").asText() + " quota=" + row.get("quota").asInt()
                + " own=" + row.get("own").asInt() + " in=" + row.get("secondedIn").asInt()
                + " out=" + row.get("secondedOut").asInt() + " effective=" + row.get("effective").asInt()
                + " gap=" + row.get("gap").asInt() + " " + row.get("state").asText()));
        return rows;
    }

    private Map<String, List<Document>> readModels() {
        Map<String, List<Document>> models = new HashMap<>();
        for (String collection : List.of("staff_view", "personnel_staff", "personnel_quotas", "personnel_units")) {
            models.put(collection, mongoClient.getDatabase(mongoProperties.getMongoClientDatabase())
                                              .getCollection(collection).find().sort(Sorts.ascending("_id"))
                                              .into(new ArrayList<>()));
        }
        assertThat(models.get("staff_view")).hasSize(4);
        return models;
    }

    /** A change no event made, which only a rebuild from the events undoes. */
    private void tamperWith(String collection, String id) {
        mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection(collection)
                   .updateOne(Filters.eq("_id", id), Updates.set("fullName", "tampered"));
    }

    private JsonNode projection(String name) {
        JsonNode list = get("/api/v1/admin/projections").getBody().get("projections");
        return StreamSupport.stream(list.spliterator(), false)
                            .filter(p -> p.get("name").asText().equals(name))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no projection " + name + " in " + list));
    }

    private void awaitCaughtUp(String name) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = projection(name);
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("state").asText()).isEqualTo("CAUGHT_UP");
            assertThat(status.get("position").asLong()).isGreaterThanOrEqualTo(seeded);
        });
    }

    private ResponseEntity<JsonNode> get(String path) {
        return rest.exchange(URI.create(rest.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(new HttpHeaders()),
                             JsonNode.class);
    }
}
