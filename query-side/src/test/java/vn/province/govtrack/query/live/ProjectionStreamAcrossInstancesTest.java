package vn.province.govtrack.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.query.ActingOfficials;
import vn.province.govtrack.query.QuerySideApplication;
import vn.province.govtrack.query.dossier.DossierEvents;
import vn.province.govtrack.security.Role;
import vn.province.govtrack.security.TokenMinter;

/**
 * Two query-side instances on one store: the first holds every shared projection, the second holds none
 * (only its own timeliness index). A stream opened on the second shows the dossiers projection, which the
 * first processes, advancing; and stopping the second while the stream is open ends the stream at once
 * instead of holding its graceful shutdown up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionStreamAcrossInstancesTest {

    private static final String DATABASE = TestMongo.freshDatabaseName("projection-stream-instances");
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(60);
    /** The second instance's shutdown phases may each take this long: a stream holding one up would show. */
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(60);

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static EventStreamClient client;

    @BeforeAll
    static void startTwoInstances() {
        first = start();
        await().atMost(LONG_ENOUGH).until(() -> holds(first, "dossiers"));
        second = start();
    }

    @AfterAll
    static void stopThem() throws Exception {
        if (client != null) {
            client.close();
        }
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {second, first}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    @Order(1)
    void aStreamOnOneInstanceShowsAProjectionAnotherInstanceProcessesAdvancing() {
        assertThat(holds(second, "dossiers")).as("the second instance does not process dossiers").isFalse();
        client = EventStreamClient.open(url(second), ActingOfficials.token(second.getBean(TokenMinter.class),
                                                                           Role.AUDITOR, null));
        assertThat(client.response.statusCode()).isEqualTo(200);
        await().atMost(LONG_ENOUGH).until(() -> !client.eventsOf("dossiers").isEmpty());

        String dossierId = "HS-STREAM-" + UUID.randomUUID();
        first.getBean(EventStore.class).publish(new GenericDomainEventMessage<>(
                "Dossier", dossierId, 0, DossierEvents.received(dossierId),
                Map.of(EventMetadata.ACTOR, "clerk.ba-dinh"),
                UUID.randomUUID().toString(), DossierEvents.RECEIVED_AT));
        long appended = first.getBean(MongoEventStorageEngine.class).headPosition();

        await().atMost(LONG_ENOUGH).untilAsserted(() -> assertThat(client.eventsOf("dossiers"))
                .extracting(EventStreamClient.Event::position).contains(appended));
    }

    @Test
    @Order(2)
    void stoppingAnInstanceEndsItsOpenStreamsRatherThanWaitingForThem() {
        assertThat(second.getBean(ProjectionStream.class).subscriberCount()).isEqualTo(1);
        long started = System.nanoTime();

        second.close();

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("graceful shutdown did not wait out a phase for the open stream")
                        .isLessThan(PHASE_TIMEOUT.dividedBy(2));
        await().atMost(LONG_ENOUGH).until(() -> client.ended);
    }

    private static ConfigurableApplicationContext start() {
        // as arguments, so that they take precedence over application.yml (default properties would not)
        return new SpringApplicationBuilder(QuerySideApplication.class).run(
                "--server.port=0", "--spring.data.mongodb.uri=" + TestMongo.uri(),
                "--spring.data.mongodb.database=" + DATABASE,
                "--spring.lifecycle.timeout-per-shutdown-phase=" + PHASE_TIMEOUT.toSeconds() + "s");
    }

    private static boolean holds(ConfigurableApplicationContext instance, String processorName) {
        return !instance.getBean(EventProcessingConfiguration.class)
                        .eventProcessor(processorName, StreamingEventProcessor.class).orElseThrow()
                        .processingStatus().isEmpty();
    }

    private static String url(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port")
               + "/api/v1/projections/stream";
    }
}
