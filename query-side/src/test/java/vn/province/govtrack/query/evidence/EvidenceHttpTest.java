package vn.province.govtrack.query.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import vn.province.govtrack.eventstore.AuditKeys;
import io.micrometer.core.instrument.MeterRegistry;

import vn.province.govtrack.eventstore.Checkpoint;
import vn.province.govtrack.eventstore.LogExport;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.kernel.calendar.HolidaysSetEvent;
import vn.province.govtrack.query.ActingOfficials;
import vn.province.govtrack.query.QuerySideHttpTest;
import vn.province.govtrack.security.Role;

/**
 * The evidence endpoints as an auditor uses them: the log verifies intact and signed, the checkpoints are
 * listed with the published key, both exports verify offline under that key; then one byte changed in
 * the database by hand is reported at exactly its position.
 *
 * <p>A store of its own: the last test alters it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.data.mongodb.database=evidence")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceHttpTest extends QuerySideHttpTest {

    private static final KeyPair KEYS = AuditKeys.generate();

    @DynamicPropertySource
    static void publishedKey(DynamicPropertyRegistry registry) {
        registry.add("govtrack.audit.public-key", () -> AuditKeys.encode(KEYS.getPublic()));
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    MongoProperties mongoProperties;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    MeterRegistry meters;

    private long checkpointAt;

    @BeforeAll
    void aSignedLog() {
        for (int year = 2020; year < 2032; year++) {
            eventStore.publish(new GenericDomainEventMessage<>("Calendar", "calendar-" + year, 0,
                    new HolidaysSetEvent(year, List.of(LocalDate.of(year, 9, 2))), Map.of("actor", "admin-1"),
                    UUID.randomUUID().toString(), Instant.now()));
        }
        checkpointAt = engine.headPosition();
        engine.auditCheckpoints().record(Checkpoint.sign(checkpointAt, engine.logReader().hashBefore(checkpointAt + 1),
                                                         Instant.now(), KEYS.getPrivate(),
                                                         AuditKeys.keyId(KEYS.getPublic())));
    }

    @Test
    void the_log_verifies_intact_and_signed_the_checkpoints_and_exports_verify_under_the_published_key()
            throws IOException {
        JsonNode verification = verifyWhole();
        assertThat(verification.get("state").asText()).as(verification.toString()).isEqualTo("INTACT");
        assertThat(verification.get("verifiedThrough").asLong()).isEqualTo(checkpointAt);
        assertThat(verification.get("checkpoint").get("position").asLong()).isEqualTo(checkpointAt);
        assertThat(verification.get("summary").asText())
                .startsWith("intact up to position " + checkpointAt + ", signed at checkpoint " + checkpointAt);
        assertThat(meters.get(VerificationMeters.INTACT).gauge().value()).isEqualTo(1);
        assertThat(meters.get(VerificationMeters.POSITION).gauge().value()).isEqualTo(checkpointAt);
        assertThat(meters.get(VerificationMeters.CHECKPOINT).gauge().value()).isEqualTo(checkpointAt);
        assertThat(meters.get(VerificationMeters.FINISHED).gauge().value())
                .isGreaterThan(Instant.now().minusSeconds(600).getEpochSecond());

        JsonNode checkpoints = json(get("/api/v1/audit/checkpoints", Role.AUDITOR).getBody());
        assertThat(checkpoints.get("publicKey").asText()).isEqualTo(AuditKeys.encode(KEYS.getPublic()));
        assertThat(checkpoints.get("checkpoints").get(0).get("valid").asBoolean()).isTrue();

        ResponseEntity<byte[]> export = getBytes("/api/v1/audit/export");
        assertThat(export.getHeaders().getContentType().toString()).startsWith(LogExport.MEDIA_TYPE);
        assertThat(export.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("govtrack-log-1-" + checkpointAt + ".ndjson");
        LogExport.Verified log = LogExport.verify(new ByteArrayInputStream(export.getBody()), KEYS.getPublic(),
                                                  (done, total) -> { });
        assertThat(log.result().intact()).as(log.result().summary()).isTrue();
        assertThat(log.result().checkpoint()).map(Checkpoint::position).hasValue(checkpointAt);

        ResponseEntity<byte[]> stream = getBytes("/api/v1/audit/streams/calendar-2025/export");
        String text = new String(stream.getBody(), StandardCharsets.UTF_8);
        assertThat(text).contains("2025-09-02").doesNotContain("2024-09-02");
        LogExport.Verified one = LogExport.verify(new ByteArrayInputStream(stream.getBody()), KEYS.getPublic(),
                                                  (done, total) -> { });
        assertThat(one.result().intact()).as(one.result().summary()).isTrue();
        assertThat(one.streamEvents()).isEqualTo(1);
    }

    @Test
    void bad_ranges_unknown_streams_and_other_roles_get_problems() {
        assertThat(get("/api/v1/audit/verification?from=5&to=2", Role.AUDITOR).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("/api/v1/audit/verification?to=999999", Role.AUDITOR).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("/api/v1/audit/verification?job=no-such-job", Role.AUDITOR).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/audit/export?fromPosition=999999", Role.AUDITOR).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("/api/v1/audit/streams/no-such-stream/export", Role.AUDITOR).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> farBeyondTheHead = get("/api/v1/audit/events?fromPosition=2147483648", Role.AUDITOR);
        assertThat(farBeyondTheHead.getStatusCode()).as("answered at once, no walk back from there").isEqualTo(HttpStatus.OK);
        assertThat(json(farBeyondTheHead.getBody()).get("events")).isEmpty();
        assertThat(get("/api/v1/audit/events?knownAt=2025-07-16T17:00:00Z", Role.AUDITOR).getStatusCode())
                .as("a read model that keeps only the present refuses knownAt").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("/api/v1/dossiers?knownAt=2025-07-16T17:00:00Z", Role.AUDITOR).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(getAccepting("/api/v1/audit/export", "application/x-ndjson").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(getAccepting("/api/v1/audit/events", "application/x-ndjson").getStatusCode())
                .as("NDJSON is answered by the exports only").isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        for (Role role : new Role[] {Role.CLIENT, Role.HOME_AFFAIRS}) {
            assertThat(get("/api/v1/audit/verification", role).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(get("/api/v1/audit/export", role).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void one_byte_changed_in_the_database_by_hand_is_reported_at_exactly_its_position() {
        MongoCollection<Document> events = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase())
                                                      .getCollection("events");
        long position = 7;
        Document commit = events.find(new Document("_id", position)).first();
        String payload = commit.getList("events", Document.class).get(0).getString("payload");
        try {
            events.updateOne(new Document("_id", position), new Document("$set",
                    new Document("events.0.payload", payload.replace("2026-09-02", "2026-09-03"))));

            JsonNode verification = verifyWhole();

            assertThat(verification.get("state").asText()).as(verification.toString()).isEqualTo("FAILED");
            assertThat(verification.get("failure").get("position").asLong()).isEqualTo(position);
            assertThat(verification.get("failure").get("reason").asText()).isEqualTo("EVENT_ALTERED");
            assertThat(verification.get("verifiedThrough").asLong()).isEqualTo(position - 1);
            assertThat(meters.get(VerificationMeters.INTACT).gauge().value()).isZero();
            assertThat(meters.get(VerificationMeters.POSITION).gauge().value()).isEqualTo(position - 1);
        } finally {
            events.updateOne(new Document("_id", position), new Document("$set",
                    new Document("events.0.payload", payload)));
        }
        assertThat(verifyWhole().get("state").asText()).as("restored").isEqualTo("INTACT");
    }

    /** Asks for the whole log's verification and polls it until it has a verdict. */
    private JsonNode verifyWhole() {
        ResponseEntity<String> first = get("/api/v1/audit/verification", Role.AUDITOR);
        JsonNode body = json(first.getBody());
        if (first.getStatusCode() == HttpStatus.OK) {
            return body;
        }
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = first.getHeaders().getLocation().toString();
        JsonNode[] verdict = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ResponseEntity<String> polled = get(location, Role.AUDITOR);
            verdict[0] = json(polled.getBody());
            return polled.getStatusCode() == HttpStatus.OK;
        });
        return verdict[0];
    }

    private ResponseEntity<String> get(String path, Role role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(ActingOfficials.token(minter, role, null));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> getAccepting(String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(ActingOfficials.token(minter, Role.AUDITOR, null));
        headers.set(HttpHeaders.ACCEPT, accept);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<byte[]> getBytes(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(ActingOfficials.token(minter, Role.AUDITOR, null));
        ResponseEntity<byte[]> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response;
    }

    private JsonNode json(String body) {
        try {
            return objectMapper.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
