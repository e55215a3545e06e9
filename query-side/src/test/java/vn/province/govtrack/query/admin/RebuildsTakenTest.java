package vn.province.govtrack.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.query.projection.ProjectionPosition;
import vn.province.govtrack.query.projection.ProjectionPositions;
import vn.province.govtrack.query.projection.QueryInstance;
import vn.province.govtrack.query.projection.RebuildLog;
import vn.province.govtrack.query.projection.RebuildScope;

/**
 * A rebuild whose processor takes longer to shut down than the taken-timeout (a batch waiting on a slow
 * database) keeps its request taken: no other instance could take it over meanwhile and reset the same
 * processor a second time. The processor is a stand-in; the log is the real one, on a real server.
 */
class RebuildsTakenTest {

    private static final String PROJECTION = "staff";
    private static final Duration TAKEN_TIMEOUT = Duration.ofSeconds(1);

    private static MongoClient client;
    private static RebuildLog rebuildLog;
    private static MongoTemplate axonMongoTemplate;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri());
        String database = TestMongo.freshDatabaseName("rebuilds_taken");
        MongoProperties properties = new MongoProperties();
        properties.setDatabase(database);
        rebuildLog = new RebuildLog(client, properties);
        axonMongoTemplate = DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void a_rebuild_whose_processor_shuts_down_slower_than_the_taken_timeout_is_not_taken_over_meanwhile()
            throws Exception {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.getName()).thenReturn(PROJECTION);
        AtomicReference<Boolean> lapsedDuringShutdown = new AtomicReference<>();
        doAnswer(invocation -> {
            Thread.sleep(TAKEN_TIMEOUT.multipliedBy(3).toMillis()); // a batch waiting on a slow database
            // what another instance's check reads now: taken, and taken over if not renewed for the timeout
            Instant takenAt = rebuildLog.request(PROJECTION).orElseThrow().takenAt();
            lapsedDuringShutdown.set(takenAt.plus(TAKEN_TIMEOUT).isBefore(Instant.now()));
            return null;
        }).when(processor).shutDown();
        EventProcessingConfiguration eventProcessing = mock(EventProcessingConfiguration.class);
        when(eventProcessing.eventProcessor(PROJECTION, StreamingEventProcessor.class))
                .thenReturn(Optional.of(processor));
        @SuppressWarnings("unchecked")
        ObjectProvider<EventProcessingConfiguration> provider = mock(ObjectProvider.class);
        when(provider.getObject()).thenReturn(eventProcessing);
        ProjectionPositions positions = mock(ProjectionPositions.class);
        when(positions.claimants(PROJECTION)).thenReturn(Set.of());
        when(positions.current(any())).thenReturn(new ProjectionPosition(0, false));
        Rebuilds rebuilds = new Rebuilds(provider, axonMongoTemplate, positions, rebuildLog, event -> {
        }, Clock.systemUTC(), new QueryInstance("slow"), Duration.ofHours(1), TAKEN_TIMEOUT);

        assertThat(rebuildLog.request(PROJECTION, RebuildScope.everything(), Instant.now(), null)).isTrue();
        rebuilds.carryOut(PROJECTION);

        assertThat(lapsedDuringShutdown.get()).as("the take had lapsed while the processor shut down").isFalse();
        assertThat(rebuildLog.request(PROJECTION)).as("recorded").isEmpty();
        assertThat(rebuildLog.count(PROJECTION)).isEqualTo(1);
    }
}
