package vn.province.govtrack.command.applicant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import vn.province.govtrack.command.CommandSideHttpTest;
import vn.province.govtrack.command.web.ActingOfficials;
import vn.province.govtrack.kernel.applicant.ApplicantDataErasedEvent;
import vn.province.govtrack.kernel.applicant.ApplicantIds;
import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Applicant;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;
import vn.province.govtrack.personaldata.Disclosure;
import vn.province.govtrack.personaldata.MongoApplicantKeys;
import vn.province.govtrack.personaldata.PersonalData;
import vn.province.govtrack.security.Role;

/**
 * Personal data through the command API: sealed before it reaches the store, and erased by
 * destroying the applicant's key, on a real wire-protocol server.
 */
class ApplicantErasureHttpTest extends CommandSideHttpTest {

    /** Each test its own applicants, so the tests share one store. */
    private static final AtomicInteger NEXT_ID_NUMBER = new AtomicInteger(4567);

    @Autowired
    PersonalData personalData;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    MongoProperties mongoProperties;

    record Person(String idNumber, String fullName, String phone) {
        String json() {
            return """
                    {"idNumber": "%s", "fullName": "%s", "phone": "%s"}""".formatted(idNumber, fullName, phone);
        }
    }

    @Test
    void the_event_store_holds_no_id_number_name_or_phone_in_clear() {
        long head = engine.headPosition();
        Person an = person("Nguyễn Văn An", "0912345678");
        Person binh = person("Trần Thị Bình", "0987654321");
        String unit = registeredUnit();
        String procedure = publishedProcedure();
        String inPerson = submit(unit, procedure, "IN_PERSON", an);
        String online = submit(unit, procedure, "ONLINE", an);
        accepted(send(HttpMethod.POST, "/api/v1/dossiers/" + online + "/receipt", "{}"), HttpStatus.OK);
        submit(unit, procedure, "POSTAL", binh);

        // the commits of this test: the store is shared, and other tests record staff names in clear
        List<String> raw = database().getCollection("events").find(Filters.gt("_id", head)).map(Document::toJson)
                                     .into(new ArrayList<>());
        String everything = String.join("\n", raw);
        assertThat(raw).isNotEmpty();
        assertThat(everything).contains(inPerson, online);
        for (Person person : List.of(an, binh)) {
            // whole values only: a short fragment such as a given name may occur in random base64 ciphertext
            assertThat(everything).doesNotContain(person.idNumber(), person.fullName(), person.phone());
        }
        SealedApplicant sealed = receivedEvent(inPerson).applicant();
        assertThat(receivedEvent(online).applicant().keyId()).isEqualTo(sealed.keyId());
        assertThat(personalData.open(sealed)).isEqualTo(new Disclosure.Clear(
                new Applicant(an.idNumber(), an.fullName(), an.phone())));
    }

    @Test
    void erasing_an_applicant_destroys_the_key_records_the_erasure_and_leaves_the_other_applicant_readable() {
        Person an = person("Nguyễn Văn An", "0912345678");
        Person binh = person("Trần Thị Bình", "0987654321");
        String unit = registeredUnit();
        String procedure = publishedProcedure();
        String first = submit(unit, procedure, "IN_PERSON", an);
        String second = submit(unit, procedure, "ONLINE", an);
        String other = submit(unit, procedure, "IN_PERSON", binh);
        SealedApplicant anFirst = receivedEvent(first).applicant();
        SealedApplicant anSecond = submittedOnlineEvent(second).applicant();
        SealedApplicant binhSealed = receivedEvent(other).applicant();

        ResponseEntity<JsonNode> erased = send(HttpMethod.DELETE, "/api/v1/applicants/" + an.idNumber(), null);

        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(personalData.open(anFirst)).isInstanceOf(Disclosure.Erased.class);
        assertThat(personalData.open(anSecond)).isInstanceOf(Disclosure.Erased.class);
        assertThat(personalData.open(binhSealed)).isInstanceOf(Disclosure.Clear.class);
        Document tombstone = database().getCollection(MongoApplicantKeys.COLLECTION)
                                       .find(new Document("_id", anFirst.keyId())).first();
        assertThat(tombstone).doesNotContainKey("key");
        assertThat(tombstone.getString("lookup")).isEqualTo("erased:" + anFirst.keyId());

        List<? extends DomainEventMessage<?>> record = engine.readEvents(ApplicantIds.streamOf(anFirst.keyId()))
                                                             .asStream().toList();
        assertThat(record).hasSize(1);
        ApplicantDataErasedEvent event = (ApplicantDataErasedEvent) record.get(0).getPayload();
        assertThat(event.keyId()).isEqualTo(anFirst.keyId());
        assertThat(tombstone.getDate("erasedAt").toInstant()).isEqualTo(event.erasedAt());
        // erasure destroyed a key, not event bytes: the log's hash chain still verifies (ADR 0010)
        assertThat(engine.verifyLog(null, (done, total) -> { }).intact()).isTrue();

        // the dossiers themselves go on: history and statistics stay
        accepted(send(HttpMethod.POST, "/api/v1/dossiers/" + second + "/receipt", "{}"), HttpStatus.OK);
        assertThat(receivedEvent(second).applicant()).isEqualTo(anSecond);
    }

    @Test
    void erasing_again_or_an_applicant_never_seen_is_a_not_found_problem_that_appends_nothing() {
        Person an = person("Nguyễn Văn An", "0912345678");
        submit(registeredUnit(), publishedProcedure(), "IN_PERSON", an);
        assertThat(send(HttpMethod.DELETE, "/api/v1/applicants/" + an.idNumber(), null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        long head = engine.headPosition();

        ResponseEntity<JsonNode> again = send(HttpMethod.DELETE, "/api/v1/applicants/" + an.idNumber(), null);
        ResponseEntity<JsonNode> never = send(HttpMethod.DELETE, "/api/v1/applicants/099999999999", null);

        assertProblem(again, HttpStatus.NOT_FOUND, "applicant-not-found");
        assertProblem(never, HttpStatus.NOT_FOUND, "applicant-not-found");
        assertThat(again.getBody().toString()).doesNotContain(an.idNumber());
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    void only_an_admin_may_erase_others_are_refused_and_the_data_stays_readable() {
        Person an = person("Nguyễn Văn An", "0912345678");
        String unit = registeredUnit();
        String dossierId = submit(unit, publishedProcedure(), "IN_PERSON", an);
        long head = engine.headPosition();

        for (Role role : List.of(Role.CLERK, Role.UNIT_HEAD, Role.HOME_AFFAIRS, Role.AUDITOR, Role.CLIENT)) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(ActingOfficials.token(minter, role, unit));
            ResponseEntity<JsonNode> refused = http.exchange("/api/v1/applicants/" + an.idNumber(), HttpMethod.DELETE,
                                                             new HttpEntity<>(headers), JsonNode.class);
            assertProblem(refused, HttpStatus.FORBIDDEN, "forbidden");
        }
        HttpHeaders forged = new HttpHeaders();
        forged.setBearerAuth("not-a-token");
        ResponseEntity<JsonNode> unauthenticated = http.exchange("/api/v1/applicants/" + an.idNumber(),
                                                                 HttpMethod.DELETE, new HttpEntity<>(forged), JsonNode.class);

        assertThat(unauthenticated.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(engine.headPosition()).isEqualTo(head);
        assertThat(personalData.open(receivedEvent(dossierId).applicant())).isInstanceOf(Disclosure.Clear.class);
    }

    @Test
    void an_id_number_that_is_not_twelve_digits_is_an_invalid_input_problem_that_appends_nothing() {
        long head = engine.headPosition();

        for (String invalid : List.of("12345678901", "1234567890123", "00120300456a", "001203-04567", "+84912345678")) {
            ResponseEntity<JsonNode> response = send(HttpMethod.DELETE, "/api/v1/applicants/" + invalid, null);
            assertProblem(response, HttpStatus.BAD_REQUEST, "invalid-input");
        }
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    void a_submission_with_an_invalid_id_number_is_refused_before_any_key_is_created() {
        long keys = database().getCollection(MongoApplicantKeys.COLLECTION).countDocuments();
        long head = engine.headPosition();

        ResponseEntity<JsonNode> response = send(HttpMethod.POST, "/api/v1/dossiers", """
                {"procedureCode": "%s", "unitCode": "%s", "channel": "IN_PERSON",
                 "applicant": {"idNumber": "0012030045", "fullName": "Nguyễn Văn An", "phone": "0912345678"}}"""
                .formatted(publishedProcedure(), registeredUnit()));
        long headAfterSetup = engine.headPosition();

        assertProblem(response, HttpStatus.BAD_REQUEST, "invalid-input");
        assertThat(response.getBody().toString()).doesNotContain("0012030045");
        assertThat(headAfterSetup - head).as("only the unit and the procedure were recorded").isEqualTo(2);
        assertThat(database().getCollection(MongoApplicantKeys.COLLECTION).countDocuments()).isEqualTo(keys);
    }

    // ------------------------------------------------------------------ helpers

    private static Person person(String fullName, String phone) {
        return new Person(String.format("0012030%05d", NEXT_ID_NUMBER.incrementAndGet()), fullName, phone);
    }

    private MongoDatabase database() {
        return mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
    }

    private DossierReceivedEvent receivedEvent(String dossierId) {
        return engine.readEvents(dossierId).asStream().map(DomainEventMessage::getPayload)
                     .filter(DossierReceivedEvent.class::isInstance).map(DossierReceivedEvent.class::cast)
                     .findFirst().orElseThrow();
    }

    private DossierSubmittedOnlineEvent submittedOnlineEvent(String dossierId) {
        return (DossierSubmittedOnlineEvent) engine.readEvents(dossierId).asStream().findFirst().orElseThrow()
                                                   .getPayload();
    }

    private String submit(String unit, String procedure, String channel, Person applicant) {
        String dossierId = unique("HS-PII");
        accepted(send(HttpMethod.POST, "/api/v1/dossiers", """
                {"dossierId": "%s", "procedureCode": "%s", "unitCode": "%s", "channel": "%s", "applicant": %s,
                 "submittedAt": "2025-07-01T09:30:00+07:00"}"""
                .formatted(dossierId, procedure, unit, channel, applicant.json())), HttpStatus.CREATED);
        return dossierId;
    }

    private static void accepted(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
    }

}
