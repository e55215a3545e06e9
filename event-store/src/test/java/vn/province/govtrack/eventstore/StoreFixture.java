package vn.province.govtrack.eventstore;

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
