package vn.province.govtrack.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.embeddedmongo.EmbeddedMongoServerProcess;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.security.Role;
import vn.province.govtrack.security.TokenMinter;

/**
 * The query side while its database dies, comes back, freezes and goes on: queries answer 503
 * problem+json with {@code Retry-After} within the bound of {@code govtrack.mongo.*}, never 500 and never
 * later, read-your-writes included; readiness goes DOWN and UP again by itself, liveness stays UP; the
 * projections resume by themselves and miss nothing; and the service stops promptly on a dead database.
 * The database is an embedded server in a process of its own, killed with {@code kill -9}, frozen with
 * {@code kill -STOP}; the service is a context of its own, closed as SIGTERM would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageTest {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageTest.class);
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
    private String clientToken;
    private EventStore eventStore;
    private final List<String> appended = new ArrayList<>();

    @BeforeAll
    void startTheDatabaseAndTheService() throws Exception {
        Assumptions.assumeTrue(System.getenv("MONGODB_URI") == null || System.getenv("MONGODB_URI").isBlank(),
                               "MONGODB_URI is set: this test kills and freezes its own embedded database, which a "
                               + "MongoDB given by URI cannot be");
        database = EmbeddedMongoServerProcess.start(temp.resolve("mongo.log"), "--data-dir=" + temp.resolve("data"));
        service = new SpringApplicationBuilder(QuerySideApplication.class).run(
                "--server.port=0", "--spring.data.mongodb.uri=" + database.uri(),
                "--spring.data.mongodb.database=outage");
        eventStore = service.getBean(EventStore.class);
        http = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"))
                .readTimeout(Duration.ofSeconds(60)));
        clientToken = ActingOfficials.token(service.getBean(TokenMinter.class), Role.CLIENT, null);
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
    void whileTheDatabaseIsDeadQueriesAnswer503WithRetryAfterAndReadinessGoesDown() throws Exception {
        String before = register();
        awaitVisible(before);
        assertThat(status("/actuator/health/readiness")).isEqualTo(HttpStatus.OK);

        database.killHard();
        long killed = System.nanoTime();
        assertUnavailable(timed(() -> unit(before, 0), REQUEST_BOUND));
        log.info("Database killed: first query answered 503 after {} ms", elapsedMillis(killed));
        Duration down = awaitStatus("/actuator/health/readiness", HttpStatus.SERVICE_UNAVAILABLE, READINESS_BOUND);
        log.info("Database killed: readiness DOWN {} ms after the kill ({} ms of polling)", elapsedMillis(killed),
                 down.toMillis());
        assertThat(status("/actuator/health/liveness")).isEqualTo(HttpStatus.OK);
        // read-your-writes reads the projection's position from the database too
        assertUnavailable(timed(() -> unit(before, 1_000_000), REQUEST_BOUND));

        database.restart();
        long restarted = System.nanoTime();
        awaitStatus("/actuator/health/readiness", HttpStatus.OK, Duration.ofSeconds(30));
        log.info("Database restarted: readiness UP after {} ms", elapsedMillis(restarted));
        String after = register();
        awaitVisible(after);
        log.info("Database restarted: an event appended afterwards answered by its projection after {} ms",
                 elapsedMillis(restarted));
        assertEveryAppendedUnitIsAnswered();
    }

    @Test
    @Order(2)
    void whileTheDatabaseIsFrozenQueriesAnswer503QuicklyAndAllRecoversAfterwards() throws Exception {
        String before = appended.get(0);
        database.freeze();
        long frozen = System.nanoTime();
        try {
            assertUnavailable(timed(() -> unit(before, 0), REQUEST_BOUND));
            log.info("Database frozen: first query answered 503 after {} ms", elapsedMillis(frozen));
            awaitStatus("/actuator/health/readiness", HttpStatus.SERVICE_UNAVAILABLE, READINESS_BOUND);
            log.info("Database frozen: readiness DOWN {} ms after the freeze", elapsedMillis(frozen));
            assertUnavailable(timed(() -> unit(before, 0), REQUEST_BOUND));
            assertThat(status("/actuator/health/liveness")).isEqualTo(HttpStatus.OK);
            Thread.sleep(Math.max(0, 10_000 - elapsedMillis(frozen)));
        } finally {
            database.resume();
        }
        long resumed = System.nanoTime();

        awaitStatus("/actuator/health/readiness", HttpStatus.OK, Duration.ofSeconds(30));
        log.info("Database resumed: readiness UP after {} ms", elapsedMillis(resumed));
        String after = register();
        awaitVisible(after);
        log.info("Database resumed: an event appended afterwards answered by its projection after {} ms",
                 elapsedMillis(resumed));
        assertEveryAppendedUnitIsAnswered();
    }

    @Test
    @Order(3)
    void theServiceStopsPromptlyOnADeadDatabase() throws Exception {
        database.killHard();
        long started = System.nanoTime();
        service.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        log.info("Service stopped on a dead database in {} ms", took.toMillis());
        assertThat(took).isLessThan(SHUTDOWN_BOUND);
    }

    /** Appends a unit's registration, as the command side would; answers its code. */
    private String register() {
        String code = "XA-OUT-" + (appended.size() + 1);
        eventStore.publish(new GenericDomainEventMessage<>("Unit", "unit:" + code, 0,
                new UnitRegisteredEvent(code, "Unit " + code, UnitKind.COMMUNE),
                Map.of(EventMetadata.ACTOR, "admin"), UUID.randomUUID().toString(), Instant.now()));
        appended.add(code);
        return code;
    }

    private long head() {
        return ((GlobalSequenceTrackingToken) eventStore.createHeadToken()).getGlobalIndex();
    }

    private ResponseEntity<JsonNode> unit(String code, long minPosition) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(clientToken);
        if (minPosition > 0) {
            headers.set("X-Min-Position", Long.toString(minPosition));
        }
        return http.exchange("/api/v1/units/" + code, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    /** Waits until the unit's projection answers for {@code code}: the tracking processor caught up by itself. */
    private void awaitVisible(String code) throws InterruptedException {
        long head = head();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        ResponseEntity<JsonNode> answer = unit(code, head);
        while (answer.getStatusCode() != HttpStatus.OK && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = unit(code, head);
        }
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    }

    private void assertEveryAppendedUnitIsAnswered() {
        assertThat(appended).allSatisfy(code -> assertThat(unit(code, head()).getStatusCode()).isEqualTo(HttpStatus.OK));
    }

    private static <T> T timed(Supplier<T> request, Duration bound) {
        long started = System.nanoTime();
        T answer = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within %s", bound).isLessThan(bound);
        return answer;
    }

    private static long elapsedMillis(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos).toMillis();
    }

    private static void assertUnavailable(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.getBody().path("type").asText()).isEqualTo(QuerySideHttpTest.PROBLEMS + "unavailable");
        assertThat(answer.getBody().path("detail").asText()).isEqualTo("the database did not answer in time; retry later");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
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
