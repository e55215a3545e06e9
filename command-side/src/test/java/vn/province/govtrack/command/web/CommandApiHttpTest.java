package vn.province.govtrack.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.province.govtrack.command.CommandSideHttpTest;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.dossier.DossierAssignedEvent;
import vn.province.govtrack.kernel.dossier.DossierExtendedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierReturnedEvent;
import vn.province.govtrack.kernel.dossier.DossierStoppedEvent;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.PaymentRecordedEvent;
import vn.province.govtrack.kernel.dossier.PaymentRequestedEvent;
import vn.province.govtrack.kernel.dossier.SupplementProvidedEvent;
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;
import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * The command API over HTTP, against the event store on a real MongoDB wire-protocol server.
 * Every test works with its own unit and procedure codes, so the tests share one store.
 */
class CommandApiHttpTest extends CommandSideHttpTest {

    private static String dossier(String dossierId, String unit, String procedure, String channel, String submittedAt) {
        return """
                {"dossierId": "%s", "procedureCode": "%s", "unitCode": "%s", "channel": "%s",
                 "applicant": {"idNumber": "001203004567", "fullName": "Nguyễn Văn An", "phone": "0912345678"},
                 "submittedAt": "%s"}""".formatted(dossierId, procedure, unit, channel, submittedAt);
    }

    /** The answer's body, after checking the command was accepted with {@code status} and a position. */
    private static JsonNode accepted(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getBody().path("position").asLong()).isPositive();
        return response.getBody();
    }

    private static JsonNode accepted(ResponseEntity<JsonNode> response) {
        return accepted(response, HttpStatus.OK);
    }

    /** A dossier received in person on Tuesday 1 July 2025 at 09:30, due Wednesday 2 July at 09:30. */
    private String receivedDossier() {
        String dossierId = unique("HS");
        accepted(post("/api/v1/dossiers", dossier(dossierId, registeredUnit(), publishedProcedure(), "IN_PERSON",
                                                  "2025-07-01T09:30:00+07:00")), HttpStatus.CREATED);
        return dossierId;
    }

    @Nested
    class AcceptedCommands {

        @Test
        void aUnitIsRegisteredAtItsLocationWithThePositionOfItsEvent() {
            String code = unique("PHUONG");
            long head = engine.headPosition();

            ResponseEntity<JsonNode> response = post("/api/v1/units", """
                    {"code": "%s", "name": "Phường Hòa Bình", "kind": "WARD"}""".formatted(code));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(response.getHeaders().getLocation()).hasScheme("http").hasHost("127.0.0.1").hasPort(8082)
                                                          .hasPath("/api/v1/units/" + code);
            assertThat(response.getBody().path("kind").asText()).isEqualTo("WARD");
            assertThat(response.getBody().path("position").asLong()).isGreaterThan(head);
            assertThat(engine.headPosition()).isEqualTo(response.getBody().path("position").asLong());
        }

        @Test
        void aDossierReceivedInPersonIsDueOneWorkingDayLaterAndResolvedOnTime() {
            String unit = registeredUnit();
            String procedure = publishedProcedure();
            String dossierId = unique("HS");

            ResponseEntity<JsonNode> submitted = post("/api/v1/dossiers",
                    dossier(dossierId, unit, procedure, "IN_PERSON", "2025-07-01T09:30:00+07:00"));

            assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(submitted.getHeaders().getLocation()).hasPath("/api/v1/dossiers/" + dossierId);
            assertThat(submitted.getBody().path("dossierId").asText()).isEqualTo(dossierId);
            assertThat(submitted.getBody().path("status").asText()).isEqualTo("RECEIVED");
            assertThat(submitted.getBody().path("dueAt").asText()).isEqualTo("2025-07-02T09:30:00+07:00");
            long submittedAt = submitted.getBody().path("position").asLong();

            ResponseEntity<JsonNode> resolved = post("/api/v1/dossiers/" + dossierId + "/resolution", """
                    {"outcome": "APPROVED", "note": "issued", "resolvedAt": "2025-07-02T09:00:00+07:00"}""");

            assertThat(resolved.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(resolved.getBody().path("timeliness").asText()).isEqualTo("ON_TIME");
            assertThat(resolved.getBody().path("status").asText()).isEqualTo("RESOLVED");
            assertThat(resolved.getBody().path("position").asLong()).isGreaterThan(submittedAt);

            List<? extends DomainEventMessage<?>> events = engine.readEvents(dossierId).asStream().toList();
            assertThat(events).<Class<?>>extracting(DomainEventMessage::getPayloadType)
                    .containsExactly(DossierReceivedEvent.class, DossierResolvedEvent.class);
            DossierResolvedEvent resolution = (DossierResolvedEvent) events.get(1).getPayload();
            assertThat(resolution.timeliness()).isEqualTo(Timeliness.ON_TIME);
            assertThat(resolution.processingDays()).isEqualTo(0.9375);
        }

        @Test
        void anOnlineDossierIsNewUntilTheDeskReceivesIt() {
            String unit = registeredUnit();
            String procedure = publishedProcedure();
            String dossierId = unique("HS");

            ResponseEntity<JsonNode> submitted = post("/api/v1/dossiers",
                    dossier(dossierId, unit, procedure, "ONLINE", "2025-07-05T21:00:00+07:00"));
            assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(submitted.getBody().path("status").asText()).isEqualTo("NEW");
            assertThat(submitted.getBody().path("dueAt").isNull()).isTrue();

            ResponseEntity<JsonNode> received = post("/api/v1/dossiers/" + dossierId + "/receipt", """
                    {"receivedAt": "2025-07-07T08:30:00+07:00"}""");
            assertThat(received.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(received.getBody().path("status").asText()).isEqualTo("RECEIVED");
            assertThat(received.getBody().path("dueAt").asText()).isEqualTo("2025-07-08T08:30:00+07:00");
            assertThat(received.getBody().path("position").asLong())
                    .isGreaterThan(submitted.getBody().path("position").asLong());
        }

        @Test
        void anOnlineDossierWalksThroughTransferSupplementPaymentExtensionResolutionAndReturn() {
            String unit = registeredUnit();
            String otherUnit = registeredUnit();
            String procedure = publishedProcedure();
            String dossierId = unique("HS");
            String dossier = "/api/v1/dossiers/" + dossierId;
            List<Long> positions = new ArrayList<>();

            JsonNode submitted = accepted(post("/api/v1/dossiers",
                    dossier(dossierId, unit, procedure, "ONLINE", "2025-07-05T21:00:00+07:00")), HttpStatus.CREATED);
            positions.add(submitted.path("position").asLong());
            JsonNode transferred = accepted(post(dossier + "/transfers", """
                    {"toUnitCode": "%s", "reason": "the applicant lives there", "transferredAt": "2025-07-06T09:00:00+07:00"}"""
                    .formatted(otherUnit)));
            assertThat(transferred.path("status").asText()).isEqualTo("NEW");
            assertThat(transferred.path("unitCode").asText()).isEqualTo(otherUnit);
            positions.add(transferred.path("position").asLong());
            JsonNode received = accepted(post(dossier + "/receipt", """
                    {"receivedAt": "2025-07-07T08:30:00+07:00"}"""));
            assertThat(received.path("unitCode").asText()).isEqualTo(otherUnit);
            assertThat(received.path("dueAt").asText()).isEqualTo("2025-07-08T08:30:00+07:00");
            positions.add(received.path("position").asLong());
            JsonNode assigned = accepted(post(dossier + "/assignment", """
                    {"staffId": "CB-01", "assignedAt": "2025-07-07T09:00:00+07:00"}"""));
            assertThat(assigned.path("status").asText()).isEqualTo("IN_PROCESSING");
            positions.add(assigned.path("position").asLong());
            JsonNode supplementRequested = accepted(post(dossier + "/supplement-requests", """
                    {"reason": "the mother's ID card", "requestedAt": "2025-07-07T10:00:00+07:00"}"""));
            assertThat(supplementRequested.path("status").asText()).isEqualTo("SUPPLEMENT_REQUESTED");
            assertThat(supplementRequested.path("requestNumber").asInt()).isEqualTo(1);
            positions.add(supplementRequested.path("position").asLong());
            // paused 2 h + 4 h on Monday and 2 h on Tuesday: the due date moves by one working day
            JsonNode supplemented = accepted(post(dossier + "/supplements", """
                    {"note": "brought in", "providedAt": "2025-07-08T10:00:00+07:00"}"""));
            assertThat(supplemented.path("status").asText()).isEqualTo("IN_PROCESSING");
            assertThat(supplemented.path("dueAt").asText()).isEqualTo("2025-07-09T08:30:00+07:00");
            positions.add(supplemented.path("position").asLong());
            JsonNode paymentRequested = accepted(post(dossier + "/payment-requests", """
                    {"amount": 8000, "reason": "registration fee", "requestedAt": "2025-07-08T11:00:00+07:00"}"""));
            assertThat(paymentRequested.path("status").asText()).isEqualTo("PAYMENT_REQUESTED");
            positions.add(paymentRequested.path("position").asLong());
            JsonNode paid = accepted(post(dossier + "/payments", """
                    {"amount": 8000, "paidAt": "2025-07-08T14:00:00+07:00"}"""));
            assertThat(paid.path("status").asText()).isEqualTo("IN_PROCESSING");
            positions.add(paid.path("position").asLong());
            JsonNode extended = accepted(post(dossier + "/extensions", """
                    {"newDueAt": "2025-07-11T17:00:00+07:00", "apology": "a site visit is needed",
                     "extendedAt": "2025-07-09T08:00:00+07:00"}"""));
            assertThat(extended.path("dueAt").asText()).isEqualTo("2025-07-11T17:00:00+07:00");
            positions.add(extended.path("position").asLong());
            JsonNode resolved = accepted(post(dossier + "/resolution", """
                    {"outcome": "APPROVED", "resolvedAt": "2025-07-10T10:00:00+07:00"}"""));
            assertThat(resolved.path("timeliness").asText()).isEqualTo("EARLY");
            positions.add(resolved.path("position").asLong());
            JsonNode returned = accepted(post(dossier + "/return", """
                    {"returnedAt": "2025-07-10T15:00:00+07:00"}"""));
            assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
            positions.add(returned.path("position").asLong());

            assertThat(positions).isSorted().doesNotHaveDuplicates();
            assertThat(engine.readEvents(dossierId).asStream().<Class<?>>map(DomainEventMessage::getPayloadType).toList())
                    .containsExactly(DossierSubmittedOnlineEvent.class, DossierTransferredEvent.class,
                                     DossierReceivedEvent.class, DossierAssignedEvent.class,
                                     SupplementRequestedEvent.class, SupplementProvidedEvent.class,
                                     PaymentRequestedEvent.class, PaymentRecordedEvent.class,
                                     DossierExtendedEvent.class, DossierResolvedEvent.class,
                                     DossierReturnedEvent.class);
        }

        @Test
        void aWithdrawalIsGrantedByAStopThatRecordsTheVerdict() {
            String dossierId = unique("HS");
            String dossier = "/api/v1/dossiers/" + dossierId;
            accepted(post("/api/v1/dossiers", dossier(dossierId, registeredUnit(), publishedProcedure(), "IN_PERSON",
                                                      "2025-07-01T09:30:00+07:00")), HttpStatus.CREATED);

            JsonNode withdrawal = accepted(post(dossier + "/withdrawal", """
                    {"reason": "moved abroad", "requestedAt": "2025-07-01T11:00:00+07:00"}"""));
            JsonNode stopped = accepted(post(dossier + "/stop", """
                    {"reason": "withdrawal granted", "stoppedAt": "2025-07-01T14:00:00+07:00"}"""));

            assertThat(withdrawal.path("status").asText()).isEqualTo("WITHDRAWAL_REQUESTED");
            assertThat(stopped.path("status").asText()).isEqualTo("STOPPED");
            assertThat(stopped.path("timeliness").asText()).isEqualTo("EARLY");
            DossierStoppedEvent stop = (DossierStoppedEvent) engine.readEvents(dossierId).asStream()
                    .reduce((first, second) -> second).orElseThrow().getPayload();
            assertThat(stop.timeliness()).isEqualTo(Timeliness.EARLY);
            assertThat(stop.processingDays()).isEqualTo(0.4375);
        }

        @Test
        void anOnlineDossierRefusedAtTheDeskIsNotReceived() {
            String dossierId = unique("HS");
            accepted(post("/api/v1/dossiers", dossier(dossierId, registeredUnit(), publishedProcedure(), "ONLINE",
                                                      "2025-07-05T21:00:00+07:00")), HttpStatus.CREATED);

            JsonNode refused = accepted(post("/api/v1/dossiers/" + dossierId + "/refusal", """
                    {"reason": "incomplete", "refusedAt": "2025-07-07T08:00:00+07:00"}"""));

            assertThat(refused.path("status").asText()).isEqualTo("NOT_RECEIVED");
            assertThat(refused.path("dueAt").isNull()).isTrue();
        }

        @Test
        void aDossierWithoutAnIdGetsAGeneratedOne() {
            String unit = registeredUnit();
            String procedure = publishedProcedure();

            ResponseEntity<JsonNode> submitted = post("/api/v1/dossiers", """
                    {"procedureCode": "%s", "unitCode": "%s", "channel": "POSTAL",
                     "applicant": {"idNumber": "001203004567", "fullName": "Nguyễn Văn An"}}""".formatted(procedure, unit));

            assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            String dossierId = submitted.getBody().path("dossierId").asText();
            assertThat(dossierId).matches("[0-9a-f-]{36}");
            assertThat(submitted.getHeaders().getLocation()).hasPath("/api/v1/dossiers/" + dossierId);
            assertThat(submitted.getBody().path("dueAt").asText()).endsWith("+07:00");
        }

        @Test
        void holidaysSetForAYearMoveTheDueDatesDecidedAfterwards() {
            String unit = registeredUnit();
            String procedure = publishedProcedure();
            ResponseEntity<JsonNode> holidays = send(HttpMethod.PUT, "/api/v1/calendar/holidays/2024", """
                    ["2024-09-03", "2024-09-02", "2024-09-03"]""");
            assertThat(holidays.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(holidays.getBody().path("holidays").toString()).isEqualTo("[\"2024-09-02\",\"2024-09-03\"]");
            assertThat(holidays.getBody().path("position").asLong()).isPositive();

            // Friday 30 August 2024 after the cut-off; Monday and Tuesday are off, so the clock starts on Wednesday
            ResponseEntity<JsonNode> submitted = post("/api/v1/dossiers",
                    dossier(unique("HS"), unit, procedure, "IN_PERSON", "2024-08-30T16:00:00+07:00"));

            assertThat(submitted.getBody().path("dueAt").asText()).isEqualTo("2024-09-04T17:00:00+07:00");
        }

        @Test
        void everyEventCarriesItsActorWithRoleAndUnitCorrelationAndCausation() {
            String unit = registeredUnit();
            String procedure = publishedProcedure();
            String dossierId = unique("HS");
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.set("X-Correlation-Id", "import-batch-7");

            ResponseEntity<JsonNode> response = http.exchange("/api/v1/dossiers", HttpMethod.POST, new HttpEntity<>(
                    dossier(dossierId, unit, procedure, "IN_PERSON", "2025-07-01T09:30:00+07:00"), headers),
                    JsonNode.class);

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(response.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("import-batch-7");
            DomainEventMessage<?> event = engine.readEvents(dossierId).next();
            assertThat(event.getMetaData())
                    .containsEntry(EventMetadata.ACTOR, "test-unit_head-" + unit)
                    .containsEntry(EventMetadata.ACTOR_ROLE, "UNIT_HEAD")
                    .containsEntry(EventMetadata.ACTOR_UNIT, unit)
                    .containsEntry(EventMetadata.CORRELATION_ID, "import-batch-7")
                    .containsKey(EventMetadata.CAUSATION_ID);
            assertThat(event.getMetaData().get(EventMetadata.CAUSATION_ID))
                    .isNotEqualTo("import-batch-7")
                    .isNotEqualTo(event.getIdentifier());
        }

        @Test
        void withoutACorrelationIdEachRequestGetsOne() {
            String code = unique("XA");
            ResponseEntity<JsonNode> response = post("/api/v1/units", """
                    {"code": "%s", "name": "Xã Tân Lập", "kind": "COMMUNE"}""".formatted(code));

            String correlationId = response.getHeaders().getFirst("X-Correlation-Id");
            assertThat(correlationId).isNotBlank();
            assertThat(engine.readEvents("unit:" + code).next().getMetaData())
                    .containsEntry(EventMetadata.CORRELATION_ID, correlationId);
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
        void malformedJsonIsABadRequest() {
            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST, "/api/v1/units", "{\"code\": \"XA-1\", ");

            assertProblem(response, HttpStatus.BAD_REQUEST, "malformed-request");
            assertThat(response.getBody().path("detail").asText()).isEqualTo("the request body is not well-formed JSON");
            assertThat(response.getBody().path("correlationId").asText()).isNotBlank();
        }

        @Test
        void missingFieldsAreABadRequestNamingEachField() {
            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST, "/api/v1/procedures", """
                    {"code": "X", "name": "", "cutoff": "25:00", "processingHours": 0}""");

            assertProblem(response, HttpStatus.BAD_REQUEST, "invalid-input");
            assertThat(response.getBody().path("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("cutoff", "field", "level", "name", "processingHours");
        }

        @Test
        void anUnknownKindIsABadRequestListingTheKinds() {
            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST, "/api/v1/units", """
                    {"code": "XA-1", "name": "Xã", "kind": "VILLAGE"}""");

            assertProblem(response, HttpStatus.BAD_REQUEST, "malformed-request");
            assertThat(response.getBody().path("detail").asText()).startsWith("kind must be one of [COMMUNE, WARD");
        }

        @Test
        void aTimestampWithoutOffsetIsABadRequest() {
            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST, "/api/v1/dossiers",
                    dossier("HS-X", "XA", "P", "IN_PERSON", "2025-07-01T09:30"));

            assertProblem(response, HttpStatus.BAD_REQUEST, "malformed-request");
            assertThat(response.getBody().path("detail").asText()).startsWith("submittedAt must be an ISO-8601 timestamp");
        }

        @Test
        void aDossierAtAnUnknownUnitIsNotFound() {
            String procedure = publishedProcedure();

            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST, "/api/v1/dossiers",
                    dossier(unique("HS"), "NO-SUCH-UNIT", procedure, "IN_PERSON", "2025-07-01T09:30:00+07:00"));

            assertProblem(response, HttpStatus.NOT_FOUND, "unknown-reference");
            assertThat(response.getBody().path("detail").asText()).isEqualTo("unknown unit 'NO-SUCH-UNIT'");
        }

        @Test
        void resolvingAnUnknownDossierIsNotFound() {
            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST, "/api/v1/dossiers/HS-NOWHERE/resolution", """
                    {"outcome": "APPROVED"}""");

            assertProblem(response, HttpStatus.NOT_FOUND, "not-found");
        }

        @Test
        void registeringAUnitCodeTwiceIsAConflict() {
            String code = registeredUnit();

            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST, "/api/v1/units", """
                    {"code": "%s", "name": "Again", "kind": "WARD"}""".formatted(code));

            assertProblem(response, HttpStatus.CONFLICT, "rule-violation");
            assertThat(response.getBody().path("detail").asText()).isEqualTo("unit '" + code + "' is already registered");
        }

        @Test
        void resolvingADossierTwiceIsAConflict() {
            String dossierId = unique("HS");
            post("/api/v1/dossiers", dossier(dossierId, registeredUnit(), publishedProcedure(), "IN_PERSON",
                                             "2025-07-01T09:30:00+07:00"));
            post("/api/v1/dossiers/" + dossierId + "/resolution", "{\"outcome\": \"APPROVED\"}");

            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST, "/api/v1/dossiers/" + dossierId + "/resolution",
                                                         "{\"outcome\": \"REFUSED\"}");

            assertProblem(response, HttpStatus.CONFLICT, "rule-violation");
        }

        @Test
        void aResolutionDatedBeforeTheReceiptIsAConflict() {
            String dossierId = unique("HS");
            post("/api/v1/dossiers", dossier(dossierId, registeredUnit(), publishedProcedure(), "IN_PERSON",
                                             "2025-07-01T09:30:00+07:00"));

            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST, "/api/v1/dossiers/" + dossierId + "/resolution",
                    "{\"outcome\": \"APPROVED\", \"resolvedAt\": \"2025-06-30T09:30:00+07:00\"}");

            assertProblem(response, HttpStatus.CONFLICT, "rule-violation");
        }

        @Test
        void refusingADossierAlreadyReceivedIsAConflict() {
            String dossierId = receivedDossier();

            assertProblem(rejected(HttpMethod.POST, "/api/v1/dossiers/" + dossierId + "/refusal",
                                   "{\"reason\": \"incomplete\"}"),
                          HttpStatus.CONFLICT, "rule-violation");
        }

        @Test
        void returningADossierNotYetResolvedIsAConflict() {
            String dossierId = receivedDossier();

            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST, "/api/v1/dossiers/" + dossierId + "/return", "");

            assertProblem(response, HttpStatus.CONFLICT, "rule-violation");
            assertThat(response.getBody().path("detail").asText())
                    .isEqualTo("dossier '" + dossierId + "' is RECEIVED; it cannot be returned");
        }

        @Test
        void supplyingASupplementNobodyAskedForIsAConflict() {
            assertProblem(rejected(HttpMethod.POST, "/api/v1/dossiers/" + receivedDossier() + "/supplements", "{}"),
                          HttpStatus.CONFLICT, "rule-violation");
        }

        @Test
        void anExtensionNotLaterThanTheDueDateIsAConflict() {
            assertProblem(rejected(HttpMethod.POST, "/api/v1/dossiers/" + receivedDossier() + "/extensions", """
                    {"newDueAt": "2025-07-02T09:30:00+07:00", "apology": "sorry"}"""), HttpStatus.CONFLICT, "rule-violation");
        }

        @Test
        void aTransferToAnUnknownUnitIsNotFound() {
            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST,
                    "/api/v1/dossiers/" + receivedDossier() + "/transfers", """
                    {"toUnitCode": "NO-SUCH-UNIT", "reason": "competence"}""");

            assertProblem(response, HttpStatus.NOT_FOUND, "unknown-reference");
            assertThat(response.getBody().path("detail").asText()).isEqualTo("unknown unit 'NO-SUCH-UNIT'");
        }

        @Test
        void aTransferToTheSameUnitIsAConflict() {
            String unit = registeredUnit();
            String dossierId = unique("HS");
            post("/api/v1/dossiers", dossier(dossierId, unit, publishedProcedure(), "IN_PERSON", "2025-07-01T09:30:00+07:00"));

            assertProblem(rejected(HttpMethod.POST, "/api/v1/dossiers/" + dossierId + "/transfers", """
                    {"toUnitCode": "%s", "reason": "competence"}""".formatted(unit)), HttpStatus.CONFLICT, "rule-violation");
        }

        @Test
        void assigningAnUnknownDossierIsNotFound() {
            assertProblem(rejected(HttpMethod.POST, "/api/v1/dossiers/HS-NOWHERE/assignment", """
                    {"staffId": "CB-01"}"""), HttpStatus.NOT_FOUND, "not-found");
        }

        @Test
        void aLifecycleCommandWithoutItsRequiredFieldsIsABadRequestNamingThem() {
            String dossier = "/api/v1/dossiers/" + receivedDossier();

            assertThat(rejected(HttpMethod.POST, dossier + "/supplement-requests", "{}").getBody()
                               .path("errors").findValuesAsText("field")).containsExactly("reason");
            assertThat(rejected(HttpMethod.POST, dossier + "/payment-requests", "{\"amount\": -5}").getBody()
                               .path("errors").findValuesAsText("field")).containsExactly("amount", "reason");
            assertThat(rejected(HttpMethod.POST, dossier + "/extensions", "{}").getBody()
                               .path("errors").findValuesAsText("field")).containsExactly("apology", "newDueAt");
            assertProblem(rejected(HttpMethod.POST, dossier + "/stop", "{\"reason\": \" \"}"),
                          HttpStatus.BAD_REQUEST, "invalid-input");
        }

        @Test
        void aDossierIdThatCouldNameAnotherStreamIsABadRequest() {
            String unit = registeredUnit();

            ResponseEntity<JsonNode> response = rejected(HttpMethod.POST,
                    "/api/v1/dossiers/unit:" + unit + "/resolution", "{\"outcome\": \"APPROVED\"}");

            assertProblem(response, HttpStatus.BAD_REQUEST, "invalid-input");
        }

        @Test
        void holidaysForAYearOutOfRangeAreABadRequest() {
            assertProblem(rejected(HttpMethod.PUT, "/api/v1/calendar/holidays/1999", "[]"),
                          HttpStatus.BAD_REQUEST, "invalid-input");
            assertProblem(rejected(HttpMethod.PUT, "/api/v1/calendar/holidays/twenty", "[]"),
                          HttpStatus.BAD_REQUEST, "invalid-input");
            assertProblem(rejected(HttpMethod.PUT, "/api/v1/calendar/holidays/2025", "[\"2026-01-01\"]"),
                          HttpStatus.BAD_REQUEST, "invalid-input");
        }

        @Test
        void anUnknownPathIsNotFound() {
            assertProblem(rejected(HttpMethod.POST, "/api/v1/nothing-here", "{}"), HttpStatus.NOT_FOUND, "not-found");
        }

        @Test
        void aWrongMethodIsNotAllowed() {
            assertProblem(rejected(HttpMethod.DELETE, "/api/v1/units", "{}"),
                          HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
        }

        @ParameterizedTest(name = "{0} {1} with {2}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "POST | /api/v1/units                      | null",
                "POST | /api/v1/units                      | []",
                "POST | /api/v1/units                      | `{\"code\": {\"nested\": true}}`",
                "POST | /api/v1/procedures                 | `{\"code\": \"P\", \"processingHours\": 99999999999}`",
                "POST | /api/v1/procedures                 | `{\"code\": \"P\", \"processingHours\": \"eight\"}`",
                "POST | /api/v1/dossiers                   | `{\"applicant\": \"me\"}`",
                "POST | /api/v1/dossiers                   | `{\"dossierId\": \"a:b\", \"submittedAt\": \"+999999999-12-31T23:59:59+07:00\"}`",
                "POST | /api/v1/dossiers/HS-1/receipt      | `{\"receivedAt\": \"yesterday\"}`",
                "POST | /api/v1/dossiers/HS-1/resolution   | `{\"outcome\": \"MAYBE\"}`",
                "POST | /api/v1/dossiers/%s/resolution     | `{\"outcome\": \"APPROVED\"}`",
                "POST | /api/v1/dossiers/HS-1/assignment   | `{\"staffId\": [1]}`",
                "POST | /api/v1/dossiers/HS-1/payments     | `{\"amount\": 1e40}`",
                "POST | /api/v1/dossiers/HS-1/payments     | `{\"amount\": \"much\"}`",
                "POST | /api/v1/dossiers/HS-1/extensions   | `{\"newDueAt\": \"+999999999-12-31T23:59:59+07:00\", \"apology\": \"x\"}`",
                "POST | /api/v1/dossiers/HS-1/supplements  | `[]`",
                "POST | /api/v1/dossiers/%s/stop           | `{\"reason\": \"x\"}`",
                "PUT  | /api/v1/calendar/holidays/2025     | `{\"holidays\": []}`",
                "PUT  | /api/v1/calendar/holidays/2025     | `[null]`",
                "PUT  | /api/v1/calendar/holidays/99999999999 | []",
        })
        void noInputCausesAServerError(String method, String path, String body) {
            String target = path.replace("%s", "x".repeat(65));

            ResponseEntity<JsonNode> response = rejected(HttpMethod.valueOf(method), target, body);

            assertThat(response.getStatusCode().is4xxClientError()).as(response.toString()).isTrue();
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .isTrue();
        }

        @Test
        void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
            long head = engine.headPosition();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.TEXT_PLAIN);

            ResponseEntity<JsonNode> response = http.exchange("/api/v1/units", HttpMethod.POST,
                                                              new HttpEntity<>("code=XA", headers), JsonNode.class);

            assertProblem(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
            assertThat(engine.headPosition()).isEqualTo(head);
        }
    }
}
