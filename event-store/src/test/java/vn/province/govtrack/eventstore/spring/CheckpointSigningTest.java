package vn.province.govtrack.eventstore.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.eventstore.AuditKeys;
import vn.province.govtrack.eventstore.CheckpointSigner;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;

/** The background signer signs while the service runs and stops with it, without waiting. */
class CheckpointSigningTest {

    @Test
    void the_signer_runs_in_the_background_until_stopped() throws Exception {
        try (MongoClient client = MongoClients.create(TestMongo.uri())) {
            MongoDatabase database = client.getDatabase(TestMongo.freshDatabaseName("signing"));
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
                                                                    .eventSerializer(serializer)
                                                                    .snapshotSerializer(serializer).build();
            KeyPair keys = AuditKeys.generate();
            AuditProperties properties = new AuditProperties(true, AuditKeys.encode(keys.getPrivate()),
                                                             AuditKeys.encode(keys.getPublic()), 1L, null,
                                                             Duration.ofMillis(20));
            CheckpointSigning signing = new CheckpointSigning(
                    new CheckpointSigner(engine, keys, properties.checkpointEveryEvents(), properties.checkpointEvery(),
                                         Clock.systemUTC()), properties);
            engine.appendEvents(new GenericDomainEventMessage<>("Note", "a", 0, "first"));

            signing.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (engine.auditCheckpoints().newest().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            signing.stop();

            assertThat(engine.auditCheckpoints().newest()).hasValueSatisfying(c -> assertThat(c.position()).isOne());
            assertThat(signing.isRunning()).isFalse();
            assertThat(properties.toString()).doesNotContain(properties.signingKey());
            database.drop();
        }
    }
}
