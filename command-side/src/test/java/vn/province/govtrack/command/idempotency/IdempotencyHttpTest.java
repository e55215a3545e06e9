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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.province.govtrack.security.Caller;
import vn.province.govtrack.security.Role;

/**
 * Retried commands over HTTP: the same {@code Idempotency-Key} with the same request gets the first
 * answer back and appends nothing, however the retries arrive; keys are the caller's own. What a
 * dying instance leaves behind is {@link IdempotencyCrashHttpTest}'s subject.
 */
class IdempotencyHttpTest extends IdempotencyHttpTestBase {

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
        assertReplayed(retry);
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    void aRetriedDossierCommandReadsBackTheStateItLeftTheDossierInThoughTheDossierMovedOn() throws Exception {
        ResponseEntity<String> submitted = send(HttpMethod.POST, "/api/v1/dossiers", submission(), null);
        String dossier = "/api/v1/dossiers/" + new ObjectMapper().readTree(submitted.getBody()).path("dossierId").asText();
        send(HttpMethod.POST, dossier + "/resolution", """
                {"outcome": "APPROVED", "resolvedAt": "2025-07-01T16:00:00+07:00"}""", null);
        String body = """
                {"issuedAt": "2025-07-01T16:30:00+07:00"}""";
        String key = unique("key");

        ResponseEntity<String> first = send(HttpMethod.POST, dossier + "/electronic-result", body, key);
        ResponseEntity<String> returned = send(HttpMethod.POST, dossier + "/return", "{}", null);
        long head = engine.headPosition();
        ResponseEntity<String> retry = send(HttpMethod.POST, dossier + "/electronic-result", body, key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).contains("\"status\":\"RESOLVED\"");
        assertThat(returned.getBody()).contains("\"status\":\"RETURNED\"");
        assertSameAnswer(retry, first);
        assertReplayed(retry);
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
        assertReplayed(retry);
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

        try (SecondInstance restarted = SecondInstance.start(database(), minter)) {
            ResponseEntity<String> retry = send(restarted.http(), HttpMethod.POST, "/api/v1/dossiers", body, key);

            assertSameAnswer(retry, first);
            assertReplayed(retry);
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

        assertRawProblem(reused, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused");
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

        assertRawProblem(reused, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused");
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
            assertRawProblem(answer, HttpStatus.BAD_REQUEST, "invalid-idempotency-key");
        }
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    /** A claim made before claims named their instance: only its age tells whether its claimant lives. */
    @Test
    void aRetryWhileAClaimThatNamesNoInstanceIsYoungerThanItsLeaseWaitsAndIsAskedToRetryLater() {
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

        assertRawProblem(retry, HttpStatus.CONFLICT, "idempotency-key-in-progress");
        assertThat(retry.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    void aClaimThatNamesNoInstanceIsTakenOverAfterItsLease() {
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
    void aKeyWhoseCommandWasRecordedStillGetsTheFirstAnswerAfterTheRetentionRebuiltFromTheEvents() {
        String path = "/api/v1/units/" + registeredUnit() + "/quotas/EDUCATION";
        String key = unique("key");
        ResponseEntity<String> first = send(HttpMethod.PUT, path, """
                {"positions": 3}""", key);
        expire(key);
        long head = engine.headPosition();

        ResponseEntity<String> later = send(HttpMethod.PUT, path, """
                {"positions": 3}""", key);

        assertSameAnswer(later, first);
        assertReplayed(later);
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    void aKeyWhoseCommandWasRecordedStillRefusesAnotherRequestAfterTheRetention() {
        String path = "/api/v1/units/" + registeredUnit() + "/quotas/EDUCATION";
        String key = unique("key");
        send(HttpMethod.PUT, path, """
                {"positions": 3}""", key);
        expire(key);
        long head = engine.headPosition();

        ResponseEntity<String> another = send(HttpMethod.PUT, path, """
                {"positions": 4}""", key);

        assertRawProblem(another, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused");
        assertThat(engine.headPosition()).isEqualTo(head);
        assertThat(keys().find(new Document("key", key)).first()).isNull();
    }

    @Test
    void aKeyWhoseCommandWasRefusedIsForgottenAfterTheRetention() {
        String unit = unique("XA");
        String path = "/api/v1/units/" + unit + "/quotas/EDUCATION";
        String key = unique("key");
        ResponseEntity<String> refused = send(HttpMethod.PUT, path, """
                {"positions": 3}""", key);
        expire(key);
        send(HttpMethod.POST, "/api/v1/units", """
                {"code": "%s", "name": "Xã Tân Lập", "kind": "COMMUNE"}""".formatted(unit), null);

        ResponseEntity<String> later = send(HttpMethod.PUT, path, """
                {"positions": 3}""", key);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(later.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(later.getHeaders().get("Idempotent-Replayed")).isNull();
    }

    @Test
    void theApiDocumentationStatesTheHeaderOnEveryCommandAndNoQuery() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(http.getForObject("/v3/api-docs", String.class)).path("paths");
        List<String> commands = new ArrayList<>();

        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            boolean command = path.getKey().startsWith("/api/v1/")
                              && List.of("post", "put", "patch", "delete").contains(operation.getKey());
            boolean stated = false;
            for (JsonNode parameter : operation.getValue().path("parameters")) {
                stated |= "Idempotency-Key".equals(parameter.path("name").asText())
                          && "header".equals(parameter.path("in").asText());
            }
            assertThat(stated).as("%s %s", operation.getKey(), path.getKey()).isEqualTo(command);
            if (command) {
                commands.add(operation.getKey() + " " + path.getKey());
            }
        }));

        assertThat(commands).contains("post /api/v1/dossiers", "post /api/v1/procedures/{code}/updates",
                                      "delete /api/v1/applicants/{idNumber}").hasSize(34);
    }

    private void expire(String key) {
        keys().updateOne(new Document("key", key),
                         new Document("$set", new Document("expiresAt", Date.from(Instant.now().minusSeconds(1)))));
    }

    private static Document claim(String scope, String key, String fingerprint, Instant claimedAt) {
        return new Document("_id", IdempotencyKeys.idOf(scope, key))
                .append("scope", scope).append("key", key).append("fingerprint", fingerprint)
                .append("state", IdempotencyKeys.IN_PROGRESS).append("claim", "crashed-instance")
                .append("claimedAt", Date.from(claimedAt)).append("createdAt", Date.from(claimedAt))
                .append("expiresAt", Date.from(claimedAt.plusSeconds(86_400)));
    }
}
