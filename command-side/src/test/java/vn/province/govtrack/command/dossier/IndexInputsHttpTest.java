package vn.province.govtrack.command.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.province.govtrack.command.CommandSideHttpTest;
import vn.province.govtrack.kernel.dossier.DossierDigitisedEvent;
import vn.province.govtrack.kernel.dossier.DossierRatedEvent;
import vn.province.govtrack.kernel.dossier.ElectronicResultIssuedEvent;
import vn.province.govtrack.kernel.dossier.PaymentChannel;
import vn.province.govtrack.kernel.dossier.PaymentRecordedEvent;

/**
 * What a dossier records for the national index over HTTP, against the event store on a real MongoDB
 * wire-protocol server: its digitisation, its electronic result, the payment's channel and the applicant's
 * rating. Each accepted command answers the dossier as it left it; each refused one is problem+json and
 * appends nothing.
 */
class IndexInputsHttpTest extends CommandSideHttpTest {

    private static final String DIGITISATION = """
            {"parts": 4, "digitisedParts": 3, "reusedParts": 1, "populationDataUsed": true,
             "digitisedAt": "2025-07-01T10:00:00+07:00"}""";

    /** A dossier received in person on Tuesday 1 July 2025 at 09:30, due Wednesday 2 July at 09:30: its path. */
    private String receivedDossier() {
        String dossierId = unique("HS");
        ResponseEntity<JsonNode> submitted = post("/api/v1/dossiers", """
                {"dossierId": "%s", "procedureCode": "%s", "unitCode": "%s", "channel": "IN_PERSON",
                 "applicant": {"idNumber": "001203004567", "fullName": "Nguyễn Văn An"},
                 "submittedAt": "2025-07-01T09:30:00+07:00"}""".formatted(dossierId, publishedProcedure(),
                                                                        registeredUnit()));
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
        return "/api/v1/dossiers/" + dossierId;
    }

    /** The same dossier, resolved on 1 July at 16:00. */
    private String resolvedDossier() {
        String dossier = receivedDossier();
        accepted(post(dossier + "/resolution", """
                {"outcome": "APPROVED", "resolvedAt": "2025-07-01T16:00:00+07:00"}"""));
        return dossier;
    }

    /** The same dossier, its result returned on 2 July at 08:15. */
    private String returnedDossier() {
        String dossier = resolvedDossier();
        accepted(post(dossier + "/return", """
                {"returnedAt": "2025-07-02T08:15:00+07:00"}"""));
        return dossier;
    }

    private static JsonNode accepted(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("position").asLong()).isPositive();
        return response.getBody();
    }

    /** The payload of the dossier's last event. */
    private Object lastEventOf(String dossier) {
        List<? extends DomainEventMessage<?>> events =
                engine.readEvents(dossier.substring(dossier.lastIndexOf('/') + 1)).asStream().toList();
        return events.get(events.size() - 1).getPayload();
    }

    /** {@code response} is the problem of {@code status} and {@code slug}, and the store holds no new event. */
    private void refusedAndNothingAppended(long head, ResponseEntity<JsonNode> response, HttpStatus status,
                                           String slug) {
        assertProblem(response, status, slug);
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    void aDigitisationIsRecordedAndAnsweredWithTheDossierAsItWas() {
        String dossier = receivedDossier();

        JsonNode answer = accepted(post(dossier + "/digitisation", DIGITISATION));

        assertThat(answer.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(answer.path("dueAt").asText()).isEqualTo("2025-07-02T09:30:00+07:00");
        assertThat(answer.path("position").asLong()).isEqualTo(engine.headPosition());
        assertThat(lastEventOf(dossier)).isInstanceOfSatisfying(DossierDigitisedEvent.class, event -> {
            assertThat(event.parts()).isEqualTo(4);
            assertThat(event.digitisedParts()).isEqualTo(3);
            assertThat(event.reusedParts()).isEqualTo(1);
            assertThat(event.populationDataUsed()).isTrue();
            assertThat(event.fullyDigitised()).isFalse();
        });
    }

    @Test
    void aSecondDigitisationAfterASupplementIsRecordedToo() {
        String dossier = receivedDossier();
        accepted(post(dossier + "/digitisation", DIGITISATION));
        accepted(post(dossier + "/supplement-requests", """
                {"reason": "a certified copy", "requestedAt": "2025-07-01T11:00:00+07:00"}"""));

        JsonNode answer = accepted(post(dossier + "/digitisation", """
                {"parts": 5, "digitisedParts": 5, "reusedParts": 1, "populationDataUsed": true}"""));

        assertThat(answer.path("status").asText()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(lastEventOf(dossier)).isInstanceOfSatisfying(DossierDigitisedEvent.class,
                                                                 event -> assertThat(event.fullyDigitised()).isTrue());
    }

    @Test
    void aDigitisationWithoutItsFieldsIsABadRequestNamingEachAndAppendsNothing() {
        String dossier = receivedDossier();
        long head = engine.headPosition();

        ResponseEntity<JsonNode> response = post(dossier + "/digitisation", "{\"parts\": 0}");

        refusedAndNothingAppended(head, response, HttpStatus.BAD_REQUEST, "invalid-input");
        assertThat(response.getBody().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("parts", "digitisedParts", "reusedParts", "populationDataUsed");
    }

    @Test
    void moreDigitisedPartsThanPartsOrMoreReusedThanDigitisedIsABadRequest() {
        String dossier = receivedDossier();
        long head = engine.headPosition();

        ResponseEntity<JsonNode> tooMany = post(dossier + "/digitisation", """
                {"parts": 2, "digitisedParts": 3, "reusedParts": 0, "populationDataUsed": false}""");
        ResponseEntity<JsonNode> reusedTooMany = post(dossier + "/digitisation", """
                {"parts": 2, "digitisedParts": 1, "reusedParts": 2, "populationDataUsed": false}""");

        refusedAndNothingAppended(head, tooMany, HttpStatus.BAD_REQUEST, "invalid-input");
        assertThat(tooMany.getBody().path("detail").asText()).isEqualTo("digitisedParts must be between 0 and 2, not 3");
        refusedAndNothingAppended(head, reusedTooMany, HttpStatus.BAD_REQUEST, "invalid-input");
    }

    @Test
    void aDigitisationOfAResolvedOrUnknownDossierIsRefused() {
        String dossier = resolvedDossier();
        long head = engine.headPosition();

        refusedAndNothingAppended(head, post(dossier + "/digitisation", """
                {"parts": 4, "digitisedParts": 3, "reusedParts": 1, "populationDataUsed": true}"""),
                                  HttpStatus.CONFLICT, "rule-violation");
        refusedAndNothingAppended(head, post("/api/v1/dossiers/HS-NOWHERE/digitisation", DIGITISATION),
                                  HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void anElectronicResultNeedsNoBodyAndIsIssuedOnce() {
        String dossier = resolvedDossier();

        JsonNode answer = accepted(post(dossier + "/electronic-result", null));
        long head = engine.headPosition();
        ResponseEntity<JsonNode> again = post(dossier + "/electronic-result", """
                {"issuedAt": "2025-07-01T16:30:00+07:00"}""");

        assertThat(answer.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(lastEventOf(dossier)).isInstanceOf(ElectronicResultIssuedEvent.class);
        refusedAndNothingAppended(head, again, HttpStatus.CONFLICT, "rule-violation");
    }

    @Test
    void anElectronicResultOfAReturnedDossierIsRecordedButNotBeforeTheResolution() {
        String returned = returnedDossier();
        String received = receivedDossier();

        JsonNode answer = accepted(post(returned + "/electronic-result", """
                {"issuedAt": "2025-07-02T09:00:00+07:00"}"""));
        long head = engine.headPosition();
        ResponseEntity<JsonNode> early = post(received + "/electronic-result", "{}");

        assertThat(answer.path("status").asText()).isEqualTo("RETURNED");
        refusedAndNothingAppended(head, early, HttpStatus.CONFLICT, "rule-violation");
        assertThat(early.getBody().path("detail").asText()).endsWith("is RECEIVED; it cannot be given an electronic result");
    }

    @Test
    void aRatingAfterTheReturnIsRecordedOnce() {
        String dossier = returnedDossier();

        JsonNode answer = accepted(post(dossier + "/rating", """
                {"score": 4, "ratedAt": "2025-07-02T08:20:00+07:00"}"""));
        long head = engine.headPosition();
        ResponseEntity<JsonNode> again = post(dossier + "/rating", "{\"score\": 5}");

        assertThat(answer.path("status").asText()).isEqualTo("RETURNED");
        assertThat(lastEventOf(dossier)).isInstanceOfSatisfying(DossierRatedEvent.class,
                                                                 event -> assertThat(event.score()).isEqualTo(4));
        refusedAndNothingAppended(head, again, HttpStatus.CONFLICT, "rule-violation");
    }

    @Test
    void aRatingBeforeTheReturnOrOutsideOneToFiveOrBackdatedIsRefused() {
        String resolved = resolvedDossier();
        String returned = returnedDossier();
        long head = engine.headPosition();

        refusedAndNothingAppended(head, post(resolved + "/rating", "{\"score\": 5}"), HttpStatus.CONFLICT,
                                  "rule-violation");
        for (String score : List.of("0", "6", "null")) {
            ResponseEntity<JsonNode> response = post(returned + "/rating", "{\"score\": " + score + "}");
            refusedAndNothingAppended(head, response, HttpStatus.BAD_REQUEST, "invalid-input");
            assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly("score");
        }
        refusedAndNothingAppended(head, post(returned + "/rating", "{\"score\": \"five\"}"), HttpStatus.BAD_REQUEST,
                                  "malformed-request");
        refusedAndNothingAppended(head, post(returned + "/rating", """
                {"score": 5, "ratedAt": "2025-07-02T08:00:00+07:00"}"""), HttpStatus.CONFLICT, "rule-violation");
    }

    @Test
    void aPaymentIsRecordedWithItsChannelAtTheDeskUnlessItNamesOne() {
        String online = receivedDossier();
        String atDesk = receivedDossier();
        for (String dossier : List.of(online, atDesk)) {
            accepted(post(dossier + "/payment-requests", """
                    {"amount": 8000, "reason": "fee", "requestedAt": "2025-07-01T10:00:00+07:00"}"""));
        }

        accepted(post(online + "/payments", """
                {"amount": 8000, "channel": "ONLINE", "paidAt": "2025-07-01T10:30:00+07:00"}"""));
        accepted(post(atDesk + "/payments", """
                {"amount": 8000, "paidAt": "2025-07-01T10:30:00+07:00"}"""));

        assertThat(lastEventOf(online)).isInstanceOfSatisfying(PaymentRecordedEvent.class,
                event -> assertThat(event.channel()).isEqualTo(PaymentChannel.ONLINE));
        assertThat(lastEventOf(atDesk)).isInstanceOfSatisfying(PaymentRecordedEvent.class,
                event -> assertThat(event.channel()).isEqualTo(PaymentChannel.AT_DESK));
    }

    @Test
    void aPaymentChannelNoPaymentHasLeavesTheBodyUnreadable() {
        String dossier = receivedDossier();
        accepted(post(dossier + "/payment-requests", """
                {"amount": 8000, "reason": "fee", "requestedAt": "2025-07-01T10:00:00+07:00"}"""));
        long head = engine.headPosition();

        refusedAndNothingAppended(head, post(dossier + "/payments", """
                {"amount": 8000, "channel": "CASH"}"""), HttpStatus.BAD_REQUEST, "malformed-request");
    }
}
