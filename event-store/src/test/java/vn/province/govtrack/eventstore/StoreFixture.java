package vn.province.govtrack.eventstore;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.embeddedmongo.TestMongo;

/** A fresh database on the test server (or MONGODB_URI) and engines over it. */
final class StoreFixture implements AutoCloseable {

    record Note(String text) {
    }

    static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    final MongoClient client = MongoClients.create(TestMongo.uri());
    final MongoDatabase database = client.getDatabase(TestMongo.freshDatabaseName("eventstore"));

    MongoEventStorageEngine engine() {
        return engine(NoOpEventUpcaster.INSTANCE);
    }

    MongoEventStorageEngine engine(EventUpcaster upcaster) {
        return MongoEventStorageEngine.builder()
                                      .database(database)
                                      .eventSerializer(SERIALIZER)
                                      .snapshotSerializer(SERIALIZER)
                                      .upcasterChain(upcaster)
                                      .build();
    }

    static DomainEventMessage<Note> event(String aggregateId, long seq, String text) {
        return new GenericDomainEventMessage<>("Note", aggregateId, seq, new Note(text),
                                               MetaData.from(Map.of("actor", "tester")));
    }

    /**
     * The log the tamper-evidence tests share: positions 1 | 2 3 4 | 5 | 6 | 7 8 | 9, commits of one,
     * three, one, one, two and one events, of streams staff-1, dossier-1, dossier-2 and staff-2.
     */
    static void appendTheNineEventLog(MongoEventStorageEngine engine) {
        engine.appendEvents(event("staff-1", 0, "recruited"));
        engine.appendEvents(event("dossier-1", 0, "d1 received"), event("dossier-1", 1, "d1 assigned"),
                            event("dossier-2", 0, "d2 received"));
        engine.appendEvents(event("staff-1", 1, "seconded"));
        engine.appendEvents(event("dossier-2", 1, "d2 resolved"));
        engine.appendEvents(event("dossier-1", 2, "d1 resolved"), event("staff-2", 0, "recruited"));
        engine.appendEvents(event("staff-1", 2, "departed"));
    }

    /** Signs a checkpoint at {@code position} with {@code keys}, as the signer would. */
    static void signCheckpointAt(MongoEventStorageEngine engine, long position, KeyPair keys) {
        engine.auditCheckpoints().record(Checkpoint.sign(position, engine.logReader().hashBefore(position + 1),
                                                         Instant.now(), keys.getPrivate(),
                                                         AuditKeys.keyId(keys.getPublic())));
    }

    /** Everything readable right now after {@code token}, as a list. */
    static List<? extends TrackedEventMessage<?>> readAll(MongoEventStorageEngine engine, TrackingToken token) {
        try (var stream = engine.readEvents(token, false)) {
            return stream.toList();
        }
    }

    @Override
    public void close() {
        database.drop();
        client.close();
    }
}
