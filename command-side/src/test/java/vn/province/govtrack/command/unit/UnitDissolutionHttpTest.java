package vn.province.govtrack.command.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.province.govtrack.command.web.ActingOfficials;
import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.security.TokenMinter;

/**
 * A commune dissolved by decision from Wednesday 2 July 2025, over HTTP against the event store on a
 * real MongoDB wire-protocol server: after the dissolution nothing moves into it, each refusal is a
 * 409 problem and appends nothing. Each test uses its own units, so the tests share one store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "govtrack.staff.secondment-expiry.enabled=false")
class UnitDissolutionHttpTest {

    private static final String PROBLEMS = "https://govtrack.example/problems/";
    private static final AtomicInteger NEXT = new AtomicInteger();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", TestMongo::uri);
        registry.add("spring.data.mongodb.database", () -> TestMongo.freshDatabaseName("unit-dissolution"));
    }

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private MongoEventStorageEngine engine;

    @Autowired
    private TokenMinter minter;

    @BeforeEach
    void actAsTheResponsibleOfficials() {
        ActingOfficials.install(http, minter);
    }

    private static String unique(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet();
    }

    private ResponseEntity<JsonNode> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private JsonNode accepted(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
        return response.getBody();
    }

    private String registered(String kind) {
        String code = unique(kind.equals("DEPARTMENT") ? "SO" : "XA");
        accepted(post("/api/v1/units", """
                {"code": "%s", "name": "Unit %s", "kind": "%s"}""".formatted(code, code, kind)));
        return code;
    }

    private String dissolvedFromTheSecondOfJuly() {
        String commune = registered("COMMUNE");
        accepted(post("/api/v1/units/" + commune + "/dissolution", """
                {"effectiveDate": "2025-07-02", "decisionNo": "88/NQ-HĐND"}"""));
        return commune;
    }

    private String publishedProcedure() {
        String code = unique("KHAI-SINH");
        accepted(post("/api/v1/procedures", """
                {"code": "%s", "name": "Đăng ký khai sinh", "field": "JUSTICE_CIVIL_STATUS", "level": "COMMUNE",
                 "processingHours": 8, "cutoff": "15:00", "online": true}""".formatted(code)));
        return code;
    }

    private static String dossier(String dossierId, String unit, String procedure, String submittedAt) {
        return """
                {"dossierId": "%s", "procedureCode": "%s", "unitCode": "%s", "channel": "IN_PERSON",
                 "applicant": {"idNumber": "001203004567", "fullName": "Nguyễn Văn An", "phone": "0912345678"},
                 "submittedAt": "%s"}""".formatted(dossierId, procedure, unit, submittedAt);
    }

    private String recruitedInto(String unit) {
        String staffId = unique("CB");
        accepted(post("/api/v1/staff", """
                {"staffId": "%s", "fullName": "Trần Thị Bình", "unitCode": "%s", "field": "INFORMATION_TECHNOLOGY",
                 "position": "IT officer", "effectiveDate": "2024-03-01", "decisionNo": "12/QĐ-SNV"}"""
                .formatted(staffId, unit)));
        return staffId;
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
        String commune = registered("COMMUNE");

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
        refused("/api/v1/units/" + registered("COMMUNE") + "/dissolution", """
                {"effectiveDate": "2025-08-01"}""", HttpStatus.BAD_REQUEST, "invalid-input");
    }

    @Test
    void nobodyIsRecruitedTransferredOrSecondedIntoADissolvedUnit() {
        String commune = dissolvedFromTheSecondOfJuly();
        String staffId = recruitedInto(registered("DEPARTMENT"));

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
        accepted(post("/api/v1/dossiers", dossier(dossierId, registered("WARD"), procedure,
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
