package vn.province.govtrack.command.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.province.govtrack.command.CommandSideHttpTest;

/**
 * A commune dissolved by decision from Wednesday 2 July 2025, over HTTP against the event store on a
 * real MongoDB wire-protocol server: after the dissolution nothing moves into it, each refusal is a
 * 409 problem and appends nothing. Each test uses its own units, so the tests share one store.
 */
class UnitDissolutionHttpTest extends CommandSideHttpTest {

    private JsonNode accepted(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
        return response.getBody();
    }

    private String dissolvedFromTheSecondOfJuly() {
        String commune = registeredUnit("COMMUNE");
        accepted(post("/api/v1/units/" + commune + "/dissolution", """
                {"effectiveDate": "2025-07-02", "decisionNo": "88/NQ-HĐND"}"""));
        return commune;
    }

    private static String dossier(String dossierId, String unit, String procedure, String submittedAt) {
        return """
                {"dossierId": "%s", "procedureCode": "%s", "unitCode": "%s", "channel": "IN_PERSON",
                 "applicant": {"idNumber": "001203004567", "fullName": "Nguyễn Văn An", "phone": "0912345678"},
                 "submittedAt": "%s"}""".formatted(dossierId, procedure, unit, submittedAt);
    }

    /** Sends the command and checks it was answered with the problem and appended nothing. */
    private JsonNode refused(String path, String json, HttpStatus status, String slug) {
        long head = engine.headPosition();
        ResponseEntity<JsonNode> response = post(path, json);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody().path("type").asText()).isEqualTo(PROBLEMS + slug);
        assertThat(engine.headPosition()).as("appended by a refused command").isEqualTo(head);
        return response.getBody();
    }

    @Test
    void aUnitIsDissolvedByDecisionAndAnswersItsEffectiveDateAndPosition() {
        String commune = registeredUnit("COMMUNE");

        JsonNode dissolved = accepted(post("/api/v1/units/" + commune + "/dissolution", """
                {"effectiveDate": "2025-07-02", "decisionNo": "88/NQ-HĐND"}"""));

        assertThat(dissolved.path("code").asText()).isEqualTo(commune);
        assertThat(dissolved.path("effectiveDate").asText()).isEqualTo("2025-07-02");
        assertThat(dissolved.path("decisionNo").asText()).isEqualTo("88/NQ-HĐND");
        assertThat(dissolved.path("position").asLong()).isEqualTo(engine.headPosition());
    }

    @Test
    void dissolvingTwiceIsAConflictAndAnUnknownUnitIsNotFound() {
        String commune = dissolvedFromTheSecondOfJuly();

        JsonNode twice = refused("/api/v1/units/" + commune + "/dissolution", """
                {"effectiveDate": "2025-08-01", "decisionNo": "89/NQ-HĐND"}""", HttpStatus.CONFLICT, "rule-violation");
        assertThat(twice.path("detail").asText()).contains("already dissolved, from 2025-07-02");
        refused("/api/v1/units/XA-NOWHERE/dissolution", """
                {"decisionNo": "89/NQ-HĐND"}""", HttpStatus.NOT_FOUND, "not-found");
        refused("/api/v1/units/" + registeredUnit("COMMUNE") + "/dissolution", """
                {"effectiveDate": "2025-08-01"}""", HttpStatus.BAD_REQUEST, "invalid-input");
    }

    @Test
    void nobodyIsRecruitedTransferredOrSecondedIntoADissolvedUnit() {
        String commune = dissolvedFromTheSecondOfJuly();
        String staffId = recruitedInto(registeredUnit("DEPARTMENT"));

        refused("/api/v1/staff", """
                {"fullName": "Lê Văn Cường", "unitCode": "%s", "field": "LAND", "position": "land officer",
                 "effectiveDate": "2025-06-01", "decisionNo": "13/QĐ-SNV"}""".formatted(commune),
                HttpStatus.CONFLICT, "rule-violation");
        refused("/api/v1/staff/" + staffId + "/transfers", """
                {"toUnitCode": "%s", "effectiveDate": "2025-06-01", "decisionNo": "50/QĐ-UBND"}""".formatted(commune),
                HttpStatus.CONFLICT, "rule-violation");
        JsonNode secondment = refused("/api/v1/staff/" + staffId + "/secondments", """
                {"toUnitCode": "%s", "from": "2025-06-01", "until": "2025-07-31", "decisionNo": "46/QĐ-UBND"}"""
                .formatted(commune), HttpStatus.CONFLICT, "rule-violation");
        assertThat(secondment.path("detail").asText())
                .isEqualTo("unit '" + commune + "' is dissolved from 2025-07-02; a secondment to it must end before "
                           + "that day, not on 2025-07-31");
    }

    @Test
    void noDossierIsSubmittedOrTransferredToADissolvedUnitFromItsDissolutionDay() {
        String commune = dissolvedFromTheSecondOfJuly();
        String procedure = publishedProcedure();
        String dossierId = unique("HS");
        accepted(post("/api/v1/dossiers", dossier(dossierId, registeredUnit("WARD"), procedure,
                                                  "2025-07-01T09:30:00+07:00")));

        refused("/api/v1/dossiers", dossier(unique("HS"), commune, procedure, "2025-07-02T07:30:00+07:00"),
                HttpStatus.CONFLICT, "rule-violation");
        JsonNode transfer = refused("/api/v1/dossiers/" + dossierId + "/transfers", """
                {"toUnitCode": "%s", "reason": "the applicant lives there", "transferredAt": "2025-07-02T08:00:00+07:00"}"""
                .formatted(commune), HttpStatus.CONFLICT, "rule-violation");
        assertThat(transfer.path("detail").asText())
                .isEqualTo("unit '" + commune + "' is dissolved from 2025-07-02; it takes no dossier on 2025-07-02");
    }

    @Test
    void beforeItsDissolutionDayTheUnitStillReceivesDossiers() {
        String commune = dissolvedFromTheSecondOfJuly();

        JsonNode submitted = accepted(post("/api/v1/dossiers", dossier(unique("HS"), commune, publishedProcedure(),
                                                                       "2025-07-01T09:30:00+07:00")));

        assertThat(submitted.path("status").asText()).isEqualTo("RECEIVED");
    }
}
