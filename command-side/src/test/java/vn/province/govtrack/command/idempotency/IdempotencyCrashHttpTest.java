package vn.province.govtrack.command.idempotency;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.province.govtrack.command.web.ActingOfficials;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.eventstore.MongoEventStorageEngine.KeyedCommit;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.security.Role;

/**
 * A keyed command takes effect once whatever process dies when, and its retry gets the first answer:
 * across an instance that dies after its events are written and before its answer is stored (for every
 * command the service takes), an instance presumed dead whose write lands late, and two instances
 * serving the same key at once. The first attempts run on other instances on the same database
 * ({@link SecondInstance}); every request reaches its instance under one host name, as through the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyCrashHttpTest extends IdempotencyHttpTestBase {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCrashHttpTest.class);

    @Autowired
    private IdempotencyDigests digests;
    @Autowired
    private Heartbeats heartbeats;
    @Autowired
    private IdempotencyProperties properties;

    /** Dies after each keyed command's events are written, before its answer is stored ({@link DyingInstance}). */
    private SecondInstance dying;
    /** A healthy second instance. */
    private SecondInstance other;

    @BeforeAll
    void startTheOtherInstances() {
        dying = SecondInstance.start(database(), minter, DyingInstance.class, CommandHolds.class);
        other = SecondInstance.start(database(), minter);
    }

    @AfterAll
    void stopTheOtherInstances() {
        if (dying != null) {
            dying.close();
        }
        if (other != null) {
            other.close();
        }
    }

    /** One command request, as an official sends it. */
    private record Call(HttpMethod method, String path, String body, String token) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private Call call(HttpMethod method, String path, String body, Role role, String unitCode) {
        return new Call(method, path, body, ActingOfficials.token(minter, role, unitCode));
    }

    private static ResponseEntity<String> exchange(TestRestTemplate client, Call call, String key, String correlationId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(call.token());
        headers.set("Idempotency-Key", key);
        if (call.body() != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        if (correlationId != null) {
            headers.set("X-Correlation-Id", correlationId);
        }
        return client.exchange(call.path(), call.method(), new HttpEntity<>(call.body(), headers), String.class);
    }

    private Document claimOf(String key) {
        return keys().find(eq("key", key)).first();
    }

    private KeyedCommit commitOf(String key) {
        Document claim = claimOf(key);
        return engine.commitWithKey(digests.commitKey(claim.getString("scope"), key)).orElseThrow();
    }

    private static String lastSegment(ResponseEntity<String> created) {
        String path = created.getHeaders().getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The first attempt runs on the dying instance: its events are written, its answer is never stored,
     * and the instance has stopped beating. The retry here must get exactly that answer, replayed, within
     * seconds, with nothing appended twice. Answers the first attempt's answer.
     */
    private ResponseEntity<String> diesThenRetried(Call call) {
        String key = unique("crash");
        long before = engine.headPosition();
        ResponseEntity<String> first = exchange(dying.http(), call, key, null);
        assertThat(first.getStatusCode().is2xxSuccessful()).as("%s answered %s", call, first.getBody()).isTrue();
        long recorded = engine.headPosition();
        KeyedCommit commit = commitOf(key);
        assertThat(commit.firstPosition()).isGreaterThan(before);
        assertThat(commit.lastPosition()).isEqualTo(recorded);
        assertThat(claimOf(key).getString("state")).isEqualTo(IdempotencyKeys.IN_PROGRESS);
        assertThat(claimOf(key).getString("owner")).isEqualTo(dying.instanceId());

        long started = System.nanoTime();
        ResponseEntity<String> retry = exchange(http, call, key, null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        log.info("{}: the retry answered from the dead attempt's commit in {} ms", call, took.toMillis());
        assertSameAnswer(retry, first);
        assertReplayed(retry);
        assertThat(took).isLessThan(properties.ownerTimeout().plusSeconds(2));
        assertThat(engine.headPosition()).isEqualTo(recorded);
        assertThat(commitOf(key).firstPosition()).isEqualTo(commit.firstPosition());
        assertThat(claimOf(key).getString("state")).isEqualTo(IdempotencyKeys.COMPLETED);
        return first;
    }

    /** A plain (unkeyed) command on this instance, for setting the stage. */
    private ResponseEntity<String> given(Call call) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(call.token());
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = http.exchange(call.path(), call.method(), new HttpEntity<>(call.body(), headers),
                                                      String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s answered %s", call, answer.getBody()).isTrue();
        return answer;
    }

    @TestFactory
    List<DynamicTest> everyCommandWhoseInstanceDiedBeforeAnsweringIsAnsweredByItsRetryFromItsEvents() {
        String unit = registeredUnit();
        String otherUnit = registeredUnit();
        String procedure = publishedProcedure();
        String newUnit = unique("XA");
        String idNumber = "0380%08d".formatted(Integer.parseInt(unique("0").substring(2)));
        String account = unique("tran.binh");
        String[] ids = new String[4]; // dossiers: online, refused, in person; staff member

        List<DynamicTest> steps = new ArrayList<>();
        steps.add(dynamicTest("register a unit", () -> diesThenRetried(call(HttpMethod.POST, "/api/v1/units", """
                {"code": "%s", "name": "Xã Tân Mỹ", "kind": "COMMUNE"}""".formatted(newUnit), Role.ADMIN, null))));
        steps.add(dynamicTest("set a staffing quota", () -> diesThenRetried(call(HttpMethod.PUT,
                "/api/v1/units/" + unit + "/quotas/EDUCATION", """
                {"positions": 3, "effectiveDate": "2025-01-01", "decisionNo": "01/QĐ-UBND"}""", Role.HOME_AFFAIRS, null))));
        steps.add(dynamicTest("set a year's holidays", () -> diesThenRetried(call(HttpMethod.PUT,
                "/api/v1/calendar/holidays/2030", """
                ["2030-04-30", "2030-01-01", "2030-05-01"]""", Role.ADMIN, null))));
        steps.add(dynamicTest("publish a procedure", () -> diesThenRetried(call(HttpMethod.POST, "/api/v1/procedures", """
                {"code": "%s", "name": "Đăng ký kết hôn", "field": "JUSTICE", "level": "COMMUNE",
                 "processingHours": 40, "cutoff": "15:00"}""".formatted(unique("KET-HON")), Role.ADMIN, null))));
        steps.add(dynamicTest("announce a procedure update", () -> diesThenRetried(call(HttpMethod.POST,
                "/api/v1/procedures/" + procedure + "/updates", """
                {"onlineLevel": "FULL", "content": ["NAME", "FEES"], "reason": "1520/QĐ-UBND"}""", Role.ADMIN, null))));
        steps.add(dynamicTest("dissolve a unit", () -> diesThenRetried(call(HttpMethod.POST,
                "/api/v1/units/" + newUnit + "/dissolution", """
                {"effectiveDate": "2025-12-31", "decisionNo": "9/NQ-HĐND"}""", Role.ADMIN, null))));

        steps.add(dynamicTest("submit a dossier online", () -> ids[0] = lastSegment(diesThenRetried(call(HttpMethod.POST,
                "/api/v1/dossiers", """
                {"procedureCode": "%s", "unitCode": "%s", "channel": "ONLINE",
                 "applicant": {"idNumber": "%s", "fullName": "Nguyễn Thị Hoa", "phone": "0912345678"},
                 "submittedAt": "2025-07-01T09:00:00+07:00"}""".formatted(procedure, unit, idNumber), Role.UNIT_HEAD,
                unit)))));
        steps.add(dossierStep("receive it", ids, 0, unit, "receipt", """
                {"receivedAt": "2025-07-01T10:00:00+07:00"}"""));
        steps.add(dossierStep("assign it", ids, 0, unit, "assignment", """
                {"staffId": "CB-01", "assignedAt": "2025-07-01T10:30:00+07:00"}"""));
        steps.add(dossierStep("request a supplement", ids, 0, unit, "supplement-requests", """
                {"reason": "the birth certificate is missing", "requestedAt": "2025-07-01T11:00:00+07:00"}"""));
        steps.add(dossierStep("receive the supplement", ids, 0, unit, "supplements", """
                {"note": "certificate brought in", "providedAt": "2025-07-02T09:00:00+07:00"}"""));
        steps.add(dossierStep("request a payment", ids, 0, unit, "payment-requests", """
                {"amount": 8000, "reason": "registration fee", "requestedAt": "2025-07-02T10:00:00+07:00"}"""));
        steps.add(dossierStep("record the payment", ids, 0, unit, "payments", """
                {"amount": 8000, "paidAt": "2025-07-02T11:00:00+07:00"}"""));
        steps.add(dossierStep("extend it with an apology", ids, 0, unit, "extensions", """
                {"newDueAt": "2025-07-10T17:00:00+07:00", "apology": "a site visit is needed",
                 "extendedAt": "2025-07-02T12:00:00+07:00"}"""));
        steps.add(dossierStep("transfer it", ids, 0, unit, "transfers", """
                {"toUnitCode": "%s", "reason": "the land lies in the ward", "transferredAt": "2025-07-02T13:30:00+07:00"}"""
                .formatted(otherUnit)));
        steps.add(dossierStep("resolve it", ids, 0, otherUnit, "resolution", """
                {"outcome": "APPROVED", "note": "issued", "resolvedAt": "2025-07-03T09:00:00+07:00"}"""));
        steps.add(dossierStep("return the result", ids, 0, otherUnit, "return", """
                {"returnedAt": "2025-07-03T10:00:00+07:00"}"""));
        steps.add(dynamicTest("refuse an online dossier", () -> {
            ids[1] = lastSegment(given(call(HttpMethod.POST, "/api/v1/dossiers", """
                    {"procedureCode": "%s", "unitCode": "%s", "channel": "ONLINE",
                     "applicant": {"idNumber": "%s", "fullName": "Nguyễn Thị Hoa"},
                     "submittedAt": "2025-07-01T09:00:00+07:00"}""".formatted(procedure, unit, idNumber), Role.UNIT_HEAD,
                    unit)));
            diesThenRetried(call(HttpMethod.POST, "/api/v1/dossiers/" + ids[1] + "/refusal", """
                    {"reason": "not competent", "refusedAt": "2025-07-01T10:00:00+07:00"}""", Role.UNIT_HEAD, unit));
        }));
        steps.add(dynamicTest("submit a dossier in person", () -> ids[2] = lastSegment(diesThenRetried(call(
                HttpMethod.POST, "/api/v1/dossiers", """
                {"procedureCode": "%s", "unitCode": "%s", "channel": "IN_PERSON",
                 "applicant": {"idNumber": "%s", "fullName": "Nguyễn Thị Hoa"},
                 "submittedAt": "2025-07-01T09:00:00+07:00"}""".formatted(procedure, unit, idNumber), Role.UNIT_HEAD,
                unit)))));
        steps.add(dossierStep("take a withdrawal request", ids, 2, unit, "withdrawal", """
                {"reason": "the applicant moved abroad", "requestedAt": "2025-07-01T10:00:00+07:00"}"""));
        steps.add(dossierStep("stop it", ids, 2, unit, "stop", """
                {"reason": "withdrawal granted", "stoppedAt": "2025-07-01T11:00:00+07:00"}"""));

        steps.add(dynamicTest("recruit a staff member", () -> ids[3] = lastSegment(diesThenRetried(call(HttpMethod.POST,
                "/api/v1/staff", """
                {"fullName": "Trần Thị Bình", "unitCode": "%s", "field": "EDUCATION", "position": "teacher",
                 "effectiveDate": "2024-03-01", "decisionNo": "12/QĐ-SNV"}""".formatted(unit), Role.HOME_AFFAIRS,
                null)))));
        steps.add(staffStep("transfer them", ids, HttpMethod.POST, "transfers", """
                {"toUnitCode": "%s", "effectiveDate": "2024-06-01", "decisionNo": "13/QĐ-SNV"}""".formatted(otherUnit)));
        steps.add(staffStep("second them", ids, HttpMethod.POST, "secondments", """
                {"toUnitCode": "%s", "from": "2024-09-01", "until": "2024-12-31", "decisionNo": "14/QĐ-SNV"}"""
                .formatted(unit)));
        steps.add(staffStep("end the secondment", ids, HttpMethod.POST, "secondments/end", """
                {"effectiveDate": "2024-10-01", "decisionNo": "15/QĐ-SNV"}"""));
        steps.add(staffStep("record a training", ids, HttpMethod.POST, "trainings", """
                {"course": "Quản lý nhà nước", "completedOn": "2024-05-01"}"""));
        steps.add(staffStep("provision a portal account", ids, HttpMethod.POST, "accounts", """
                {"account": "%s"}""".formatted(account)));
        steps.add(staffStep("revoke it", ids, HttpMethod.DELETE, "accounts/" + account, null));
        steps.add(staffStep("record a departure", ids, HttpMethod.POST, "departure", """
                {"effectiveDate": "2025-01-01", "reason": "retirement", "decisionNo": "16/QĐ-SNV"}"""));

        steps.add(dynamicTest("erase an applicant's personal data", () -> diesThenRetried(call(HttpMethod.DELETE,
                "/api/v1/applicants/" + idNumber, null, Role.ADMIN, null))));
        return steps;
    }

    private DynamicTest dossierStep(String name, String[] ids, int dossier, String unit, String step, String body) {
        return dynamicTest(name, () -> diesThenRetried(call(HttpMethod.POST, "/api/v1/dossiers/" + ids[dossier] + "/" + step,
                                                            body, Role.UNIT_HEAD, unit)));
    }

    private DynamicTest staffStep(String name, String[] ids, HttpMethod method, String step, String body) {
        return dynamicTest(name, () -> diesThenRetried(call(method, "/api/v1/staff/" + ids[3] + "/" + step, body,
                                                            Role.HOME_AFFAIRS, null)));
    }

    @Test
    void aClaimOfAnInstanceThatStoppedBeatingIsTakenOverWithinSeconds() {
        Call quota = call(HttpMethod.PUT, "/api/v1/units/" + registeredUnit() + "/quotas/HEALTH", """
                {"positions": 2}""", Role.HOME_AFFAIRS, null);
        String seen = unique("key");
        exchange(http, quota, seen, null);
        String gone = unique("instance-gone");
        mongoClient.getDatabase(database()).getCollection(Heartbeats.COLLECTION)
                   .insertOne(new Document("_id", gone).append("beat", 41L).append("beatAt", new Date()));
        String abandoned = unique("key");
        keys().insertOne(claimLike(claimOf(seen), abandoned, gone));
        long head = engine.headPosition();

        long started = System.nanoTime();
        ResponseEntity<String> retry = exchange(http, quota, abandoned, null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        log.info("A retry took over the claim of an instance that stopped beating after {} ms (owner timeout {})",
                 took.toMillis(), properties.ownerTimeout());
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getHeaders().get("Idempotent-Replayed")).isNull();
        assertThat(took).isBetween(properties.ownerTimeout(), properties.ownerTimeout().plusSeconds(2));
        assertThat(engine.headPosition()).isEqualTo(head + 1);
        assertThat(claimOf(abandoned).getString("owner")).isEqualTo(heartbeats.instanceId());
    }

    @Test
    void aClaimOfAnInstanceThatStillBeatsIsWaitedForThenAnswered409WithRetryAfter() {
        Call quota = call(HttpMethod.PUT, "/api/v1/units/" + registeredUnit() + "/quotas/HEALTH", """
                {"positions": 2}""", Role.HOME_AFFAIRS, null);
        String seen = unique("key");
        exchange(http, quota, seen, null);
        String running = unique("key");
        keys().insertOne(claimLike(claimOf(seen), running, other.instanceId()));
        long head = engine.headPosition();

        ResponseEntity<String> retry = exchange(http, quota, running, null);

        assertRawProblem(retry, HttpStatus.CONFLICT, "idempotency-key-in-progress");
        assertThat(retry.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(claimOf(running).getString("owner")).isEqualTo(other.instanceId());
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    void aClaimOfThisInstanceThatNoRequestRunsUnderAnyMoreIsTakenOverAtOnce() {
        // what a request leaves behind when the database went out of reach before it could give its claim up
        Call quota = call(HttpMethod.PUT, "/api/v1/units/" + registeredUnit() + "/quotas/HEALTH", """
                {"positions": 2}""", Role.HOME_AFFAIRS, null);
        String seen = unique("key");
        exchange(http, quota, seen, null);
        String left = unique("key");
        keys().insertOne(claimLike(claimOf(seen), left, heartbeats.instanceId()));
        long head = engine.headPosition();

        long started = System.nanoTime();
        ResponseEntity<String> retry = exchange(http, quota, left, null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(took).isLessThan(properties.ownerTimeout());
        assertThat(engine.headPosition()).isEqualTo(head + 1);
        assertThat(claimOf(left).getString("state")).isEqualTo(IdempotencyKeys.COMPLETED);
    }

    /** An in-progress claim of the same request as {@code completed}, under {@code key}, held by {@code owner}. */
    private static Document claimLike(Document completed, String key, String owner) {
        Instant now = Instant.now();
        return new Document("_id", IdempotencyKeys.idOf(completed.getString("scope"), key))
                .append("scope", completed.getString("scope")).append("key", key)
                .append("fingerprint", completed.getString("fingerprint"))
                .append("state", IdempotencyKeys.IN_PROGRESS).append("claim", "claim-of-" + owner).append("owner", owner)
                .append("claimedAt", Date.from(now)).append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(now.plusSeconds(86_400)));
    }

    @Test
    void aDeadAttemptsEventsLandingWhileItsRetryRunsAnswerTheRetryAndAreRecordedOnce() throws Exception {
        Call request = submissionWithoutDossierId();
        String key = unique("key");
        String firstAttempt = unique("late-first");
        String retryAttempt = unique("late-retry");
        CommandHolds.Hold firstHeld = CommandHolds.on(firstAttempt);
        CommandHolds.Hold retryHeld = CommandHolds.on(retryAttempt);
        long head = engine.headPosition();

        CompletableFuture<ResponseEntity<String>> first =
                CompletableFuture.supplyAsync(() -> exchange(dying.http(), request, key, firstAttempt));
        firstHeld.awaitReached();
        CompletableFuture<ResponseEntity<String>> retry =
                CompletableFuture.supplyAsync(() -> exchange(http, request, key, retryAttempt));
        retryHeld.awaitReached(); // took the claim over, found no commit, decided: a second dossier, about to be appended
        firstHeld.release();
        ResponseEntity<String> firstAnswer = first.get(30, TimeUnit.SECONDS);
        retryHeld.release();
        ResponseEntity<String> retryAnswer = retry.get(30, TimeUnit.SECONDS);

        assertThat(firstAnswer.getStatusCode()).as(firstAnswer.getBody()).isEqualTo(HttpStatus.CREATED);
        assertSameAnswer(retryAnswer, firstAnswer);
        assertReplayed(retryAnswer);
        assertThat(eventsAfter(head)).singleElement()
                .extracting(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier())
                .isEqualTo(lastSegment(firstAnswer));
    }

    @Test
    void aDeadAttemptsEventsLandingAfterItsRetryAnsweredAreRefusedAndItAnswersTheRetrysResult() throws Exception {
        Call request = submissionWithoutDossierId();
        String key = unique("key");
        String firstAttempt = unique("late-first");
        CommandHolds.Hold firstHeld = CommandHolds.on(firstAttempt);
        long head = engine.headPosition();

        CompletableFuture<ResponseEntity<String>> first =
                CompletableFuture.supplyAsync(() -> exchange(dying.http(), request, key, firstAttempt));
        firstHeld.awaitReached();
        ResponseEntity<String> retry = exchange(http, request, key, null);
        firstHeld.release();
        ResponseEntity<String> lateFirst = first.get(30, TimeUnit.SECONDS);

        assertThat(retry.getStatusCode()).as(retry.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getHeaders().get("Idempotent-Replayed")).isNull();
        assertSameAnswer(lateFirst, retry);
        assertReplayed(lateFirst);
        assertThat(eventsAfter(head)).singleElement()
                .extracting(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier())
                .isEqualTo(lastSegment(retry));
    }

    /** A submission to a new unit, by its unit head: each run would create a dossier of its own. */
    private Call submissionWithoutDossierId() {
        String unit = registeredUnit();
        return call(HttpMethod.POST, "/api/v1/dossiers", submission(unit), Role.UNIT_HEAD, unit);
    }

    /** The events in the log after {@code position}: void slots (a refused commit's reservation) hold none. */
    private List<? extends TrackedEventMessage<?>> eventsAfter(long position) {
        return engine.readEvents(new GlobalSequenceTrackingToken(position), false).toList();
    }

    @Test
    void theSameKeyRetriedOnTwoInstancesAtOnceRunsOnceAndBothGetTheSameAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                Call request = submissionWithoutDossierId();
                String key = unique("key");
                long head = engine.headPosition();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
                for (TestRestTemplate instance : List.of(http, other.http(), http, other.http())) {
                    Callable<ResponseEntity<String>> attempt = () -> {
                        start.await();
                        return exchange(instance, request, key, null);
                    };
                    futures.add(pool.submit(attempt));
                }
                start.countDown();
                List<ResponseEntity<String>> answers = new ArrayList<>();
                for (Future<ResponseEntity<String>> future : futures) {
                    answers.add(future.get(30, TimeUnit.SECONDS));
                }

                ResponseEntity<String> first = answers.get(0);
                assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
                answers.forEach(answer -> assertSameAnswer(answer, first));
                assertThat(answers).filteredOn(answer -> answer.getHeaders().get("Idempotent-Replayed") == null).hasSize(1);
                assertThat(eventsAfter(head)).singleElement()
                        .extracting(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier())
                        .isEqualTo(lastSegment(first));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theEventsOfAKeyedCommandCarryDigestsOfTheKeyAndTheRequestNeverTheirText() {
        String unit = unique("XA");
        Call register = call(HttpMethod.POST, "/api/v1/units", """
                {"code": "%s", "name": "Xã Tân Lập", "kind": "COMMUNE"}""".formatted(unit), Role.ADMIN, null);
        String key = "register-" + unit;

        exchange(http, register, key, null);

        KeyedCommit commit = commitOf(key);
        EventMessage<?> event = commit.events().get(0);
        assertThat(event.getMetaData().get(EventMetadata.IDEMPOTENCY_KEY))
                .isEqualTo(digests.commitKey(claimOf(key).getString("scope"), key))
                .asString().matches("[0-9a-f]{64}");
        assertThat(event.getMetaData().get(EventMetadata.REQUEST_FINGERPRINT))
                .isEqualTo(claimOf(key).getString("fingerprint"))
                .asString().matches("[0-9a-f]{64}");
        assertThat(event.getMetaData().values()).noneMatch(value -> String.valueOf(value).contains(key));
        assertThat(EventMetadata.IDEMPOTENCY_KEY).isEqualTo(MongoEventStorageEngine.DEFAULT_COMMIT_KEY_METADATA);
    }
}
