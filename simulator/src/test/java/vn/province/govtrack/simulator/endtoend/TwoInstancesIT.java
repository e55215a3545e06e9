package vn.province.govtrack.simulator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.simulator.benchmark.Product;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.DevTokens;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;

/**
 * Two command sides and two query sides on one store (TestMongo: {@code MONGODB_URI}, or an in-memory
 * wire-protocol server), each its own JVM started from its packaged jar as {@code ./run} starts it, with
 * a steady load of dossier commands from four clients to both command sides the whole time
 * ({@link DossierLoad}). Each test shows one thing that must hold however many instances run: one
 * winner per race on an aggregate, one commit per idempotency key, one processing per event and
 * projection, one end per expired secondment, rebuilds that do not fight, read-your-writes through
 * any pair of instances.
 *
 * <p>The load's clients act on units XA-A and XA-B; the races and keys of the tests on PH-C, the
 * read-your-writes test on PH-D alone, so that its counts are its own. The secondment expiry runs
 * every second on both command sides (instead of every 15 minutes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String PROCEDURE = "KHAI-SINH";
    private static final List<String> LOAD_UNITS = List.of("XA-A", "XA-B");
    private static final String RACE_UNIT = "PH-C";
    private static final String READ_YOUR_WRITES_UNIT = "PH-D";
    /** A staff member's stream is named by the staff id under this prefix (the kernel's StaffIds). */
    private static final String STAFF_STREAM = "staff:";
    private static final String PROBLEMS = "https://govtrack.example/problems/";
    /** The query side's processors whose tokens live in the shared store: each event is handled by one instance. */
    private static final List<String> SHARED_PROCESSORS = List.of("dossiers", "timeliness", "staff", "personnel",
                                                                  "reference");
    /** Those no test of this class rebuilds: their events are handled once since the store was empty. */
    private static final List<String> NEVER_REBUILT = List.of("staff", "personnel", "reference");
    /** The query side's processor whose tokens each instance keeps in its memory: it handles every event itself. */
    private static final String TIMELINESS_INDEX = "timeliness-index";
    /** The command side's processor that keeps the secondment expiry's lookup, its token in the shared store. */
    private static final String SECONDMENT_LOOKUP = "command-active-secondments";
    private static final long AWAIT_MILLIS = 120_000;
    /** What SecondmentExpiry logs after a run that recorded ends. */
    private static final String ENDS_RECORDED = "expired secondment(s) as of";

    private Product product;
    private DevTokens tokens;
    private DossierLoad load;
    private final Map<String, Http> asOfficial = new HashMap<>();
    private final ExecutorService pairs = Executors.newFixedThreadPool(2);
    /** ID numbers of the applicants of the tests' own submissions. */
    private final AtomicLong applicants = new AtomicLong(700_000_000L);
    private final LocalDate firstDay = LocalDate.now(PROVINCE).minusDays(1);

    @BeforeAll
    void startTwoOfEachAndTheLoad() {
        Path repository = Path.of(System.getProperty("govtrack.repository", ".."));
        product = Product.startCluster(repository, TestMongo.uri(), TestMongo.freshDatabaseName("two_instances"),
                                       Path.of("target", "two-instances"), 2,
                                       List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                                               "-Dgovtrack.staff.secondment-expiry.period=PT1S",
                                               "-Dgovtrack.staff.secondment-expiry.initial-delay=PT1S"));
        tokens = product.tokens();
        for (String[] unit : new String[][] {{"XA-A", "Xã A", "COMMUNE"}, {"XA-B", "Xã B", "COMMUNE"},
                                             {RACE_UNIT, "Phường C", "WARD"}, {READ_YOUR_WRITES_UNIT, "Phường D", "WARD"}}) {
            expect(201, command(1, Official.ADMIN, "/api/v1/units",
                                Map.of("code", unit[0], "name", unit[1], "kind", unit[2]), null));
        }
        expect(201, command(2, Official.ADMIN, "/api/v1/procedures",
                            Map.of("code", PROCEDURE, "name", "Đăng ký khai sinh", "field", "JUSTICE_CIVIL_STATUS",
                                   "level", "COMMUNE", "processingHours", 8, "cutoff", "15:00", "online", true), null));
        load = new DossierLoad(List.of(product.commands(1), product.commands(2)), tokens, LOAD_UNITS, PROCEDURE, 20)
                .start(4);
    }

    @AfterAll
    void stopAll() throws InterruptedException {
        pairs.shutdownNow();
        try {
            if (load != null) {
                load.close();
            }
        } finally {
            if (product != null) {
                product.close();
            }
        }
    }

    /** Whatever a test did, the load on both instances went on without a server error or a lost answer. */
    @AfterEach
    void theLoadWasAnsweredAsExpected() {
        assertThat(load.unexpectedAnswers()).as("answers to the load other than success").isEmpty();
    }

    @Test
    void concurrentResolutionsOfOneDossierThroughBothCommandSidesLetExactlyOneWinAndRecordOneResolution() {
        Official clerk = Official.clerkOf(RACE_UNIT);
        Map<String, Integer> losers = new TreeMap<>();
        for (int dossier = 0; dossier < 16; dossier++) {
            String dossierId = submit(dossier % 2 + 1, RACE_UNIT).body().path("dossierId").asText();
            String path = "/api/v1/dossiers/" + dossierId + "/resolution";
            List<Answer> answers = atOnce(
                    () -> command(1, clerk, path, Map.of("outcome", "APPROVED", "note", "by command side 1"), key()),
                    () -> command(2, clerk, path, Map.of("outcome", "REFUSED", "note", "by command side 2"), key()));

            assertThat(answers).extracting(Answer::status).as("the answers for %s", dossierId)
                               .containsExactlyInAnyOrder(200, 409);
            Answer winner = answers.stream().filter(Answer::ok).findFirst().orElseThrow();
            Answer loser = answers.stream().filter(answer -> !answer.ok()).findFirst().orElseThrow();
            assertThat(loser.header(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
            String slug = slug(loser);
            assertThat(slug).as(loser.body().toString()).isIn("concurrent-change", "rule-violation");
            losers.merge(slug, 1, Integer::sum);

            List<JsonNode> resolutions = streamEvents(dossierId, "DossierResolvedEvent");
            assertThat(resolutions).as("resolutions recorded for %s", dossierId).hasSize(1);
            String winningOutcome = winner == answers.get(0) ? "APPROVED" : "REFUSED";
            assertThat(resolutions.get(0).path("payload").path("outcome").asText()).isEqualTo(winningOutcome);
            assertThat(winner.position()).isEqualTo(resolutions.get(0).path("position").asLong());
        }
        System.out.println("[two instances] losers of 16 resolution races: " + losers);
    }

    @Test
    void concurrentTransfersOfOneDossierThroughBothCommandSidesMoveItOnce() {
        Official head = Official.headOf(RACE_UNIT);
        Map<String, Integer> losers = new TreeMap<>();
        for (int dossier = 0; dossier < 8; dossier++) {
            String dossierId = submit(dossier % 2 + 1, RACE_UNIT).body().path("dossierId").asText();
            String path = "/api/v1/dossiers/" + dossierId + "/transfers";
            List<Answer> answers = atOnce(
                    () -> command(1, head, path, Map.of("toUnitCode", "XA-A", "reason", "by command side 1"), key()),
                    () -> command(2, head, path, Map.of("toUnitCode", "XA-B", "reason", "by command side 2"), key()));

            assertThat(answers).filteredOn(Answer::ok).as("transfers of %s accepted", dossierId).hasSize(1);
            Answer winner = answers.stream().filter(Answer::ok).findFirst().orElseThrow();
            Answer loser = answers.stream().filter(answer -> !answer.ok()).findFirst().orElseThrow();
            assertThat(loser.header(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
            // A race lost at the append is a concurrent change; a transfer decided after the other one finds
            // the dossier at another unit than its head's: forbidden, as for any dossier of another unit.
            assertThat(loser.status() + " " + slug(loser)).isIn("409 concurrent-change", "403 forbidden");
            losers.merge(slug(loser), 1, Integer::sum);

            List<JsonNode> transfers = streamEvents(dossierId, "DossierTransferredEvent");
            assertThat(transfers).as("transfers recorded for %s", dossierId).hasSize(1);
            assertThat(transfers.get(0).path("payload").path("toUnitCode").asText())
                    .isEqualTo(winner.body().path("unitCode").asText())
                    .isEqualTo(winner == answers.get(0) ? "XA-A" : "XA-B");
        }
        System.out.println("[two instances] losers of 8 transfer races: " + losers);
    }

    @Test
    void aKeySentToBothCommandSidesAtOnceIsCommittedOnceAndAnsweredAlikeWhileAnotherBodyUnderItIsRefused() {
        Official clerk = Official.clerkOf(RACE_UNIT);
        int waited = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            String key = key();
            Map<String, Object> body = submission(RACE_UNIT, "%012d".formatted(200_000_000L + attempt));
            List<Answer> answers = atOnce(() -> command(1, clerk, "/api/v1/dossiers", body, key),
                                          () -> command(2, clerk, "/api/v1/dossiers", body, key));
            List<Answer> settled = new ArrayList<>();
            for (int instance = 1; instance <= 2; instance++) {
                Answer answer = answers.get(instance - 1);
                if (answer.status() == 409) {
                    waited++;
                    assertThat(slug(answer)).isEqualTo("idempotency-key-in-progress");
                    assertThat(answer.header(HttpHeaders.RETRY_AFTER)).isPresent();
                    answer = retryWhileInProgress(instance, clerk, "/api/v1/dossiers", body, key);
                }
                settled.add(answer);
            }
            assertThat(settled.get(0).status()).as(settled.get(0).body().toString()).isEqualTo(201);
            assertThat(settled.get(1).status()).isEqualTo(201);
            assertThat(settled.get(1).body()).as("both command sides answer the one commit").isEqualTo(
                    settled.get(0).body());
            assertThat(settled.get(1).location()).isEqualTo(settled.get(0).location());
            String dossierId = settled.get(0).body().path("dossierId").asText();
            assertThat(streamEvents(dossierId, "DossierReceivedEvent")).hasSize(1);

            Map<String, Object> other = submission(RACE_UNIT, "%012d".formatted(300_000_000L + attempt));
            Answer reused = command(attempt % 2 + 1, clerk, "/api/v1/dossiers", other, key);
            assertThat(reused.status()).isEqualTo(422);
            assertThat(slug(reused)).isEqualTo("idempotency-key-reused");
            assertThat(streamEvents(dossierId, null)).as("the stream after the refused reuse").hasSize(1);
        }

        for (int attempt = 0; attempt < 4; attempt++) {
            String key = key();
            Map<String, Object> first = submission(RACE_UNIT, "%012d".formatted(400_000_000L + attempt));
            Map<String, Object> second = submission(RACE_UNIT, "%012d".formatted(500_000_000L + attempt));
            List<Answer> answers = atOnce(() -> command(1, clerk, "/api/v1/dossiers", first, key),
                                          () -> command(2, clerk, "/api/v1/dossiers", second, key));
            assertThat(answers).extracting(Answer::status).as("two bodies under one key at once")
                               .containsExactlyInAnyOrder(201, 422);
            Answer refused = answers.stream().filter(answer -> answer.status() == 422).findFirst().orElseThrow();
            assertThat(slug(refused)).isEqualTo("idempotency-key-reused");
            String dossierId = answers.stream().filter(Answer::ok).findFirst().orElseThrow()
                                      .body().path("dossierId").asText();
            assertThat(streamEvents(dossierId, null)).hasSize(1);
        }
        System.out.println("[two instances] same key on both command sides: " + waited
                           + " of 16 answers waited with 409 idempotency-key-in-progress");
    }

    @Test
    void eachSharedProjectionHandlesEveryEventOnceAcrossBothQueryInstancesAndBothTimelinessIndexesAnswerAlike() {
        long headBefore;
        Map<String, Long> before;
        load.pause();
        try {
            headBefore = awaitCaughtUp();
            before = eventsHandled();
        } finally {
            load.resume();
        }
        sleep(5_000);
        load.pause();
        try {
            long head = awaitCaughtUp();
            Map<String, Long> after = eventsHandled();
            System.out.println("[two instances] events handled per instance and processor at head " + head + ": "
                               + after);
            assertThat(head).as("the log grew under the load").isGreaterThan(headBefore);
            for (String processor : SHARED_PROCESSORS) {
                String one = "query-1 " + processor;
                String two = "query-2 " + processor;
                assertThat(after.get(one) - before.get(one) + after.get(two) - before.get(two))
                        .as("events %s handled on both query sides from position %d to %d", processor, headBefore, head)
                        .isEqualTo(head - headBefore);
                assertThat(counter(product.queries(1), processor + ".failureCounter")
                           + counter(product.queries(2), processor + ".failureCounter")).isZero();
            }
            for (String processor : NEVER_REBUILT) {
                assertThat(after.get("query-1 " + processor) + after.get("query-2 " + processor))
                        .as("events %s handled on both query sides since the store was empty", processor)
                        .isEqualTo(head);
            }
            assertThat(after.get("command-1 " + SECONDMENT_LOOKUP) + after.get("command-2 " + SECONDMENT_LOOKUP))
                    .as("events the command sides' secondment lookup handled since the store was empty").isEqualTo(head);
            for (int instance = 1; instance <= 2; instance++) {
                String index = "query-" + instance + " " + TIMELINESS_INDEX;
                assertThat(after.get(index) - before.get(index))
                        .as("events query side %d's own timeliness index handled itself", instance)
                        .isEqualTo(head - headBefore);
            }

            String period = "from=" + firstDay + "&to=" + LocalDate.now(PROVINCE) + "&minPosition=" + head;
            for (String report : List.of("/api/v1/timeliness?groupBy=unit&" + period,
                                         "/api/v1/timeliness?groupBy=procedure&" + period,
                                         "/api/v1/timeliness/ranking?" + period)) {
                Answer first = expect(200, product.queries(1).get(report));
                Answer second = expect(200, product.queries(2).get(report));
                assertThat(second.body()).as(report).isEqualTo(first.body());
                assertThat(first.header("X-Projection-Stale")).isEmpty();
            }
            assertThat(receivedInReport(2, head)).isEqualTo(log(head).stream().filter(type("DossierReceivedEvent")).count());
        } finally {
            load.resume();
        }
    }

    @Test
    void anExpiredSecondmentIsEndedOnceAlthoughBothCommandSidesRunTheExpiryEverySecond() throws InterruptedException {
        List<String> staffIds = new ArrayList<>();
        for (int person = 1; person <= 6; person++) {
            String staffId = "CB-HET-" + person;
            staffIds.add(staffId);
            expect(201, command(person % 2 + 1, Official.HOME_AFFAIRS, "/api/v1/staff", Map.of(
                    "staffId", staffId, "fullName", "Cán bộ " + person, "unitCode", RACE_UNIT,
                    "field", "JUSTICE_CIVIL_STATUS", "position", "civil status officer",
                    "decisionNo", "QD-TD-" + person, "effectiveDate", "2025-01-02"), key()));
            expect(200, command(person % 2 + 1, Official.HOME_AFFAIRS, "/api/v1/staff/" + staffId + "/secondments",
                                Map.of("toUnitCode", "XA-A", "from", "2025-02-03", "until", "2025-03-31",
                                       "decisionNo", "QD-BP-" + person), key()));
        }
        for (String staffId : staffIds) {
            await("the expiry of " + staffId + "'s secondment",
                  () -> !streamEvents(STAFF_STREAM + staffId, "SecondmentEndedEvent").isEmpty());
        }
        // Both command sides have run the expiry several times more since the last end was recorded.
        Thread.sleep(5_000);

        for (String staffId : staffIds) {
            List<JsonNode> ends = streamEvents(STAFF_STREAM + staffId, "SecondmentEndedEvent");
            assertThat(ends).as("secondment ends recorded for %s", staffId).hasSize(1);
            JsonNode end = ends.get(0);
            assertThat(end.path("payload").path("reason").asText()).isEqualTo("EXPIRED");
            assertThat(end.path("payload").path("endedOn").asText()).isEqualTo("2025-04-01");
            assertThat(end.path("metadata").path("actor").asText()).isEqualTo("system:secondment-expiry");
        }
        System.out.println("[two instances] expiry runs that recorded ends: command side 1 "
                           + linesOf("command-side.log", ENDS_RECORDED) + ", command side 2 "
                           + linesOf("command-side-2.log", ENDS_RECORDED));
    }

    @Test
    void aRebuildAskedOfTheQueryInstanceNotHoldingTheProjectionRunsOnceOnTheOneHoldingItAndBothThenAnswerTheLog() {
        long before1 = counter(product.queries(1), "dossiers.ingestedCounter");
        long before2 = counter(product.queries(2), "dossiers.ingestedCounter");
        long headAtRebuild = head();
        rebuildAskingQuerySide2("dossiers");
        Map<Integer, Long> lastSeen = new HashMap<>(Map.of(1, 0L, 2, 0L));
        int readingsWhileReplaying = 0;
        long deadline = System.currentTimeMillis() + AWAIT_MILLIS;
        while (true) {
            boolean done = true;
            for (int instance = 1; instance <= 2; instance++) {
                JsonNode status = expect(200, product.queries(instance).get("/api/v1/admin/projections/dossiers")).body();
                long position = status.path("position").asLong();
                assertThat(position).as("query side %d's reading of the replay's position", instance)
                                    .isGreaterThanOrEqualTo(lastSeen.get(instance));
                lastSeen.put(instance, position);
                if (status.path("replaying").asBoolean()) {
                    readingsWhileReplaying++;
                    assertThat(status.path("progress").asInt()).isBetween(0, 100);
                }
                done &= !status.path("replaying").asBoolean() && position >= headAtRebuild;
            }
            if (done) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                fail("the rebuild of dossiers did not finish within " + AWAIT_MILLIS / 1000 + " s");
            }
            sleep(200);
        }
        long after1 = counter(product.queries(1), "dossiers.ingestedCounter");
        long after2 = counter(product.queries(2), "dossiers.ingestedCounter");
        System.out.println("[two instances] rebuild of dossiers asked of query side 2, on query side 1 from head "
                           + headAtRebuild + ": events handled by query side 1 " + before1 + " -> " + after1
                           + ", by query side 2 " + before2 + " -> " + after2 + "; " + readingsWhileReplaying
                           + " readings while replaying");
        assertThat(after1 - before1).as("the replay on query side 1, which holds dossiers")
                                    .isGreaterThanOrEqualTo(headAtRebuild);
        assertThat(after2).as("query side 2 handled no dossier event meanwhile").isEqualTo(before2);

        load.pause();
        try {
            long head = awaitCaughtUp();
            Map<String, JsonNode> first = dossiers(1, head);
            Map<String, JsonNode> second = dossiers(2, head);
            assertThat(second).as("the dossiers as query side 2 answers them").isEqualTo(first);
            Map<String, String> statuses = new TreeMap<>();
            first.forEach((dossierId, dossier) -> statuses.put(dossierId, dossier.path("status").asText() + " at "
                                                                           + dossier.path("unitCode").asText()));
            assertThat(statuses).as("each dossier's status as its last event left it").isEqualTo(statusesInLog(head));
        } finally {
            load.resume();
        }
    }

    @Test
    void aRebuildOfTheTimelinessFactsOnOneQueryInstanceIsFollowedByTheOtherInstancesOwnIndex() {
        long index1 = counter(product.queries(1), TIMELINESS_INDEX + ".ingestedCounter");
        long index2 = counter(product.queries(2), TIMELINESS_INDEX + ".ingestedCounter");
        long headAtRebuild = head();
        rebuildAskingQuerySide2("timeliness");

        // The other instance learns of the rebuild from the shared rebuild log, within a second.
        await("the timeliness facts and both instances' indexes rebuilt past position " + headAtRebuild, () -> {
            boolean done = counter(product.queries(1), TIMELINESS_INDEX + ".ingestedCounter") - index1 >= headAtRebuild
                           && counter(product.queries(2), TIMELINESS_INDEX + ".ingestedCounter") - index2 >= headAtRebuild;
            for (int instance = 1; instance <= 2; instance++) {
                for (String processor : List.of("timeliness", TIMELINESS_INDEX)) {
                    JsonNode status = expect(200, product.queries(instance).get("/api/v1/admin/projections/"
                                                                                 + processor)).body();
                    done &= !status.path("replaying").asBoolean() && status.path("position").asLong() >= headAtRebuild;
                }
            }
            return done;
        });
        long replayed1 = counter(product.queries(1), TIMELINESS_INDEX + ".ingestedCounter") - index1;
        long replayed2 = counter(product.queries(2), TIMELINESS_INDEX + ".ingestedCounter") - index2;
        System.out.println("[two instances] rebuild of timeliness asked of query side 2, on query side 1 from head "
                           + headAtRebuild + ": the indexes handled " + replayed1 + " (query side 1) and " + replayed2
                           + " (query side 2) events meanwhile");
        assertThat(replayed1).as("query side 1's index rebuilt from the first event").isGreaterThanOrEqualTo(headAtRebuild);
        assertThat(replayed2).as("query side 2's index rebuilt from the first event").isGreaterThanOrEqualTo(headAtRebuild);

        load.pause();
        try {
            long head = awaitCaughtUp();
            String report = "/api/v1/timeliness?groupBy=unit&from=" + firstDay + "&to=" + LocalDate.now(PROVINCE)
                            + "&minPosition=" + head;
            assertThat(expect(200, product.queries(2).get(report)).body())
                    .isEqualTo(expect(200, product.queries(1).get(report)).body());
            assertThat(receivedInReport(1, head)).isEqualTo(log(head).stream().filter(type("DossierReceivedEvent")).count());
        } finally {
            load.resume();
        }
    }

    @Test
    void aWriteThroughEitherCommandSideIsReadThroughTheOtherQuerySideFromItsPositionOn() {
        Official clerk = Official.clerkOf(READ_YOUR_WRITES_UNIT);
        int staleAnswers = 0;
        for (int write = 1; write <= 8; write++) {
            int writer = write % 2 == 1 ? 1 : 2;
            int reader = 3 - writer;
            Answer submitted = expect(201, command(writer, clerk, "/api/v1/dossiers",
                    submission(READ_YOUR_WRITES_UNIT, "%012d".formatted(600_000_000L + write)), key()));
            long position = submitted.position();
            String dossierId = submitted.body().path("dossierId").asText();

            Fresh dossier = readFrom(reader, "/api/v1/dossiers/" + dossierId + "?minPosition=" + position, position);
            staleAnswers += dossier.staleBefore();
            assertThat(dossier.answer().body().path("dossierId").asText()).isEqualTo(dossierId);
            assertThat(dossier.answer().body().path("status").asText()).isEqualTo("RECEIVED");

            Fresh report = readFrom(reader, "/api/v1/timeliness?groupBy=unit&unitCode=" + READ_YOUR_WRITES_UNIT
                                            + "&from=" + firstDay + "&to=" + LocalDate.now(PROVINCE)
                                            + "&minPosition=" + position, position);
            staleAnswers += report.staleBefore();
            assertThat(report.answer().body().path("total").path("received").asLong())
                    .as("dossiers received at %s, as query side %d's own index counts them", READ_YOUR_WRITES_UNIT,
                        reader).isEqualTo(write);
        }
        System.out.println("[two instances] read-your-writes across instances: " + staleAnswers
                           + " answers marked stale (then retried) of 16 reads");
    }

    @Test
    void everyCommandTheLoadGotAcknowledgedIsInTheLogOnceAtThePositionItWasAnswered() {
        await("the load's first hundred commands", () -> load.acknowledged().size() >= 100);
        List<DossierLoad.Acknowledged> acknowledged = load.acknowledged();
        long head = acknowledged.stream().mapToLong(DossierLoad.Acknowledged::position).max().orElse(0);
        Map<Long, JsonNode> byPosition = new HashMap<>();
        Map<String, Integer> stepsOfDossiers = new HashMap<>();
        for (JsonNode event : log(head)) {
            byPosition.put(event.path("position").asLong(), event);
            stepsOfDossiers.merge(event.path("aggregateId").asText() + " " + event.path("type").asText(), 1,
                                  Integer::sum);
        }
        Map<String, String> eventOfStep = Map.of("submission", "DossierReceivedEvent",
                                                 "resolution", "DossierResolvedEvent", "return", "DossierReturnedEvent");
        for (DossierLoad.Acknowledged step : acknowledged) {
            JsonNode event = byPosition.get(step.position());
            assertThat(event).as("the event at the position acknowledged for %s", step).isNotNull();
            assertThat(event.path("aggregateId").asText()).isEqualTo(step.dossierId());
            assertThat(event.path("type").asText()).isEqualTo(eventOfStep.get(step.step()));
            assertThat(stepsOfDossiers.get(step.dossierId() + " " + eventOfStep.get(step.step())))
                    .as("%s of %s in the log", step.step(), step.dossierId()).isEqualTo(1);
        }
        assertThat(load.statuses().keySet()).as("statuses the load was answered").allMatch(status -> status < 500);
        System.out.println("[two instances] load: " + acknowledged.size() + " commands acknowledged up to position "
                           + head + ", answers by status " + load.statuses());
    }

    // ---- reading ----

    /** A read-your-writes answer that reflects the position, and how many stale answers came before it. */
    private record Fresh(Answer answer, int staleBefore) {
    }

    /**
     * Reads until the answer reflects {@code position}. Answers that do not yet are allowed only when they
     * say so: 200 (or a problem) with {@code X-Projection-Stale: true}, or 503 with {@code Retry-After}.
     */
    private Fresh readFrom(int instance, String pathAndQuery, long position) {
        int stale = 0;
        long deadline = System.currentTimeMillis() + AWAIT_MILLIS;
        while (true) {
            Answer answer = product.queries(instance).get(pathAndQuery);
            boolean markedStale = answer.header("X-Projection-Stale").filter("true"::equals).isPresent();
            if (answer.status() == 503) {
                assertThat(answer.header(HttpHeaders.RETRY_AFTER)).as("503 for %s", pathAndQuery).isPresent();
            } else if (!markedStale) {
                assertThat(answer.status()).as("%s on query side %d: %s", pathAndQuery, instance, answer.body())
                                           .isEqualTo(200);
                assertThat(Long.parseLong(answer.header("X-Projection-Position").orElseThrow()))
                        .isGreaterThanOrEqualTo(position);
                return new Fresh(answer, stale);
            }
            stale++;
            if (System.currentTimeMillis() > deadline) {
                fail(pathAndQuery + " on query side " + instance + " still stale after " + AWAIT_MILLIS / 1000 + " s");
            }
            sleep(200);
        }
    }

    /**
     * Asks query side 2 to rebuild {@code projection}, which it does not hold (query side 1 started first
     * and holds every segment: one instance processes a projection, and only that one can reset it). The
     * request is accepted and left to query side 1; a rebuild asked of query side 1 meanwhile is refused.
     * Returns once query side 1 has started it.
     */
    private void rebuildAskingQuerySide2(String projection) {
        String path = "/api/v1/admin/projections/" + projection + "/rebuild";
        String started = "Rebuild of '" + projection + "' started";
        long startedOn1 = linesOf("query-side.log", started);
        long startedOn2 = linesOf("query-side-2.log", started);
        Answer asked = adminPost(2, path);
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);
        assertThat(asked.body().path("state").asText()).as("query side 2's answer").isIn("REQUESTED", "REPLAYING");
        Answer meanwhile = adminPost(1, path);
        assertThat(meanwhile.status()).as("a rebuild asked of query side 1 meanwhile").isEqualTo(409);
        assertThat(slug(meanwhile)).isEqualTo("rebuild-in-progress");
        await("query side 1 to start the rebuild of " + projection + " asked of query side 2",
              () -> linesOf("query-side.log", started) > startedOn1);
        assertThat(linesOf("query-side.log", started)).as("rebuilds of %s started on query side 1", projection)
                                                      .isEqualTo(startedOn1 + 1);
        assertThat(linesOf("query-side-2.log", started)).as("rebuilds of %s started on query side 2", projection)
                                                        .isEqualTo(startedOn2);
        for (int instance = 1; instance <= 2; instance++) {
            assertThat(expect(200, product.queries(instance).get("/api/v1/admin/projections/" + projection)).body()
                               .path("state").asText()).as("query side %d's status", instance).isNotEqualTo("REQUESTED");
        }
    }

    /** Events each instance's processors have handled ({@code <processor>.ingestedCounter}), as "query-1 staff". */
    private Map<String, Long> eventsHandled() {
        Map<String, Long> handled = new TreeMap<>();
        for (int instance = 1; instance <= 2; instance++) {
            for (String processor : SHARED_PROCESSORS) {
                handled.put("query-" + instance + " " + processor,
                            counter(product.queries(instance), processor + ".ingestedCounter"));
            }
            handled.put("query-" + instance + " " + TIMELINESS_INDEX,
                        counter(product.queries(instance), TIMELINESS_INDEX + ".ingestedCounter"));
            handled.put("command-" + instance + " " + SECONDMENT_LOOKUP,
                        counter(product.commands(instance), SECONDMENT_LOOKUP + ".ingestedCounter"));
        }
        return handled;
    }

    /** The province's dossiers received in the report period, as query side {@code instance} counts them. */
    private long receivedInReport(int instance, long head) {
        return expect(200, product.queries(instance).get("/api/v1/timeliness?groupBy=unit&from=" + firstDay + "&to="
                                                          + LocalDate.now(PROVINCE) + "&minPosition=" + head))
                .body().path("total").path("received").asLong();
    }

    /** Every dossier in query side {@code instance}'s read model, by id, read once it has reached {@code head}. */
    private Map<String, JsonNode> dossiers(int instance, long head) {
        Map<String, JsonNode> dossiers = new TreeMap<>();
        for (int page = 0; ; page++) {
            Answer answer = expect(200, product.queries(instance).get("/api/v1/dossiers?size=1000&page=" + page
                                                                        + "&minPosition=" + head));
            assertThat(answer.header("X-Projection-Stale")).isEmpty();
            answer.body().path("content").forEach(dossier -> dossiers.put(dossier.path("dossierId").asText(), dossier));
            if (page + 1 >= answer.body().path("totalPages").asLong()) {
                return dossiers;
            }
        }
    }

    /** Each dossier's status and unit ("RESOLVED at XA-A") as its events up to {@code head} left them. */
    private Map<String, String> statusesInLog(long head) {
        Map<String, String> statusAfter = Map.of("DossierReceivedEvent", "RECEIVED", "DossierResolvedEvent", "RESOLVED",
                                                 "DossierReturnedEvent", "RETURNED");
        Map<String, String> statuses = new TreeMap<>();
        Map<String, String> units = new HashMap<>();
        for (JsonNode event : log(head)) {
            String type = event.path("type").asText();
            String dossierId = event.path("aggregateId").asText();
            if (type.equals("DossierReceivedEvent")) {
                units.put(dossierId, event.path("payload").path("unitCode").asText());
            } else if (type.equals("DossierTransferredEvent")) {
                units.put(dossierId, event.path("payload").path("toUnitCode").asText());
                continue;
            }
            if (type.startsWith("Dossier")) {
                assertThat(statusAfter).as("a status for %s", type).containsKey(type);
                statuses.put(dossierId, statusAfter.get(type));
            }
        }
        statuses.replaceAll((dossierId, status) -> status + " at " + units.get(dossierId));
        return statuses;
    }

    /** The stream's events, of {@code type} only unless null, read from the event store by query side 1. */
    private List<JsonNode> streamEvents(String aggregateId, String type) {
        Answer answer = expect(200, product.queries(1).get("/api/v1/audit/streams/" + aggregateId + "/events"));
        List<JsonNode> events = new ArrayList<>();
        answer.body().path("events").forEach(event -> {
            if (type == null || type.equals(event.path("type").asText())) {
                events.add(event);
            }
        });
        return events;
    }

    /** The global log from position 1 up to {@code head}, by query side 2. */
    private List<JsonNode> log(long head) {
        List<JsonNode> events = new ArrayList<>();
        long from = 1;
        while (from <= head) {
            JsonNode page = expect(200, product.queries(2).get("/api/v1/audit/events?fromPosition=" + from
                                                                + "&limit=1000")).body();
            page.path("events").forEach(event -> {
                if (event.path("position").asLong() <= head) {
                    events.add(event);
                }
            });
            from = page.path("nextFromPosition").asLong();
        }
        assertThat(events).extracting(event -> event.path("position").asLong()).as("positions 1 to %d", head)
                          .hasSize((int) head);
        return events;
    }

    private static Predicate<JsonNode> type(String type) {
        return event -> type.equals(event.path("type").asText());
    }

    private long head() {
        return expect(200, product.queries(1).get("/api/v1/audit/events?fromPosition=1&limit=1")).body()
                .path("headPosition").asLong();
    }

    /**
     * Waits until the log stands still and every projection on both query sides has processed all of it;
     * returns its head. For use while the load is paused.
     */
    private long awaitCaughtUp() {
        long[] head = {-1};
        await("every projection on both query sides at the head of the log", () -> {
            long now = head();
            boolean caughtUp = now == head[0];
            head[0] = now;
            for (int instance = 1; instance <= 2 && caughtUp; instance++) {
                for (JsonNode projection : expect(200, product.queries(instance).get("/api/v1/admin/projections"))
                        .body().path("projections")) {
                    caughtUp &= projection.path("position").asLong() == now
                                && !projection.path("replaying").asBoolean();
                }
            }
            return caughtUp;
        });
        return head[0];
    }

    /** A counter of the Micrometer registry of an instance ({@code /actuator/metrics}, ADMIN); 0 if not yet there. */
    private long counter(Http side, String name) {
        Answer answer = as(side, Official.ADMIN).get("/actuator/metrics/" + name);
        if (answer.status() == 404) {
            return 0;
        }
        return (long) expect(200, answer).body().path("measurements").get(0).path("value").asDouble();
    }

    // ---- writing ----

    private Answer submit(int instance, String unitCode) {
        return expect(201, command(instance, Official.clerkOf(unitCode), "/api/v1/dossiers",
                                   submission(unitCode, "%012d".formatted(applicants.incrementAndGet())), key()));
    }

    private static Map<String, Object> submission(String unitCode, String idNumber) {
        return Map.of("procedureCode", PROCEDURE, "unitCode", unitCode, "channel", "IN_PERSON",
                      "applicant", Map.of("idNumber", idNumber, "fullName", "Lê Thị Hoa", "phone", "0987654321"));
    }

    /** A command to command side {@code instance} as {@code official}, with an Idempotency-Key unless null. */
    private Answer command(int instance, Official official, String path, Object body, String idempotencyKey) {
        Map<String, String> headers = new HashMap<>();
        headers.put(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(official));
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return product.commands(instance).post(path, body, headers);
    }

    private Answer retryWhileInProgress(int instance, Official official, String path, Object body, String key) {
        long deadline = System.currentTimeMillis() + AWAIT_MILLIS;
        while (true) {
            Answer answer = command(instance, official, path, body, key);
            if (answer.status() != 409 || !"idempotency-key-in-progress".equals(slug(answer))) {
                return answer;
            }
            if (System.currentTimeMillis() > deadline) {
                fail("the key " + key + " still in progress after " + AWAIT_MILLIS / 1000 + " s");
            }
            sleep(1_000);
        }
    }

    private Answer adminPost(int queryInstance, String path) {
        return product.queries(queryInstance).post(path, null,
                                                   Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(Official.ADMIN)));
    }

    /** Both requests sent at the same moment, on two threads released together; their answers in order. */
    private List<Answer> atOnce(Callable<Answer> first, Callable<Answer> second) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Answer>> answers = new ArrayList<>();
        for (Callable<Answer> request : List.of(first, second)) {
            answers.add(pairs.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return request.call();
            }));
        }
        List<Answer> answered = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            try {
                answered.add(answer.get(AWAIT_MILLIS, TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                throw new AssertionError("a request of the pair failed", e);
            }
        }
        return answered;
    }

    // ---- small things ----

    private Http as(Http side, Official official) {
        synchronized (asOfficial) {
            return asOfficial.computeIfAbsent(side.baseUrl() + " " + official,
                                              key -> new Http(side.baseUrl(), () -> tokens.of(official)));
        }
    }

    /** How many lines of a part's log contain {@code text}. */
    private long linesOf(String log, String text) {
        try (var lines = Files.lines(product.logs().resolve(log), StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key() {
        return "two-instances-" + UUID.randomUUID();
    }

    /** The last segment of a problem's type. */
    private static String slug(Answer problem) {
        String type = problem.body().path("type").asText();
        return type.startsWith(PROBLEMS) ? type.substring(PROBLEMS.length()) : type;
    }

    private static Answer expect(int status, Answer answer) {
        assertThat(answer.status()).as("answer %s", answer.body()).isEqualTo(status);
        return answer;
    }

    private interface Condition {
        boolean holds();
    }

    private static void await(String what, Condition condition) {
        long deadline = System.currentTimeMillis() + AWAIT_MILLIS;
        while (!condition.holds()) {
            if (System.currentTimeMillis() > deadline) {
                fail(what + ": not within " + AWAIT_MILLIS / 1000 + " s");
            }
            sleep(250);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
