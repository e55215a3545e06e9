package vn.province.govtrack.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.kernel.applicant.ApplicantDataErasedEvent;
import vn.province.govtrack.kernel.applicant.ApplicantIds;
import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Applicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.personaldata.ApplicantSealer;
import vn.province.govtrack.personaldata.LookupHash;
import vn.province.govtrack.personaldata.MongoApplicantKeys;
import vn.province.govtrack.personaldata.PersonalData;
import vn.province.govtrack.security.Role;

/**
 * The erasure of an applicant's personal data as readers meet it: dossiers of two applicants are
 * recorded with their applicants sealed as the command side seals them (same key store, same
 * database); after one applicant's key is destroyed and the erasure recorded, as
 * {@code DELETE /api/v1/applicants/{idNumber}} does, every view, the audit endpoints and a full
 * rebuild of the projections show that applicant erased and the other in clear, while statuses,
 * verdicts and the timeliness figures stay as they were. CLIENT never receives personal data.
 *
 * <p>A store of its own: it rebuilds the projections and compares whole lists and reports before and
 * after, which what other tests do to a shared context's processors would disturb.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.data.mongodb.database=personal_data")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataErasureHttpTest extends QuerySideHttpTest {

    private static final String PEPPER = "the-command-sides-pepper-in-this-test-0123456789";
    private static final String UNIT = "W-PII";
    private static final String OTHER_UNIT = "W-OTHER";
    private static final Applicant AN = new Applicant("001203004567", "Nguyễn Văn An", "0912345678");
    private static final Applicant BINH = new Applicant("079185001234", "Trần Thị Bình", "0987654321");
    private static final Instant RECEIVED_AT = Instant.parse("2025-07-01T02:00:00Z");
    private static final Instant DUE_AT = Instant.parse("2025-07-04T02:00:00Z");
    private static final Instant RESOLVED_AT = Instant.parse("2025-07-03T09:30:00Z");
    private static final String TIMELINESS = "/api/v1/timeliness?groupBy=unit&from=2025-07-01&to=2025-07-31";

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    MongoProperties mongoProperties;
    @Autowired
    ObjectMapper objectMapper;

    /** The command side's sealing, on the same database. */
    private PersonalData commandSide;
    private SealedApplicant anSealed;
    private SealedApplicant binhSealed;

    @BeforeAll
    void recordDossiersOfTwoApplicants() {
        ApplicantSealer sealer = new ApplicantSealer();
        commandSide = new PersonalData(new MongoApplicantKeys(database(), new LookupHash(PEPPER), sealer,
                                                              Clock.systemUTC()), sealer);
        anSealed = commandSide.seal(AN);
        binhSealed = commandSide.seal(BINH);
        append("HS-PII-AN-1", 0, new DossierReceivedEvent("HS-PII-AN-1", "1.004227", "LAND", UNIT,
                Channel.IN_PERSON, anSealed, RECEIVED_AT, 24, RECEIVED_AT, DUE_AT), RECEIVED_AT);
        append("HS-PII-AN-1", 1, new DossierResolvedEvent("HS-PII-AN-1", Outcome.APPROVED, "Certificate issued",
                RESOLVED_AT, DUE_AT, Timeliness.EARLY, 2.94), RESOLVED_AT);
        append("HS-PII-AN-2", 0, new DossierSubmittedOnlineEvent("HS-PII-AN-2", "1.004227", "LAND", UNIT,
                commandSide.seal(AN), RECEIVED_AT), RECEIVED_AT);
        append("HS-PII-BINH-1", 0, new DossierReceivedEvent("HS-PII-BINH-1", "1.004227", "LAND", UNIT,
                Channel.IN_PERSON, binhSealed, RECEIVED_AT, 24, RECEIVED_AT, DUE_AT), RECEIVED_AT);
        awaitCaughtUp("dossiers");
        awaitCaughtUp("timeliness");
    }

    @Test
    void erasing_one_applicant_shows_them_erased_everywhere_even_after_a_rebuild_while_the_rest_stays() {
        JsonNode dossierBefore = read("/api/v1/dossiers/HS-PII-AN-1", Role.AUDITOR);
        JsonNode listBefore = read("/api/v1/dossiers?unitCode=" + UNIT, Role.AUDITOR);
        JsonNode timelinessBefore = read(TIMELINESS, Role.AUDITOR);
        assertThat(dossierBefore.get("applicant")).isEqualTo(clear(AN));
        assertThat(applicantsOf(listBefore)).containsExactly(clear(AN), clear(AN), clear(BINH));
        assertThat(read("/api/v1/audit/streams/HS-PII-AN-1/events", Role.AUDITOR)
                           .get("events").get(0).get("payload").get("applicant")).isEqualTo(clear(AN));
        assertThat(read("/api/v1/audit/streams/HS-PII-AN-1/state", Role.AUDITOR).get("state").get("applicant"))
                .isEqualTo(clear(AN));

        long erasedAt = eraseAn();

        assertErasedForAnAndClearForBinh(dossierBefore, listBefore, timelinessBefore, erasedAt);
        assertTheLogStillVerifiesIntact();

        rebuild("dossiers");
        rebuild("timeliness");

        assertErasedForAnAndClearForBinh(dossierBefore, listBefore, timelinessBefore, erasedAt);
    }

    @Test
    void a_client_never_receives_personal_data_nor_its_sealed_form() {
        for (String path : List.of("/api/v1/dossiers/HS-PII-BINH-1", "/api/v1/dossiers/HS-PII-AN-2",
                                   "/api/v1/dossiers?unitCode=" + UNIT, "/api/v1/dossiers", TIMELINESS)) {
            ResponseEntity<String> response = raw(path, Role.CLIENT, null);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).as(path).doesNotContain("applicant", "Nguy", "Bình", "An\"",
                    AN.idNumber(), AN.phone(), BINH.idNumber(), BINH.phone(), anSealed.keyId(), binhSealed.keyId());
        }
        assertThat(raw("/api/v1/audit/events", Role.CLIENT, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_clerk_sees_the_applicants_of_its_own_units_dossiers() {
        ResponseEntity<String> own = raw("/api/v1/dossiers/HS-PII-BINH-1", Role.CLERK, UNIT);

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(own.getBody()).get("applicant")).isEqualTo(clear(BINH));
        assertThat(raw("/api/v1/dossiers/HS-PII-BINH-1", Role.CLERK, OTHER_UNIT).getBody())
                .doesNotContain(BINH.fullName(), BINH.idNumber());
    }

    @Test
    void neither_the_events_nor_the_dossier_views_hold_an_applicant_in_clear() {
        String stored = String.join("\n", documents("events")) + String.join("\n", documents("dossier_view"))
                        + String.join("\n", documents("timeliness_fact"));

        assertThat(stored).contains("HS-PII-AN-1", "HS-PII-BINH-1")
                .doesNotContain(AN.idNumber(), AN.fullName(), AN.phone(), BINH.idNumber(), BINH.fullName(),
                                BINH.phone(), "Nguy", "Bình");
    }

    // ------------------------------------------------------------------ the erasure and what it shows

    /** What {@code DELETE /api/v1/applicants/{idNumber}} does on the command side: record, then destroy the key. */
    private long eraseAn() {
        String keyId = commandSide.liveKeyIdOf(AN.idNumber()).orElseThrow();
        Instant erasedAt = Instant.parse("2025-07-20T03:00:00Z");
        long position = append(ApplicantIds.streamOf(keyId), "ApplicantData", 0,
                new ApplicantDataErasedEvent(keyId, erasedAt), erasedAt);
        assertThat(commandSide.destroyKey(keyId, erasedAt)).isTrue();
        return position;
    }

    private void assertErasedForAnAndClearForBinh(JsonNode dossierBefore, JsonNode listBefore,
                                                  JsonNode timelinessBefore, long erasurePosition) {
        JsonNode dossier = read("/api/v1/dossiers/HS-PII-AN-1", Role.AUDITOR);
        assertThat(dossier.get("applicant")).isEqualTo(erased());
        assertThat(withoutApplicantAndPosition(dossier)).isEqualTo(withoutApplicantAndPosition(dossierBefore));
        assertThat(read("/api/v1/dossiers/HS-PII-BINH-1", Role.AUDITOR).get("applicant")).isEqualTo(clear(BINH));

        JsonNode list = read("/api/v1/dossiers?unitCode=" + UNIT, Role.AUDITOR);
        assertThat(applicantsOf(list)).containsExactly(erased(), erased(), clear(BINH));
        assertThat(statusesOf(list)).isEqualTo(statusesOf(listBefore));
        assertThat(read(TIMELINESS, Role.AUDITOR).get("rows")).isEqualTo(timelinessBefore.get("rows"));
        assertThat(read(TIMELINESS, Role.AUDITOR).get("total")).isEqualTo(timelinessBefore.get("total"));

        JsonNode stream = read("/api/v1/audit/streams/HS-PII-AN-1/events", Role.AUDITOR);
        assertThat(stream.get("events").get(0).get("payload").get("applicant")).isEqualTo(erased());
        assertThat(stream.get("events").get(1).get("payload").get("timeliness").asText()).isEqualTo("EARLY");
        JsonNode state = read("/api/v1/audit/streams/HS-PII-AN-1/state?asOf=2025-07-02T00:00:00Z", Role.AUDITOR);
        assertThat(state.get("state").get("applicant")).isEqualTo(erased());
        assertThat(read("/api/v1/audit/streams/HS-PII-BINH-1/events", Role.AUDITOR)
                           .get("events").get(0).get("payload").get("applicant")).isEqualTo(clear(BINH));

        JsonNode log = read("/api/v1/audit/events?fromPosition=1&limit=1000", Role.AUDITOR);
        List<JsonNode> applicants = new ArrayList<>();
        for (JsonNode event : log.get("events")) {
            if (event.get("payload").has("applicant")) {
                applicants.add(event.get("payload").get("applicant"));
            }
        }
        assertThat(applicants).containsExactly(erased(), erased(), clear(BINH));
        JsonNode erasure = StreamSupport.stream(log.get("events").spliterator(), false)
                                        .filter(event -> event.get("position").asLong() == erasurePosition)
                                        .findFirst().orElseThrow();
        assertThat(erasure.get("type").asText()).isEqualTo("ApplicantDataErasedEvent");
        assertThat(erasure.get("payload").toString()).doesNotContain(AN.idNumber(), AN.fullName());

        for (String path : List.of("/api/v1/dossiers/HS-PII-AN-1", "/api/v1/dossiers?unitCode=" + UNIT,
                                   "/api/v1/audit/streams/HS-PII-AN-1/events", "/api/v1/audit/streams/HS-PII-AN-2/state",
                                   "/api/v1/audit/events?fromPosition=1&limit=1000")) {
            assertThat(raw(path, Role.AUDITOR, null).getBody()).as(path)
                    .doesNotContain(AN.idNumber(), AN.fullName(), AN.phone(), anSealed.ciphertext());
        }
    }

    private ObjectNode clear(Applicant applicant) {
        return objectMapper.createObjectNode().put("idNumber", applicant.idNumber())
                           .put("fullName", applicant.fullName()).put("phone", applicant.phone());
    }

    private ObjectNode erased() {
        return objectMapper.createObjectNode().put("erased", true).put("erasedAt", "2025-07-20T10:00:00+07:00");
    }

    private static List<JsonNode> applicantsOf(JsonNode page) {
        return StreamSupport.stream(page.get("content").spliterator(), false).map(d -> d.get("applicant")).toList();
    }

    private static List<String> statusesOf(JsonNode page) {
        return StreamSupport.stream(page.get("content").spliterator(), false)
                            .map(d -> d.get("dossierId").asText() + ":" + d.get("status").asText() + ":"
                                      + d.get("timeliness").asText() + ":" + d.get("dueAt").asText())
                            .toList();
    }

    private static JsonNode withoutApplicantAndPosition(JsonNode dossier) {
        ObjectNode copy = dossier.deepCopy();
        copy.remove("applicant");
        copy.remove("lastPosition");
        return copy;
    }

    // ------------------------------------------------------------------ plumbing

    /** Erasure destroys a key, never an event's bytes: the hash chain over the sealed bytes stays whole. */
    private void assertTheLogStillVerifiesIntact() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode verification = read("/api/v1/audit/verification", Role.AUDITOR);
            assertThat(verification.get("state").asText()).as(verification.toString()).isEqualTo("INTACT");
            assertThat(verification.get("verifiedThrough").asLong())
                    .isEqualTo(engine.createHeadToken().position().orElseThrow());
        });
    }

    private long append(String dossierId, long sequence, Object payload, Instant timestamp) {
        return append(dossierId, "Dossier", sequence, payload, timestamp);
    }

    private long append(String aggregateId, String type, long sequence, Object payload, Instant timestamp) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, Map.of(),
                UUID.randomUUID().toString(), timestamp));
        return engine.createHeadToken().position().orElseThrow();
    }

    private JsonNode read(String path, Role role) {
        ResponseEntity<String> response = raw(path, role, null);
        assertThat(response.getStatusCode()).as("%s %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response.getBody());
    }

    /** As {@code role}, after the projections reached the store's head. */
    private ResponseEntity<String> raw(String path, Role role, String unitCode) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(ActingOfficials.token(minter, role, unitCode));
        headers.set("X-Min-Position", Long.toString(engine.createHeadToken().position().orElseThrow()));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private JsonNode json(String body) {
        try {
            return objectMapper.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }

    private void rebuild(String projection) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(ActingOfficials.token(minter, Role.ADMIN, null));
        ResponseEntity<String> accepted = rest.exchange("/api/v1/admin/projections/" + projection + "/rebuild",
                HttpMethod.POST, new HttpEntity<>(headers), String.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitCaughtUp(projection);
    }

    private void awaitCaughtUp(String name) {
        long head = engine.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode list = read("/api/v1/admin/projections", Role.AUDITOR).get("projections");
            JsonNode status = StreamSupport.stream(list.spliterator(), false)
                                           .filter(p -> p.get("name").asText().equals(name)).findFirst()
                                           .orElseThrow(() -> new AssertionError("no projection " + name));
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("progress").asInt()).isEqualTo(100);
            assertThat(status.get("position").asLong()).isGreaterThanOrEqualTo(head);
        });
    }

    private MongoDatabase database() {
        return mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
    }

    private List<String> documents(String collection) {
        return database().getCollection(collection).find().map(Document::toJson).into(new ArrayList<>());
    }
}
