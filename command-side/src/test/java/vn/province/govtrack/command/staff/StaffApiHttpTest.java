package vn.province.govtrack.command.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.province.govtrack.command.CommandSideHttpTest;
import vn.province.govtrack.kernel.staff.PortalAccountProvisionedEvent;
import vn.province.govtrack.kernel.staff.PortalAccountRevokedEvent;
import vn.province.govtrack.kernel.staff.SecondmentEndedEvent;
import vn.province.govtrack.kernel.staff.StaffDepartedEvent;
import vn.province.govtrack.kernel.staff.StaffIds;
import vn.province.govtrack.kernel.staff.StaffRecruitedEvent;
import vn.province.govtrack.kernel.staff.StaffSecondedEvent;
import vn.province.govtrack.kernel.staff.StaffTransferredEvent;
import vn.province.govtrack.kernel.staff.TrainingCompletedEvent;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitIds;

/**
 * Quotas and staff movements over HTTP, against the event store on a real MongoDB wire-protocol
 * server. Each test uses its own units and staff ids, so the tests share one store.
 */
class StaffApiHttpTest extends CommandSideHttpTest {

    private ResponseEntity<JsonNode> accepted(HttpMethod method, String path, String json) {
        ResponseEntity<JsonNode> response = send(method, path, json);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.toString()).isTrue();
        return response;
    }

    private List<Class<?>> eventTypes(String streamId) {
        return engine.readEvents(streamId).asStream().<Class<?>>map(DomainEventMessage::getPayloadType).toList();
    }

    @Nested
    class AcceptedCommands {

        @Test
        void aQuotaIsSetForOneFieldOfARegisteredUnit() {
            String unit = registeredUnit("COMMUNE");

            ResponseEntity<JsonNode> response = send(HttpMethod.PUT, "/api/v1/units/" + unit + "/quotas/LAND", """
                    {"positions": 4, "effectiveDate": "2025-07-01", "decisionNo": "15/QĐ-UBND"}""");

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody().path("unitCode").asText()).isEqualTo(unit);
            assertThat(response.getBody().path("field").asText()).isEqualTo("LAND");
            assertThat(response.getBody().path("positions").asInt()).isEqualTo(4);
            assertThat(response.getBody().path("effectiveDate").asText()).isEqualTo("2025-07-01");
            assertThat(response.getBody().path("position").asLong()).isEqualTo(engine.headPosition());
            assertThat(eventTypes(UnitIds.streamOf(unit))).last().isEqualTo(StaffingQuotaSetEvent.class);
        }

        @Test
        void aPersonIsRecruitedAtItsLocationAndEveryMovementAnswersItsPosition() {
            String department = registeredUnit("DEPARTMENT");
            String commune = registeredUnit("COMMUNE");
            String ward = registeredUnit("WARD");
            String staffId = unique("CB");

            ResponseEntity<JsonNode> recruited = post("/api/v1/staff", """
                    {"staffId": "%s", "fullName": "Trần Thị Bình", "unitCode": "%s", "field": "INFORMATION_TECHNOLOGY",
                     "position": "IT officer", "effectiveDate": "2024-03-01", "decisionNo": "12/QĐ-SNV"}"""
                    .formatted(staffId, department));
            assertThat(recruited.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(recruited.getHeaders().getLocation()).hasPath("/api/v1/staff/" + staffId);
            assertThat(recruited.getBody().path("jobPosition").asText()).isEqualTo("IT officer");
            long position = recruited.getBody().path("position").asLong();
            assertThat(position).isEqualTo(engine.headPosition());

            ResponseEntity<JsonNode> seconded = accepted(HttpMethod.POST, "/api/v1/staff/" + staffId + "/secondments", """
                    {"toUnitCode": "%s", "from": "2025-07-01", "until": "2026-06-30", "decisionNo": "45/QĐ-UBND"}"""
                    .formatted(commune));
            assertThat(seconded.getBody().path("secondmentNo").asInt()).isEqualTo(1);
            assertThat(seconded.getBody().path("homeUnitCode").asText()).isEqualTo(department);
            assertThat(seconded.getBody().path("position").asLong()).isGreaterThan(position);

            ResponseEntity<JsonNode> ended = accepted(HttpMethod.POST, "/api/v1/staff/" + staffId + "/secondments/end", """
                    {"effectiveDate": "2026-01-01", "decisionNo": "70/QĐ-UBND"}""");
            assertThat(ended.getBody().path("reason").asText()).isEqualTo("DECIDED");
            assertThat(ended.getBody().path("endedOn").asText()).isEqualTo("2026-01-01");

            ResponseEntity<JsonNode> transferred = accepted(HttpMethod.POST, "/api/v1/staff/" + staffId + "/transfers", """
                    {"toUnitCode": "%s", "effectiveDate": "2026-02-01", "decisionNo": "80/QĐ-UBND"}""".formatted(ward));
            assertThat(transferred.getBody().path("fromUnitCode").asText()).isEqualTo(department);
            assertThat(transferred.getBody().path("unitCode").asText()).isEqualTo(ward);
            assertThat(transferred.getBody().path("field").asText()).isEqualTo("INFORMATION_TECHNOLOGY");

            accepted(HttpMethod.POST, "/api/v1/staff/" + staffId + "/trainings", """
                    {"course": "Digital government", "completedOn": "2025-09-20"}""");
            ResponseEntity<JsonNode> account = accepted(HttpMethod.POST, "/api/v1/staff/" + staffId + "/accounts", """
                    {"account": "binh.tt@%s"}""".formatted(department.toLowerCase()));
            assertThat(account.getBody().path("active").asBoolean()).isTrue();
            ResponseEntity<JsonNode> revoked = accepted(HttpMethod.DELETE,
                    "/api/v1/staff/" + staffId + "/accounts/binh.tt@" + department.toLowerCase(), null);
            assertThat(revoked.getBody().path("active").asBoolean()).isFalse();
            assertThat(revoked.getBody().path("position").asLong()).isEqualTo(engine.headPosition());
            ResponseEntity<JsonNode> departed = accepted(HttpMethod.POST, "/api/v1/staff/" + staffId + "/departure", """
                    {"effectiveDate": "2027-01-01", "reason": "retirement"}""");
            assertThat(departed.getBody().path("unitCode").asText()).isEqualTo(ward);
            assertThat(departed.getBody().path("decisionNo").isNull()).isTrue();

            assertThat(eventTypes(StaffIds.streamOf(staffId))).containsExactly(
                    StaffRecruitedEvent.class, StaffSecondedEvent.class, SecondmentEndedEvent.class,
                    StaffTransferredEvent.class, TrainingCompletedEvent.class, PortalAccountProvisionedEvent.class,
                    PortalAccountRevokedEvent.class, StaffDepartedEvent.class);
        }

        @Test
        void aPersonRecruitedWithoutAnIdGetsAGeneratedOneAndStartsToday() {
            String unit = registeredUnit("COMMUNE");

            ResponseEntity<JsonNode> recruited = post("/api/v1/staff", """
                    {"fullName": "Lê Văn Cường", "unitCode": "%s", "field": "LAND", "position": "land officer",
                     "decisionNo": "13/QĐ-UBND"}""".formatted(unit));

            assertThat(recruited.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            String staffId = recruited.getBody().path("staffId").asText();
            assertThat(staffId).matches("[0-9a-f-]{36}");
            assertThat(recruited.getBody().path("effectiveDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(eventTypes(StaffIds.streamOf(staffId))).containsExactly(StaffRecruitedEvent.class);
        }

        @Test
        void aStaffIdEqualToADossierIdLivesInItsOwnStream() {
            String unit = registeredUnit("COMMUNE");
            String id = unique("HS");

            accepted(HttpMethod.POST, "/api/v1/staff", """
                    {"staffId": "%s", "fullName": "Lê Văn Cường", "unitCode": "%s", "field": "LAND",
                     "position": "land officer", "decisionNo": "13/QĐ-UBND"}""".formatted(id, unit));

            assertThat(eventTypes(id)).isEmpty();
            assertThat(eventTypes("staff:" + id)).containsExactly(StaffRecruitedEvent.class);
        }
    }

    /** Each rejected request is answered with a problem and appends nothing. */
    @Nested
    class RejectedRequests {

        private ResponseEntity<JsonNode> rejected(HttpMethod method, String path, String json) {
            long head = engine.headPosition();
            ResponseEntity<JsonNode> response = send(method, path, json);
            assertThat(engine.headPosition()).as("head position after a rejected request").isEqualTo(head);
            return response;
        }

        @Test
        void aQuotaForAnUnknownUnitIsNotFoundAndANegativeOneIsABadRequest() {
            assertProblem(rejected(HttpMethod.PUT, "/api/v1/units/XA-NOWHERE/quotas/LAND", "{\"positions\": 2}"),
                          HttpStatus.NOT_FOUND, "not-found");
            String unit = registeredUnit("COMMUNE");
            ResponseEntity<JsonNode> negative = rejected(HttpMethod.PUT, "/api/v1/units/" + unit + "/quotas/LAND",
                                                         "{\"positions\": -1}");
            assertProblem(negative, HttpStatus.BAD_REQUEST, "invalid-input");
            assertThat(negative.getBody().path("errors").findValuesAsText("field")).containsExactly("positions");
        }

        @Test
        void aSecondmentOfMoreThanThreeYearsIsABadRequest() {
            String staffId = recruitedInto(registeredUnit("DEPARTMENT"));

            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST, "/api/v1/staff/" + staffId + "/secondments", """
                    {"toUnitCode": "%s", "from": "2025-07-01", "until": "2028-07-01", "decisionNo": "45/QĐ-UBND"}"""
                    .formatted(registeredUnit("COMMUNE")));

            assertProblem(response, HttpStatus.BAD_REQUEST, "invalid-input");
            assertThat(response.getBody().path("detail").asText()).contains("at most 3 years");
        }

        @Test
        void aPersonAlreadySecondedOrSecondedOnOverlappingDatesIsAConflict() {
            String staffId = recruitedInto(registeredUnit("DEPARTMENT"));
            String commune = registeredUnit("COMMUNE");
            accepted(HttpMethod.POST, "/api/v1/staff/" + staffId + "/secondments", """
                    {"toUnitCode": "%s", "from": "2025-07-01", "until": "2025-12-31", "decisionNo": "45/QĐ-UBND"}"""
                    .formatted(commune));

            ResponseEntity<JsonNode> again = rejected(HttpMethod.POST, "/api/v1/staff/" + staffId + "/secondments", """
                    {"toUnitCode": "%s", "from": "2025-08-01", "until": "2025-09-30", "decisionNo": "46/QĐ-UBND"}"""
                    .formatted(registeredUnit("WARD")));
            ResponseEntity<JsonNode> overlapping = rejected(HttpMethod.POST, "/api/v1/staff/" + staffId + "/secondments",
                    """
                    {"toUnitCode": "%s", "from": "2025-01-01", "until": "2025-07-01", "decisionNo": "47/QĐ-UBND"}"""
                    .formatted(commune));

            assertProblem(again, HttpStatus.CONFLICT, "rule-violation");
            assertThat(again.getBody().path("detail").asText()).contains("already seconded");
            assertProblem(overlapping, HttpStatus.CONFLICT, "rule-violation");
        }

        @Test
        void movementsOfAPersonWhoseDepartureIsRecordedAreConflicts() {
            String staffId = recruitedInto(registeredUnit("DEPARTMENT"));
            String commune = registeredUnit("COMMUNE");
            accepted(HttpMethod.POST, "/api/v1/staff/" + staffId + "/departure", """
                    {"effectiveDate": "2025-06-01", "reason": "resignation", "decisionNo": "99/QĐ-SNV"}""");

            assertProblem(rejected(HttpMethod.POST, "/api/v1/staff/" + staffId + "/transfers", """
                    {"toUnitCode": "%s", "effectiveDate": "2025-07-01", "decisionNo": "80/QĐ"}""".formatted(commune)),
                          HttpStatus.CONFLICT, "rule-violation");
            assertProblem(rejected(HttpMethod.POST, "/api/v1/staff/" + staffId + "/secondments", """
                    {"toUnitCode": "%s", "from": "2025-07-01", "until": "2025-12-31", "decisionNo": "45/QĐ"}"""
                    .formatted(commune)), HttpStatus.CONFLICT, "rule-violation");
            assertProblem(rejected(HttpMethod.POST, "/api/v1/staff/" + staffId + "/departure", """
                    {"effectiveDate": "2025-07-01", "reason": "retirement"}"""), HttpStatus.CONFLICT, "rule-violation");
            assertProblem(rejected(HttpMethod.POST, "/api/v1/staff/" + staffId + "/accounts", """
                    {"account": "gone.away"}"""), HttpStatus.CONFLICT, "rule-violation");
        }

        @Test
        void movementsNamingAnUnknownUnitOrPersonAreNotFound() {
            String staffId = recruitedInto(registeredUnit("DEPARTMENT"));

            ResponseEntity<JsonNode> unknownUnit = rejected(HttpMethod.POST, "/api/v1/staff/" + staffId + "/transfers", """
                    {"toUnitCode": "XA-NOWHERE", "effectiveDate": "2025-07-01", "decisionNo": "80/QĐ"}""");
            ResponseEntity<JsonNode> unknownPerson = rejected(HttpMethod.POST, "/api/v1/staff/CB-NOBODY/trainings", """
                    {"course": "Digital government", "completedOn": "2025-09-20"}""");
            ResponseEntity<JsonNode> recruitedNowhere = rejected(HttpMethod.POST, "/api/v1/staff", """
                    {"fullName": "Lê Văn Cường", "unitCode": "XA-NOWHERE", "field": "LAND", "position": "officer",
                     "decisionNo": "13/QĐ"}""");

            assertProblem(unknownUnit, HttpStatus.NOT_FOUND, "unknown-reference");
            assertThat(unknownUnit.getBody().path("detail").asText()).isEqualTo("unknown unit 'XA-NOWHERE'");
            assertProblem(unknownPerson, HttpStatus.NOT_FOUND, "not-found");
            assertProblem(recruitedNowhere, HttpStatus.NOT_FOUND, "unknown-reference");
        }

        @Test
        void recruitingAStaffIdTwiceIsAConflict() {
            String unit = registeredUnit("COMMUNE");
            String staffId = recruitedInto(unit);

            assertProblem(rejected(HttpMethod.POST, "/api/v1/staff", """
                    {"staffId": "%s", "fullName": "Someone Else", "unitCode": "%s", "field": "LAND",
                     "position": "officer", "decisionNo": "13/QĐ"}""".formatted(staffId, unit)),
                          HttpStatus.CONFLICT, "rule-violation");
        }

        @Test
        void revokingAnAccountNeverHeldIsNotFoundAndRevokingItTwiceIsAConflict() {
            String staffId = recruitedInto(registeredUnit("DEPARTMENT"));
            accepted(HttpMethod.POST, "/api/v1/staff/" + staffId + "/accounts", "{\"account\": \"binh.tt\"}");
            accepted(HttpMethod.DELETE, "/api/v1/staff/" + staffId + "/accounts/binh.tt", null);

            assertProblem(rejected(HttpMethod.DELETE, "/api/v1/staff/" + staffId + "/accounts/someone.else", null),
                          HttpStatus.NOT_FOUND, "unknown-reference");
            assertProblem(rejected(HttpMethod.DELETE, "/api/v1/staff/" + staffId + "/accounts/binh.tt", null),
                          HttpStatus.CONFLICT, "rule-violation");
        }

        @Test
        void aMovementWithoutADecisionNumberIsABadRequestNamingTheField() {
            String staffId = recruitedInto(registeredUnit("DEPARTMENT"));

            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST, "/api/v1/staff/" + staffId + "/transfers", """
                    {"toUnitCode": "XA-1", "effectiveDate": "2025-07-01"}""");

            assertProblem(response, HttpStatus.BAD_REQUEST, "invalid-input");
            assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly("decisionNo");
        }

        @Test
        void aStaffIdThatCouldNameAnotherStreamIsABadRequest() {
            assertProblem(rejected(HttpMethod.POST, "/api/v1/staff/unit:XA-1/trainings", """
                    {"course": "Digital government", "completedOn": "2025-09-20"}"""),
                          HttpStatus.BAD_REQUEST, "invalid-input");
            assertProblem(rejected(HttpMethod.POST, "/api/v1/staff", """
                    {"staffId": "unit:XA-1", "fullName": "X", "unitCode": "XA-1", "field": "LAND", "position": "p",
                     "decisionNo": "1"}"""), HttpStatus.BAD_REQUEST, "invalid-input");
        }

        @ParameterizedTest(name = "{0} {1} with {2}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "POST   | /api/v1/staff                          | null",
                "POST   | /api/v1/staff                          | `{\"effectiveDate\": \"2025-02-30\"}`",
                "POST   | /api/v1/staff                          | `{\"effectiveDate\": \"+999999999-12-31\"}`",
                "POST   | /api/v1/staff/CB-1/transfers           | `{\"effectiveDate\": \"tomorrow\"}`",
                "POST   | /api/v1/staff/CB-1/secondments         | `{\"from\": 20250701}`",
                "POST   | /api/v1/staff/CB-1/secondments         | `{\"toUnitCode\": \"XA\", \"from\": \"2025-07-01\", \"until\": \"+999999999-12-31\", \"decisionNo\": \"1\"}`",
                "POST   | /api/v1/staff/CB-1/secondments/end     | `[]`",
                "POST   | /api/v1/staff/CB-1/trainings           | `{\"course\": [1]}`",
                "POST   | /api/v1/staff/CB-1/accounts            | `{\"account\": \"a b\"}`",
                "DELETE | /api/v1/staff/CB-1/accounts/%s         | null",
                "POST   | /api/v1/staff/CB-1/departure           | `{\"effectiveDate\": \"1999-12-31\", \"reason\": \"x\", \"decisionNo\": \"\"}`",
                "PUT    | /api/v1/units/XA-1/quotas/LAND         | `{\"positions\": 99999999999}`",
                "PUT    | /api/v1/units/XA-1/quotas/%s           | `{\"positions\": 1}`",
        })
        void noInputCausesAServerError(String method, String path, String body) {
            String target = path.replace("%s", "x".repeat(200));

            ResponseEntity<JsonNode> response = rejected(HttpMethod.valueOf(method), target, body);

            assertThat(response.getStatusCode().is4xxClientError()).as(response.toString()).isTrue();
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .isTrue();
        }
    }
}
