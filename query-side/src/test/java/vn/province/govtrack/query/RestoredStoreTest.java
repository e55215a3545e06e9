package vn.province.govtrack.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.eventstore.LogExport;
import vn.province.govtrack.eventstore.LogRestore;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.query.dossier.DossierEvents;
import vn.province.govtrack.query.projection.ProjectionPositions;
import vn.province.govtrack.query.staff.StaffEvents;

/**
 * A query side started on a store restored from a copy of the log (the restore half of a backup) rebuilds
 * its read models by itself: its projections find no token, replay the restored log from position 1 and
 * end with the documents the original's projections wrote.
 */
class RestoredStoreTest extends QuerySideHttpTest {

    /** The projections that keep read models in the database. */
    private static final List<String> PROJECTIONS = List.of("dossiers", "timeliness", "staff", "personnel", "reference");
    /** Collections that are no read model: the log, its checkpoints and layout, tokens, the rebuilds' record. */
    private static final List<String> NOT_READ_MODELS = List.of("events", "event_positions", "audit_checkpoints",
                                                                "snapshots", "trackingtokens", "projection_rebuilds",
                                                                "applicant_keys");
    private static final Map<String, String> METADATA = Map.of(EventMetadata.ACTOR, "clerk.ba-dinh",
                                                               EventMetadata.ACTOR_ROLE, "CLERK",
                                                               EventMetadata.ACTOR_UNIT, "W-BA-DINH");

    @Autowired
    private EventStore eventStore;
    @Autowired
    private MongoEventStorageEngine engine;
    @Autowired
    private ProjectionPositions positions;
    @Autowired
    private MongoClient mongoClient;
    @Autowired
    private MongoProperties mongoProperties;

    @Test
    void a_query_side_started_on_a_restored_store_rebuilds_read_models_equal_to_the_originals() throws IOException {
        String marker = "R" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            String dossierId = "HS-" + marker + "-" + i;
            append(dossierId, "Dossier", 0, DossierEvents.received(dossierId));
            if (i > 0) {
                append(dossierId, "Dossier", 1, DossierEvents.resolvedEarly(dossierId));
            }
        }
        String staffId = "CB-" + marker;
        append(staffId, "Staff", 0, StaffEvents.recruited(staffId, "W-BA-DINH", "LAND", "2024-03-01"));
        append(staffId, "Staff", 1, StaffEvents.trained(staffId, "Land law " + marker, "2024-06-01"));
        long head = engine.headPosition();
        awaitCaughtUp(positions, head);

        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        LogExport.writeLog(engine.logReader(), engine.auditCheckpoints(), 1, head, Instant.now(), copy, commit -> { });
        MongoDatabase restored = mongoClient.getDatabase(TestMongo.freshDatabaseName("restored"));
        LogRestore.restore(restored, "", new ByteArrayInputStream(copy.toByteArray()), (done, total) -> { });

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(QuerySideApplication.class)
                .run("--server.port=0", "--spring.data.mongodb.uri=" + TestMongo.uri(),
                     "--spring.data.mongodb.database=" + restored.getName())) {
            awaitCaughtUp(second.getBean(ProjectionPositions.class), head);
        }

        MongoDatabase original = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        List<String> readModels = original.listCollectionNames().into(new ArrayList<>());
        readModels.removeAll(NOT_READ_MODELS);
        assertThat(readModels).contains("dossier_view", "timeliness_fact", "staff_view");
        for (String readModel : readModels) {
            assertThat(documentsOf(restored, readModel, marker)).as(readModel)
                                                               .isEqualTo(documentsOf(original, readModel, marker));
        }
        assertThat(documentsOf(restored, "dossier_view", marker)).hasSize(3);
        assertThat(documentsOf(restored, "staff_view", marker)).hasSize(1);
    }

    private void append(String aggregateId, String type, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, METADATA,
                                                           UUID.randomUUID().toString(), Instant.now()));
    }

    /** Every projection with a read model has processed the log up to {@code head}. */
    private static void awaitCaughtUp(ProjectionPositions positions, long head) {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String projection : PROJECTIONS) {
                assertThat(positions.current(projection).position()).as(projection).isGreaterThanOrEqualTo(head);
            }
        });
    }

    /**
     * The read model's documents of this test (the store is shared with other test classes), in {@code _id}
     * order. Only the read models are compared: which instance wrote a document is not part of it; nor are
     * the tombstones of closed dossiers in {@code dossier_open}, which no query reads and which say when they
     * were written (ADR 0013).
     */
    private static List<Document> documentsOf(MongoDatabase database, String collection, String marker) {
        Bson compared = collection.equals("dossier_open") ? Filters.ne("closed", true) : new Document();
        return database.getCollection(collection).find(compared).sort(Sorts.ascending("_id")).into(new ArrayList<>())
                       .stream().filter(document -> document.toJson().contains(marker)).toList();
    }
}
