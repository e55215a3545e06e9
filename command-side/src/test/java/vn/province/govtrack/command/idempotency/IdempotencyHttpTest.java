package vn.province.govtrack.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.DefaultUriBuilderFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import vn.province.govtrack.command.CommandSideApplication;
import vn.province.govtrack.command.web.ActingOfficials;
import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.security.Caller;
import vn.province.govtrack.security.Role;
import vn.province.govtrack.security.TokenMinter;

/**
 * Retried commands over HTTP: the same {@code Idempotency-Key} with the same request gets the first
 * answer back and appends nothing, however the retries arrive; keys are the caller's own. Against the
 * event store on a real MongoDB wire-protocol server, as the officials whose job each command is;
 * every test uses its own codes and keys, so the tests share one store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "govtrack.idempotency.max-wait=PT3S")
class IdempotencyHttpTest {

    private static final String DATABASE = TestMongo.freshDatabaseName("idempotency");
    private static final String PROBLEMS = "https://govtrack.example/problems/";
    private static final AtomicInteger NEXT = new AtomicInteger();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", TestMongo::uri);
        registry.add("spring.data.mongodb.database", () -> DATABASE);
    }

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private MongoEventStorageEngine engine;
    @Autowired
    private MongoClient mongoClient;
    @Autowired
    private MongoProperties mongoProperties;
    @Autowired
    private TokenMinter minter;

    @BeforeEach
    void actAsTheResponsibleOfficials() {
        ActingOfficials.install(http, minter);
    }

    private static String unique(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet();
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String json, String key) {
        return send(http, method, path, json, key);
    }

    private static ResponseEntity<String> send(TestRestTemplate client, HttpMethod method, String path, String json,
                                               String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return client.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private String registeredUnit() {
        String code = unique("XA");
        assertThat(send(HttpMethod.POST, "/api/v1/units", """
                {"code": "%s", "name": "Xã Tân Lập", "kind": "COMMUNE"}""".formatted(code), null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return code;
    }

    private String publishedProcedure() {
        String code = unique("KHAI-SINH");
        assertThat(send(HttpMethod.POST, "/api/v1/procedures", """
                {"code": "%s", "name": "Đăng ký khai sinh", "field": "JUSTICE", "level": "COMMUNE",
                 "processingHours": 8, "cutoff": "15:00", "online": true}""".formatted(code), null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return code;
    }

    /** A submission without a dossier id: each run would generate a new dossier. */
    private String submission() {
        return """
                {"procedureCode": "%s", "unitCode": "%s", "channel": "IN_PERSON",
                 "applicant": {"idNumber": "001203004567", "fullName": "Nguyễn Văn An"},
                 "submittedAt": "2025-07-01T09:30:00+07:00"}""".formatted(publishedProcedure(), registeredUnit());
    }

    private MongoCollection<Document> keys() {
        return mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection(IdempotencyKeys.COLLECTION);
    }

    private static void assertSameAnswer(ResponseEntity<String> retry, ResponseEntity<String> first) {
        assertThat(retry.getStatusCode()).isEqualTo(first.getStatusCode());
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getHeaders().getContentType()).isEqualTo(first.getHeaders().getContentType());
    }

    private static void assertProblem(ResponseEntity<String> response, HttpStatus status, String slug) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"type\":\"" + PROBLEMS + slug + "\"");
    }

    @Test
    void aSequentialRetryGetsTheFirstAnswerAgainAndAppendsNothing() {
        String body = submission();
        String key = unique("key");

        ResponseEntity<String> first = send(HttpMethod.POST, "/api/v1/dossiers", body, key);
        long head = engine.headPosition();
        ResponseEntity<String> retry = send(HttpMethod.POST, "/api/v1/dossiers", body, key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getHeaders().get("Idempotent-Replayed")).isNull();
        assertSameAnswer(retry, first);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    void theSameRequestWrittenDifferentlyIsTheSameRequest() {
        String code = unique("PHUONG");
        String key = unique("key");

        ResponseEntity<String> first = send(HttpMethod.POST, "/api/v1/units", """
                {"code": "%s", "name": "Phường Hòa Bình", "kind": "WARD"}""".formatted(code), key);
        ResponseEntity<String> retry = send(HttpMethod.POST, "/api/v1/units", """
                {  "kind" : "WARD", "name":"Phường Hòa Bình","code":"%s"}""".formatted(code), key);

        assertSameAnswer(retry, first);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void eightConcurrentRetriesCreateOneDossierAndAllGetTheSameAnswer() throws Exception {
        String body = submission();
        String key = unique("key");
        long head = engine.headPosition();
        int retries = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(retries);
        try {
            List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
            for (int i = 0; i < retries; i++) {
                Callable<ResponseEntity<String>> retry = () -> {
                    start.await();
                    return send(HttpMethod.POST, "/api/v1/dossiers", body, key);
                };
                futures.add(pool.submit(retry));
            }
            start.countDown();
            List<ResponseEntity<String>> answers = new ArrayList<>();
            for (Future<ResponseEntity<String>> future : futures) {
                answers.add(future.get());
            }

            ResponseEntity<String> first = answers.get(0);
            assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
            answers.forEach(answer -> assertSameAnswer(answer, first));
            assertThat(answers).filteredOn(answer -> answer.getHeaders().get("Idempotent-Replayed") == null).hasSize(1);
            String dossierId = first.getHeaders().getLocation().getPath().replaceFirst(".*/", "");
            assertThat(engine.readEvents(dossierId).asStream().count()).isEqualTo(1);
            assertThat(engine.headPosition()).isEqualTo(head + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryAfterARestartGetsTheFirstAnswer() {
        String body = submission();
        String key = unique("key");
        ResponseEntity<String> first = send(HttpMethod.POST, "/api/v1/dossiers", body, key);
        long head = engine.headPosition();

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(CommandSideApplication.class)
                .run("--server.port=0", "--spring.data.mongodb.uri=" + TestMongo.uri(),
                     "--spring.data.mongodb.database=" + DATABASE, "--govtrack.staff.secondment-expiry.enabled=false")) {
            String port = restarted.getEnvironment().getProperty("local.server.port");
            TestRestTemplate other = new TestRestTemplate();
            other.setUriTemplateHandler(new DefaultUriBuilderFactory("http://127.0.0.1:" + port));
            ActingOfficials.install(other, minter);

            ResponseEntity<String> retry = send(other, HttpMethod.POST, "/api/v1/dossiers", body, key);

            assertSameAnswer(retry, first);
            assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        }
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndAppendsNothing() {
        String key = unique("key");
        String unit = unique("XA");
        send(HttpMethod.POST, "/api/v1/units", """
                {"code": "%s", "name": "Xã Tân Lập", "kind": "COMMUNE"}""".formatted(unit), key);
        long head = engine.headPosition();

        ResponseEntity<String> reused = send(HttpMethod.POST, "/api/v1/units", """
                {"code": "%s", "name": "Xã Tân Lập", "kind": "COMMUNE"}""".formatted(unique("XA")), key);

        assertProblem(reused, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused");
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    void theSameKeyOnAnotherPathIsRefused() {
        String key = unique("key");
        String unit = registeredUnit();
        String quota = """
                {"positions": 3}""";
        send(HttpMethod.PUT, "/api/v1/units/" + unit + "/quotas/EDUCATION", quota, key);

        ResponseEntity<String> reused = send(HttpMethod.PUT, "/api/v1/units/" + unit + "/quotas/HEALTH", quota, key);

        assertProblem(reused, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused");
    }

    @Test
    void aRefusedCommandsAnswerIsKeptLikeAnAcceptedOne() {
        String key = unique("key");
        String unknownUnit = unique("XA");
        String quota = """
                {"positions": 3}""";
        ResponseEntity<String> first = send(HttpMethod.PUT, "/api/v1/units/" + unknownUnit + "/quotas/EDUCATION",
                                            quota, key);
        send(HttpMethod.POST, "/api/v1/units", """
                {"code": "%s", "name": "Xã Tân Lập", "kind": "COMMUNE"}""".formatted(unknownUnit), null);

        ResponseEntity<String> retry = send(HttpMethod.PUT, "/api/v1/units/" + unknownUnit + "/quotas/EDUCATION",
                                            quota, key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertSameAnswer(retry, first);
    }

    @Test
    void theKeysOfTwoCallersNeverMeet() {
        String key = unique("key");
        String first = unique("XA");
        String second = unique("XA");
        String oneAdmin = minter.mint(new Caller("admin-one", Role.ADMIN, null), Duration.ofHours(1));
        String otherAdmin = minter.mint(new Caller("admin-other", Role.ADMIN, null), Duration.ofHours(1));

        ResponseEntity<String> one = sendAs(oneAdmin, "/api/v1/units", """
                {"code": "%s", "name": "Xã Một", "kind": "COMMUNE"}""".formatted(first), key);
        ResponseEntity<String> other = sendAs(otherAdmin, "/api/v1/units", """
                {"code": "%s", "name": "Xã Hai", "kind": "COMMUNE"}""".formatted(second), key);
        ResponseEntity<String> oneAgain = sendAs(oneAdmin, "/api/v1/units", """
                {"code": "%s", "name": "Xã Một", "kind": "COMMUNE"}""".formatted(first), key);

        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(other.getHeaders().get("Idempotent-Replayed")).isNull();
        assertThat(other.getBody()).contains(second);
        assertSameAnswer(oneAgain, one);
        assertThat(keys().countDocuments(new Document("key", key))).isEqualTo(2);
    }

    private ResponseEntity<String> sendAs(String token, String path, String json, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        headers.set("Idempotency-Key", key);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }

    @Test
    void keysThatAreNotVisibleAsciiOfAtMost255CharactersAreRefused() {
        String body = """
                {"code": "%s", "name": "Xã Tân Lập", "kind": "COMMUNE"}""".formatted(unique("XA"));
        long head = engine.headPosition();

        for (String key : List.of("two words", "x".repeat(256), "with\ttab")) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.set("Idempotency-Key", key);
            ResponseEntity<String> answer = http.exchange("/api/v1/units", HttpMethod.POST,
                                                          new HttpEntity<>(body, headers), String.class);
            assertThat(answer.getStatusCode()).as(key).isEqualTo(HttpStatus.BAD_REQUEST);
            assertProblem(answer, HttpStatus.BAD_REQUEST, "invalid-idempotency-key");
        }
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    void aRetryWhileTheFirstRequestStillRunsWaitsAndThenIsAskedToRetryLater() {
        String unit = registeredUnit();
        String quota = """
                {"positions": 3}""";
        String path = "/api/v1/units/" + unit + "/quotas/EDUCATION";
        String seen = unique("key");
        send(HttpMethod.PUT, path, quota, seen);
        Document first = keys().find(new Document("key", seen)).first();
        String running = unique("key");
        keys().insertOne(claim(first.getString("scope"), running, first.getString("fingerprint"), Instant.now()));
        long head = engine.headPosition();

        ResponseEntity<String> retry = send(HttpMethod.PUT, path, quota, running);

        assertProblem(retry, HttpStatus.CONFLICT, "idempotency-key-in-progress");
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    void aClaimLeftBehindByACrashedInstanceIsTakenOverAfterItsLease() {
        String unit = registeredUnit();
        String quota = """
                {"positions": 3}""";
        String path = "/api/v1/units/" + unit + "/quotas/EDUCATION";
        String seen = unique("key");
        send(HttpMethod.PUT, path, quota, seen);
        Document first = keys().find(new Document("key", seen)).first();
        String abandoned = unique("key");
        keys().insertOne(claim(first.getString("scope"), abandoned, first.getString("fingerprint"),
                               Instant.now().minusSeconds(3600)));

        ResponseEntity<String> retry = send(HttpMethod.PUT, path, quota, abandoned);
        ResponseEntity<String> again = send(HttpMethod.PUT, path, quota, abandoned);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getHeaders().get("Idempotent-Replayed")).isNull();
        assertSameAnswer(again, retry);
        assertThat(keys().find(new Document("key", abandoned)).first().getString("state"))
                .isEqualTo(IdempotencyKeys.COMPLETED);
    }

    @Test
    void aKeyPastItsRetentionIsForgotten() {
        String unit = registeredUnit();
        String path = "/api/v1/units/" + unit + "/quotas/EDUCATION";
        String key = unique("key");
        ResponseEntity<String> first = send(HttpMethod.PUT, path, """
                {"positions": 3}""", key);
        keys().updateOne(new Document("key", key),
                         new Document("$set", new Document("expiresAt", Date.from(Instant.now().minusSeconds(1)))));

        ResponseEntity<String> later = send(HttpMethod.PUT, path, """
                {"positions": 3}""", key);

        assertThat(later.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(later.getHeaders().get("Idempotent-Replayed")).isNull();
        assertThat(later.getBody()).isNotEqualTo(first.getBody());
    }

    private static Document claim(String scope, String key, String fingerprint, Instant claimedAt) {
        return new Document("_id", IdempotencyKeys.idOf(scope, key))
                .append("scope", scope).append("key", key).append("fingerprint", fingerprint)
                .append("state", IdempotencyKeys.IN_PROGRESS).append("claim", "crashed-instance")
                .append("claimedAt", Date.from(claimedAt)).append("createdAt", Date.from(claimedAt))
                .append("expiresAt", Date.from(claimedAt.plusSeconds(86_400)));
    }
}
