package vn.province.govtrack.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.command.web.ActingOfficials;
import vn.province.govtrack.embeddedmongo.EmbeddedMongoServerProcess;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.kernel.unit.UnitIds;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.security.TokenMinter;

/**
 * The command side while its database dies, comes back, freezes and goes on: commands answer 503
 * problem+json with {@code Retry-After} within the bound of {@code govtrack.mongo.*}, never 500 and never
 * later; readiness goes DOWN and UP again by itself, liveness stays UP; nothing acknowledged is lost;
 * a slow event handler does not slow commands down; and the service stops promptly on a frozen
 * database. The database is an embedded server in a process of its own, killed with {@code kill -9},
 * frozen with {@code kill -STOP}; the service is a context of its own, closed as SIGTERM would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageTest {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageTest.class);
    private static final String PROBLEMS = "https://govtrack.example/problems/";
    /** The documented bound of a request on a dead or frozen database (docs/api.md), with room for a slow machine. */
    private static final Duration REQUEST_BOUND = Duration.ofSeconds(15);
    /** The documented bound of readiness turning DOWN (5 s), with room for a slow machine. */
    private static final Duration READINESS_BOUND = Duration.ofSeconds(12);
    /** The documented bound of a shutdown on a dead or frozen database (docs/api.md), with room for a slow machine. */
    private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private EmbeddedMongoServerProcess database;
    private ConfigurableApplicationContext service;
    private TestRestTemplate http;
    private MongoEventStorageEngine engine;
    private final List<String> acknowledged = new ArrayList<>();
    private final AtomicInteger codes = new AtomicInteger();

    @BeforeAll
    void startTheDatabaseAndTheService() throws Exception {
        Assumptions.assumeTrue(System.getenv("MONGODB_URI") == null || System.getenv("MONGODB_URI").isBlank(),
                               "MONGODB_URI is set: this test kills and freezes its own embedded database, which a "
                               + "MongoDB given by URI cannot be");
        database = EmbeddedMongoServerProcess.start(temp.resolve("mongo.log"), "--data-dir=" + temp.resolve("data"));
        service = new SpringApplicationBuilder(CommandSideApplication.class, SlowProjection.class).run(
                "--server.port=0", "--spring.data.mongodb.uri=" + database.uri(),
                "--spring.data.mongodb.database=outage", "--govtrack.staff.secondment-expiry.enabled=false");
        engine = service.getBean(MongoEventStorageEngine.class);
        http = ActingOfficials.client(new RestTemplateBuilder()
                .rootUri("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"))
                .readTimeout(Duration.ofSeconds(60)), service.getBean(TokenMinter.class));
    }

    @AfterAll
    void stopBoth() throws Exception {
        if (service != null && service.isActive()) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void aSlowEventHandlerDoesNotSlowCommandsDown() {
        for (int i = 0; i < 5; i++) {
            ResponseEntity<JsonNode> answer = timed(() -> registerUnit(null), Duration.ofSeconds(3));
            assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
        }

        // each event costs the handler a second: it is still at work on events whose commands were answered
        assertThat(service.getBean(SlowProjection.class).handled.get()).isLessThan(5);
    }

    @Test
    @Order(2)
    void whileTheDatabaseIsDeadCommandsAnswer503WithRetryAfterAndReadinessGoesDown() throws Exception {
        assertThat(status("/actuator/health/readiness")).isEqualTo(HttpStatus.OK);
        database.killHard();
        long killed = System.nanoTime();

        Duration down = awaitStatus("/actuator/health/readiness", HttpStatus.SERVICE_UNAVAILABLE, READINESS_BOUND);
        log.info("Database killed: readiness DOWN after {} ms", down.toMillis());
        assertThat(status("/actuator/health/liveness")).isEqualTo(HttpStatus.OK);

        String key = "outage-" + System.nanoTime();
        assertUnavailable(timed(() -> registerUnit(key), REQUEST_BOUND), true);
        assertUnavailable(timed(() -> registerUnit(null), REQUEST_BOUND), true);
        log.info("Database killed: two commands answered 503 {} ms after the kill",
                 Duration.ofNanos(System.nanoTime() - killed).toMillis());

        database.restart();
        Duration up = awaitStatus("/actuator/health/readiness", HttpStatus.OK, Duration.ofSeconds(30));
        log.info("Database restarted: readiness UP after {} ms", up.toMillis());
        // the retry with the same key records the command once; whatever was acknowledged is there
        ResponseEntity<JsonNode> retried = timed(() -> registerUnit(key), REQUEST_BOUND);
        assertThat(retried.getStatusCode()).as(String.valueOf(retried.getBody())).isEqualTo(HttpStatus.CREATED);
        assertEveryAcknowledgedCommandIsRecordedOnce();
    }

    @Test
    @Order(3)
    void whileTheDatabaseIsFrozenCommandsAnswer503QuicklyAndAllRecoversAfterwards() throws Exception {
        database.freeze();
        long frozen = System.nanoTime();
        try {
            assertUnavailable(timed(() -> registerUnit(null), REQUEST_BOUND), true);
            log.info("Database frozen: first command answered 503 after {} ms",
                     Duration.ofNanos(System.nanoTime() - frozen).toMillis());
            awaitStatus("/actuator/health/readiness", HttpStatus.SERVICE_UNAVAILABLE, READINESS_BOUND);
            log.info("Database frozen: readiness DOWN {} ms after the freeze",
                     Duration.ofNanos(System.nanoTime() - frozen).toMillis());
            assertUnavailable(timed(() -> registerUnit(null), REQUEST_BOUND), true);
            assertThat(status("/actuator/health/liveness")).isEqualTo(HttpStatus.OK);
            long remaining = Duration.ofSeconds(10).toNanos() - (System.nanoTime() - frozen);
            Thread.sleep(Math.max(0, remaining / 1_000_000));
        } finally {
            database.resume();
        }
        long resumed = System.nanoTime();

        ResponseEntity<JsonNode> after = awaitCreated();
        log.info("Database resumed: first command accepted after {} ms",
                 Duration.ofNanos(System.nanoTime() - resumed).toMillis());
        assertThat(after.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        awaitStatus("/actuator/health/readiness", HttpStatus.OK, Duration.ofSeconds(30));
        assertEveryAcknowledgedCommandIsRecordedOnce();
    }

    @Test
    @Order(4)
    void theServiceStopsPromptlyOnAFrozenDatabase() throws Exception {
        database.freeze();
        long started = System.nanoTime();
        service.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        database.resume();

        log.info("Service stopped on a frozen database in {} ms", took.toMillis());
        assertThat(took).isLessThan(SHUTDOWN_BOUND);
    }

    /** A projection of the command side's own that needs a second per event: commands must not wait for it. */
    @Configuration(proxyBeanMethods = false)
    static class SlowProjection {

        final AtomicInteger handled = new AtomicInteger();

        @Bean
        SlowHandler slowHandler() {
            return new SlowHandler(handled);
        }
    }

    @ProcessingGroup("outage-test-slow")
    static class SlowHandler {

        private final AtomicInteger handled;

        SlowHandler(AtomicInteger handled) {
            this.handled = handled;
        }

        @EventHandler
        void on(UnitRegisteredEvent event) throws InterruptedException {
            Thread.sleep(1000);
            handled.incrementAndGet();
        }
    }

    private ResponseEntity<JsonNode> registerUnit(String idempotencyKey) {
        String code = "XA-OUT-" + codes.incrementAndGet();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
            code = "XA-" + idempotencyKey;
        }
        ResponseEntity<JsonNode> answer = http.exchange("/api/v1/units", HttpMethod.POST, new HttpEntity<>("""
                {"code": "%s", "name": "Unit %s", "kind": "COMMUNE"}""".formatted(code, code), headers), JsonNode.class);
        if (answer.getStatusCode() == HttpStatus.CREATED) {
            acknowledged.add(code);
        }
        return answer;
    }

    /** Sends commands until one is accepted (each answered within the bound), for at most 30 s. */
    private ResponseEntity<JsonNode> awaitCreated() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            ResponseEntity<JsonNode> answer = timed(() -> registerUnit(null), REQUEST_BOUND);
            if (answer.getStatusCode() == HttpStatus.CREATED || System.nanoTime() > deadline) {
                return answer;
            }
            assertUnavailable(answer, true);
            Thread.sleep(200);
        }
    }

    private void assertEveryAcknowledgedCommandIsRecordedOnce() {
        assertThat(acknowledged).allSatisfy(code -> assertThat(engine.readEvents(UnitIds.streamOf(code)).asStream().count())
                .as("events of acknowledged unit %s", code).isEqualTo(1));
    }

    private static <T> T timed(Supplier<T> request, Duration bound) {
        long started = System.nanoTime();
        T answer = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within %s", bound).isLessThan(bound);
        return answer;
    }

    private static void assertUnavailable(ResponseEntity<JsonNode> answer, boolean command) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.getBody().path("type").asText()).isEqualTo(PROBLEMS + "unavailable");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        if (command) {
            assertThat(answer.getBody().path("detail").asText()).contains("unknown");
        }
    }

    private HttpStatus status(String path) {
        return HttpStatus.valueOf(http.getForEntity(path, String.class).getStatusCode().value());
    }

    /** How long it took {@code path} to answer {@code expected}; fails after {@code bound}. */
    private Duration awaitStatus(String path, HttpStatus expected, Duration bound) throws InterruptedException {
        long started = System.nanoTime();
        while (status(path) != expected) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("%s answering %s", path, expected)
                                                                     .isLessThan(bound);
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
