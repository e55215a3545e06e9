package vn.province.govtrack.simulator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.web.client.ResourceAccessException;

import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.DevTokens;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;

/**
 * {@code ./run --instances 2} keeps the stack up: the embedded MongoDB, a command side and a query side
 * are each killed with {@code kill -9}, one at a time. {@code ./run} starts each again on its port and
 * data directory, says so on its console and in {@code run.log} with the exit status, and the other
 * instance of the service keeps answering while its twin is down. SIGTERM to {@code ./run} then stops
 * every part, and no JVM is left behind.
 *
 * <p>The steps build on each other, in order, on one {@code ./run}; each waits with generous bounds,
 * since the four services and the database share a slow machine.
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

    private RunScript run;
    private Http commandSide1;
    private Http commandSide2;
    private Http querySide1;
    private Http querySide2;
    private final AtomicInteger units = new AtomicInteger();
    /** The last unit registered, and the position of its event. */
    private String lastUnit;
    private long lastPosition;

    @BeforeAll
    void startRunWithTwoInstancesOfEachService() {
        run = RunScript.start("run-supervision", "--instances", "2");
        run.await(START, "./run says govtrack is running", () -> run.console().contains("govtrack is running"));
        // Tokens from the first command side only: that the others accept them shows that all share one secret.
        DevTokens tokens = new DevTokens(new Http(run.commandSideUrl(1), null, REQUEST_TIMEOUT));
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
