package vn.province.govtrack.simulator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.DevTokens;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;

/**
 * {@code ./run --instances 2} keeps the stack up: the embedded MongoDB, a command side and a query side
 * are each killed with {@code kill -9}, one at a time. {@code ./run} starts each again on its port and
 * data directory, says so on its console and in {@code run.log} with the exit status, and the other
 * instance of the service keeps answering while its twin is down. {@code ./run backup FILE} then backs up
 * the running store while dossiers go on being written through both command sides. SIGTERM to
 * {@code ./run} stops every part, and no JVM is left behind. {@code ./run restore FILE} restores the backup
 * into a fresh data directory (once: a second restore there is refused), and {@code ./run} started on it
 * shows the source's log up to the backup's head, position for position and hash for hash, nothing after
 * it, an intact chain, and read models rebuilt from it.
 *
 * <p>The steps build on each other, in order, on one {@code ./run} and then on the restored one; each
 * waits with generous bounds, since the four services and the database share a slow machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunSupervisionIT {

    private static final List<String> PARTS = List.of("mongo", "command-side", "query-side", "command-side-2",
                                                      "query-side-2");
    private static final Duration START = Duration.ofSeconds(240);
    private static final Duration RESTART = Duration.ofSeconds(150);
    /** ./run gives each part 20 s after SIGTERM, the services together and then the database. */
    private static final Duration STOP = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** A backup or restore of a few hundred events: two JVMs started on a loaded machine, mostly. */
    private static final Duration BACKUP = Duration.ofSeconds(180);
    private static final String BACKUP_UNIT = "RS-BACKUP";
    private static final String BACKUP_PROCEDURE = "KS-RS-BACKUP";
    private static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunScript run;
    private Http commandSide1;
    private Http commandSide2;
    private Http querySide1;
    private Http querySide2;
    private final AtomicInteger units = new AtomicInteger();
    /** The last unit registered, and the position of its event. */
    private String lastUnit;
    private long lastPosition;
    private DevTokens tokens;
    /** The backup ./run took, its head P, and the source's log up to P as its query side showed it. */
    private Path backup;
    private long backupHead;
    private List<JsonNode> sourceEvents;
    private List<String> sourceExport;
    /** What the load wrote around the backup, acknowledged, with positions. */
    private List<DossierLoad.Acknowledged> written;
    private Path restoredDir;
    private RunScript restored;

    @BeforeAll
    void startRunWithTwoInstancesOfEachService() {
        run = RunScript.start("run-supervision", "--instances", "2");
        run.await(START, "./run says govtrack is running", () -> run.console().contains("govtrack is running"));
        // Tokens from the first command side only: that the others accept them shows that all share one secret.
        tokens = new DevTokens(new Http(run.commandSideUrl(1), null, REQUEST_TIMEOUT));
        commandSide2 = new Http(run.commandSideUrl(2), () -> tokens.of(Official.ADMIN), REQUEST_TIMEOUT);
        commandSide1 = new Http(run.commandSideUrl(1), () -> tokens.of(Official.ADMIN), REQUEST_TIMEOUT);
        querySide1 = new Http(run.querySideUrl(1), () -> tokens.of(Official.AUDITOR), REQUEST_TIMEOUT);
        querySide2 = new Http(run.querySideUrl(2), () -> tokens.of(Official.AUDITOR), REQUEST_TIMEOUT);
    }

    @AfterAll
    void stopWhateverIsLeft() {
        if (run != null) {
            run.close();
        }
        if (restored != null) {
            restored.close();
        }
    }

    @Test
    @Order(1)
    void lists_two_command_sides_and_two_query_sides_in_pairs_of_ports_on_one_store_with_one_token_secret() {
        int base = run.basePort();
        assertThat(run.console())
                .containsPattern("command side +http://127\\.0\\.0\\.1:" + base + "\n")
                .containsPattern("query side +http://127\\.0\\.0\\.1:" + (base + 1) + "\n")
                .containsPattern("command side 2 +http://127\\.0\\.0\\.1:" + (base + 2) + "\n")
                .containsPattern("query side 2 +http://127\\.0\\.0\\.1:" + (base + 3) + "\n");
        List<Long> children = run.process().descendants().map(ProcessHandle::pid).toList();
        for (String part : PARTS) {
            assertThat(run.pid(part)).as("the pid file of %s", part).isPresent();
            assertThat(children).as("%s is a child of ./run", part).contains(run.pid(part).getAsLong());
            assertThat(run.dataDir().resolve("logs/" + part + ".log")).as("the log of %s", part).isNotEmptyFile();
        }

        Answer registered = registerUnit(commandSide2);
        assertThat(registered.status()).as(registered.problem()).isEqualTo(201);
        assertThat(registered.location()).as("the Location of a command side's pair")
                .startsWith(run.querySideUrl(2) + "/api/v1/units/");
        assertThat(readLastUnit(querySide1).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void restarts_the_embedded_database_after_kill_9_and_both_command_sides_write_to_it_again() {
        long killed = kill9("mongo");

        awaitRestart("mongo", "embedded MongoDB", killed);
        // The services were not restarted: they reconnect by themselves.
        assertThat(run.runLog()).doesNotContain("command side (pid", "query side (pid");
        for (Http commandSide : List.of(commandSide1, commandSide2)) {
            registerUnitEventually(commandSide);
        }
        awaitLastUnitOn(querySide2);
    }

    @Test
    @Order(3)
    void restarts_a_killed_command_side_while_the_other_instance_keeps_accepting_commands() {
        long killed = kill9("command-side-2");
        assertThat(commandSide2.reachable("/actuator/health")).as("command side 2 is down").isFalse();

        int acceptedMeanwhile = 0;
        long deadline = System.nanoTime() + RESTART.toNanos();
        while (!up(commandSide2)) {
            Answer answer = registerUnit(commandSide1);
            assertThat(answer.status()).as("command side 1 while 2 is down: %s", answer.problem()).isEqualTo(201);
            acceptedMeanwhile++;
            assertThat(System.nanoTime()).as("command side 2 UP again within %s", RESTART).isLessThan(deadline);
            RunScript.pause(Duration.ofSeconds(1));
        }
        assertThat(acceptedMeanwhile).isPositive();

        awaitRestart("command-side-2", "command side 2", killed);
        Answer afterRestart = registerUnit(commandSide2);
        assertThat(afterRestart.status()).as(afterRestart.problem()).isEqualTo(201);
    }

    @Test
    @Order(4)
    void restarts_a_killed_query_side_while_the_other_instance_keeps_answering_queries() {
        // Reads of what was projected before the kill: events after it are projected only once the other
        // instance has taken over the dead one's claim on the processor's token, seconds later.
        awaitLastUnitOn(querySide2);
        long killed = kill9("query-side");
        assertThat(querySide1.reachable("/actuator/health")).as("query side 1 is down").isFalse();

        int answeredMeanwhile = 0;
        long deadline = System.nanoTime() + RESTART.toNanos();
        while (!up(querySide1)) {
            Answer answer = readLastUnit(querySide2);
            assertThat(answer.status()).as("query side 2 while 1 is down: %s", answer.problem()).isEqualTo(200);
            answeredMeanwhile++;
            assertThat(System.nanoTime()).as("query side 1 UP again within %s", RESTART).isLessThan(deadline);
            RunScript.pause(Duration.ofSeconds(1));
        }
        assertThat(answeredMeanwhile).isPositive();

        awaitRestart("query-side", "query side", killed);
        Answer afterRestart = registerUnit(commandSide1);
        assertThat(afterRestart.status()).as(afterRestart.problem()).isEqualTo(201);
        awaitLastUnitOn(querySide1);
    }

    @Test
    @Order(5)
    void backs_up_the_running_store_while_dossiers_go_on_being_written_through_both_command_sides()
            throws InterruptedException {
        Answer unit = commandSide1.post("/api/v1/units", Map.of("code", BACKUP_UNIT, "name", "Phường Hạc Thành",
                                                                "kind", "WARD"), Map.of());
        assertThat(unit.status()).as(unit.problem()).isEqualTo(201);
        Answer procedure = commandSide2.post("/api/v1/procedures", Map.of(
                "code", BACKUP_PROCEDURE, "name", "Đăng ký khai sinh", "field", "JUSTICE_CIVIL_STATUS",
                "level", "COMMUNE", "processingHours", 24, "cutoff", "15:00", "online", true), Map.of());
        assertThat(procedure.status()).as(procedure.problem()).isEqualTo(201);
        backup = run.dataDir().resolveSibling(run.dataDir().getFileName() + "-backup.zip");

        DossierLoad load = new DossierLoad(List.of(commandSide1, commandSide2), tokens, List.of(BACKUP_UNIT),
                                           BACKUP_PROCEDURE, 20).start(2);
        RunScript.Ended backedUp;
        List<DossierLoad.Acknowledged> before;
        try {
            run.await(RESTART, "the load has commands acknowledged", () -> load.acknowledged().size() >= 6);
            before = load.acknowledged();
            backedUp = run.runBeside(BACKUP, "backup", backup.toString());
            assertThat(load.acknowledged().size()).as("commands acknowledged while ./run backup ran")
                    .isGreaterThan(before.size());
            assertThat(backedUp.status()).as(backedUp.output()).isZero();
            backupHead = manifest().path("position").asLong();
            run.await(RESTART, "a dossier submitted after the backup's head", () -> load.acknowledged().stream()
                    .anyMatch(step -> step.step().equals("submission") && step.position() > backupHead));
        } finally {
            load.close();
        }
        assertThat(load.unexpectedAnswers()).as("answers to the load other than success").isEmpty();
        written = load.acknowledged();

        assertThat(backedUp.output()).contains("Backed up database govtrack to " + backup, "intact");
        assertThat(before).as("commands acknowledged before the backup began are in it")
                .allMatch(step -> step.position() <= backupHead);
        sourceEvents = auditEvents(querySide1, backupHead);
        assertThat(sourceEvents).extracting(event -> event.path("position").asLong())
                .as("every position from 1 to the backup's head holds an event")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, backupHead).boxed().toList());
        sourceExport = export(querySide1, backupHead);
        assertSameLog(backupEntry("log.ndjson"), sourceExport, "the backup's log.ndjson");
        assertThat(backupCheckpoints()).as("the signed checkpoints in the backup").isNotEmpty();
    }

    @Test
    @Order(6)
    void sigterm_stops_every_part_within_the_grace_period_and_leaves_no_jvm_behind() throws InterruptedException {
        List<ProcessHandle> parts = PARTS.stream().map(part -> ProcessHandle.of(run.pid(part).orElseThrow()))
                .map(process -> process.orElseThrow()).toList();
        assertThat(parts).allMatch(ProcessHandle::isAlive);
        List<ProcessHandle> started = new ArrayList<>(run.process().descendants().toList());
        started.addAll(parts);

        run.process().destroy();

        assertThat(run.process().waitFor(STOP.toSeconds(), TimeUnit.SECONDS)).as("./run stopped within %s", STOP)
                .isTrue();
        assertThat(run.process().exitValue()).isEqualTo(143);
        assertThat(started).as("every process ./run started has ended").noneMatch(ProcessHandle::isAlive);
        assertThat(run.console()).contains("Stopping ...", "Stopped.");
        assertThat(PARTS).allMatch(part -> run.pid(part).isEmpty());
        assertThat(run.runLog()).contains("stopping", "stopped");
    }

    @Test
    @Order(7)
    void restores_the_backup_into_a_fresh_data_directory_once_and_refuses_a_second_restore_there() throws IOException {
        assertThat(run.process().isAlive()).as("the backed-up ./run has stopped").isFalse();
        restoredDir = RunScript.newDataDir("run-restored");
        // The secrets the backup was taken under: the token secret, the lookup pepper, the checkpoint key pair.
        try (Stream<Path> files = Files.list(run.dataDir())) {
            for (Path properties : files.filter(file -> file.toString().endsWith(".properties")).toList()) {
                Files.copy(properties, restoredDir.resolve(properties.getFileName()));
            }
        }
        assertThat(restoredDir.resolve("local-secrets.properties")).exists();
        assertThat(restoredDir.resolve("audit-keys.properties")).exists();

        RunScript.Ended restore = RunScript.runOn(restoredDir, BACKUP, "restore", backup.toString());

        assertThat(restore.status()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Restored into", restoredDir.getFileName().toString());
        assertThat(restoredDir.resolve("govtrack.mv")).isNotEmptyFile();
        Map<String, String> afterRestore = contents(restoredDir);

        RunScript.Ended again = RunScript.runOn(restoredDir, BACKUP, "restore", backup.toString());

        assertThat(again.status()).as(again.output()).isEqualTo(1);
        assertThat(again.output()).contains("already holds a store (govtrack.mv)");
        assertThat(contents(restoredDir)).as("the data directory after the refused restore").isEqualTo(afterRestore);
    }

    @Test
    @Order(8)
    void run_on_the_restored_directory_shows_the_same_log_up_to_the_backups_head_with_an_intact_chain_and_rebuilt_read_models() {
        restored = RunScript.startOn(restoredDir);
        restored.await(START, "./run on the restored directory says govtrack is running",
                       () -> restored.console().contains("govtrack is running"));
        DevTokens restoredTokens = new DevTokens(new Http(restored.commandSideUrl(1), null, REQUEST_TIMEOUT));
        Http querySide = new Http(restored.querySideUrl(1), () -> restoredTokens.of(Official.AUDITOR),
                                  REQUEST_TIMEOUT);

        assertThat(auditEvents(querySide, backupHead)).as("the restored log from 1 to the backup's head")
                .isEqualTo(sourceEvents);
        Answer afterHead = querySide.get("/api/v1/audit/events?fromPosition=" + (backupHead + 1) + "&limit=10");
        assertThat(afterHead.status()).as(afterHead.problem()).isEqualTo(200);
        assertThat(afterHead.body().path("events")).as("events after the backup's head").isEmpty();
        assertThat(afterHead.body().path("headPosition").asLong()).isEqualTo(backupHead);
        assertSameLog(export(querySide, backupHead), sourceExport, "the restored store's export");

        Answer verification = verification(querySide, backupHead);
        assertThat(verification.body().path("state").asText()).as(verification.body().toString()).isEqualTo("INTACT");
        assertThat(verification.body().path("verifiedThrough").asLong()).isEqualTo(backupHead);
        long newestBackedUp = backupCheckpoints().lastKey();
        assertThat(verification.body().path("checkpoint").path("position").asLong())
                .as("the newest checkpoint verified under the restored key pair").isGreaterThanOrEqualTo(newestBackedUp);
        assertThat(verification.body().path("checkpoint").path("valid").asBoolean()).isTrue();

        // The dossier projection replays the restored log: the last dossier submitted up to P as it stood at P,
        // and none submitted after it.
        DossierLoad.Acknowledged inBackup = written.stream()
                .filter(step -> step.step().equals("submission") && step.position() <= backupHead)
                .max(Comparator.comparingLong(DossierLoad.Acknowledged::position)).orElseThrow();
        String statusAtHead = written.stream()
                .filter(step -> step.dossierId().equals(inBackup.dossierId()) && step.position() <= backupHead)
                .max(Comparator.comparingLong(DossierLoad.Acknowledged::position))
                .map(step -> switch (step.step()) {
                    case "resolution" -> "RESOLVED";
                    case "return" -> "RETURNED";
                    default -> "RECEIVED";
                }).orElseThrow();
        String afterBackup = written.stream()
                .filter(step -> step.step().equals("submission") && step.position() > backupHead)
                .findFirst().orElseThrow().dossierId();
        String read = "/api/v1/dossiers/" + inBackup.dossierId() + "?minPosition=" + backupHead;
        restored.await(RESTART, "the restored query side shows dossier " + inBackup.dossierId(), () -> {
            Answer answer = querySide.get(read);
            return answer.status() == 200 && answer.header("X-Projection-Stale").isEmpty();
        });
        assertThat(querySide.get(read).body().path("status").asText()).isEqualTo(statusAtHead);
        Answer notInBackup = querySide.get("/api/v1/dossiers/" + afterBackup + "?minPosition=" + backupHead);
        assertThat(notInBackup.status()).as(notInBackup.body().toString()).isEqualTo(404);
        assertThat(notInBackup.header("X-Projection-Stale")).isEmpty();
    }

    /** The events from position 1 to {@code last}, as {@code GET /api/v1/audit/events} pages them to an auditor. */
    private static List<JsonNode> auditEvents(Http querySide, long last) {
        List<JsonNode> events = new ArrayList<>();
        long from = 1;
        while (from <= last) {
            Answer page = querySide.get("/api/v1/audit/events?fromPosition=" + from + "&limit=1000");
            assertThat(page.status()).as(page.problem()).isEqualTo(200);
            page.body().path("events").forEach(event -> {
                if (event.path("position").asLong() <= last) {
                    events.add(event);
                }
            });
            if (page.body().path("events").isEmpty()) {
                break;
            }
            from = page.body().path("nextFromPosition").asLong();
        }
        return events;
    }

    /** {@code GET /api/v1/audit/export} of positions 1 to {@code last}, line by line. */
    private static List<String> export(Http querySide, long last) {
        Http.Unparsed export = querySide.getUnparsed("/api/v1/audit/export?fromPosition=1&toPosition=" + last,
                                                     MediaType.parseMediaType(NDJSON));
        assertThat(export.status()).as(new String(export.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return new String(export.body(), StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * Two exports of the same log: every commit line and the end line alike, with its hashes and digests; the
     * headers alike but for the time of the export and the checkpoints, which each store signs as it goes
     * (the restored one may sign the backup's head anew): the checkpoints the backup holds are in both.
     */
    private void assertSameLog(List<String> actual, List<String> expected, String what) {
        assertThat(actual).as(what).hasSizeGreaterThan(2);
        assertThat(actual.subList(1, actual.size())).as("the commits and end of %s", what)
                .containsExactlyElementsOf(expected.subList(1, expected.size()));
        ObjectNode actualHeader = (ObjectNode) parse(actual.get(0));
        ObjectNode expectedHeader = (ObjectNode) parse(expected.get(0));
        Map<Long, JsonNode> actualCheckpoints = checkpoints(actualHeader.remove("checkpoints"));
        Map<Long, JsonNode> expectedCheckpoints = checkpoints(expectedHeader.remove("checkpoints"));
        actualHeader.remove("exportedAt");
        expectedHeader.remove("exportedAt");
        assertThat(actualHeader).as("the header of %s", what).isEqualTo(expectedHeader);
        assertThat(actualHeader.path("toPosition").asLong()).isEqualTo(backupHead);
        assertThat(actualCheckpoints).as("the checkpoints of %s", what).containsAllEntriesOf(backupCheckpoints());
        assertThat(expectedCheckpoints).containsAllEntriesOf(backupCheckpoints());
    }

    /** The signed checkpoints the backup holds, by position: those of its log's header. */
    private NavigableMap<Long, JsonNode> backupCheckpoints() {
        return checkpoints(parse(backupEntry("log.ndjson").get(0)).path("checkpoints"));
    }

    private static NavigableMap<Long, JsonNode> checkpoints(JsonNode checkpoints) {
        NavigableMap<Long, JsonNode> byPosition = new TreeMap<>();
        checkpoints.forEach(checkpoint -> byPosition.put(checkpoint.path("position").asLong(), checkpoint));
        return byPosition;
    }

    /** The verdict of {@code GET /api/v1/audit/verification?to=}, polled while it runs. */
    private Answer verification(Http querySide, long to) {
        Answer answer = querySide.get("/api/v1/audit/verification?to=" + to);
        long deadline = System.nanoTime() + RESTART.toNanos();
        while (answer.status() == 202) {
            assertThat(System.nanoTime()).as("the verification ends within %s", RESTART).isLessThan(deadline);
            RunScript.pause(Duration.ofSeconds(1));
            answer = querySide.get(answer.location());
        }
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer;
    }

    /** The backup's manifest, read as any ZIP reader reads it. */
    private JsonNode manifest() {
        return parse(String.join("\n", backupEntry("manifest.json")));
    }

    private List<String> backupEntry(String name) {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            assertThat(zip.getEntry(name)).as("%s in the backup", name).isNotNull();
            try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** Every file under {@code dir} with the SHA-256 of its bytes. */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(dir.relativize(file).toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return contents;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code kill -9} of a part; returns its pid once it has ended. */
    private long kill9(String part) {
        long pid = run.pid(part).orElseThrow();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        assertThat(process.destroyForcibly()).isTrue();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(part + " did not end after SIGKILL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return pid;
    }

    /** The part runs again under a new pid, UP, and ./run logged its death, restart and recovery. */
    private void awaitRestart(String part, String title, long killed) {
        String died = title + " (pid " + killed + ") exited with status 137 (SIGKILL)";
        run.await(RESTART, title + " runs again and is UP", () -> run.pid(part).stream()
                .anyMatch(pid -> pid != killed && run.runLog().contains(title + " is UP again (pid " + pid + ",")));
        long restarted = run.pid(part).orElseThrow();
        assertThat(ProcessHandle.of(restarted)).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());
        assertThat(run.runLog()).contains(died, title + " restarted (pid " + restarted + ")",
                                          title + " is UP again (pid " + restarted);
        assertThat(run.console()).contains(died, title + " restarted (pid " + restarted + ")");
        assertThat(run.dataDir().resolve("logs/" + part + ".log")).content()
                .contains("./run starts " + title + " again, after it exited with status 137 (SIGKILL)");
    }

    private Answer registerUnit(Http commandSide) {
        return registerUnit(commandSide, "unit-" + units.incrementAndGet());
    }

    /** Registers a new unit; a retry with the same key takes effect once. */
    private Answer registerUnit(Http commandSide, String idempotencyKey) {
        String code = "RS-" + idempotencyKey;
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("code", code);
        unit.put("name", "Phường " + code);
        unit.put("kind", "WARD");
        Answer answer = commandSide.post("/api/v1/units", unit, Map.of("Idempotency-Key", idempotencyKey));
        if (answer.status() == 201) {
            lastUnit = code;
            lastPosition = answer.position();
        }
        return answer;
    }

    /** After the database came back: the command side accepts a command again, retried with its key. */
    private void registerUnitEventually(Http commandSide) {
        String key = "unit-" + units.incrementAndGet();
        run.await(RESTART, commandSide.baseUrl() + " accepts a command again", () -> {
            try {
                return registerUnit(commandSide, key).status() == 201;
            } catch (ResourceAccessException timedOut) {
                return false;
            }
        });
    }

    private Answer readLastUnit(Http querySide) {
        return querySide.get("/api/v1/units/" + lastUnit + "?minPosition=" + lastPosition);
    }

    /** The query side's projection reaches the last command (it may be catching up after a restart). */
    private void awaitLastUnitOn(Http querySide) {
        run.await(RESTART, querySide.baseUrl() + " shows unit " + lastUnit, () -> {
            try {
                Answer answer = readLastUnit(querySide);
                return answer.status() == 200 && answer.body().path("code").asText().equals(lastUnit);
            } catch (ResourceAccessException timedOut) {
                return false;
            }
        });
    }

    private static boolean up(Http service) {
        try {
            return service.get("/actuator/health").body().path("status").asText().equals("UP");
        } catch (ResourceAccessException down) {
            return false;
        }
    }
}
