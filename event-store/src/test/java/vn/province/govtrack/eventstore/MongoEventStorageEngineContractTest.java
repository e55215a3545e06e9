package vn.province.govtrack.eventstore;

import java.util.function.UnaryOperator;

import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Axon's published contract for event storage engines, run in full against ours on the embedded
 * wire-protocol server (or {@code MONGODB_URI}): every inherited test, none overridden or skipped.
 * Each test gets a fresh database.
 */
class MongoEventStorageEngineContractTest
        extends BatchingEventStorageEngineTest<MongoEventStorageEngine, MongoEventStorageEngine.Builder> {

    private StoreFixture fixture;

    @BeforeEach
    void freshStore() {
        fixture = new StoreFixture();
        setTestSubject(createEngine());
    }

    @AfterEach
    void dropStore() {
        fixture.close();
    }

    @Override
    protected MongoEventStorageEngine createEngine(UnaryOperator<MongoEventStorageEngine.Builder> customization) {
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder()
                                                                         .database(fixture.database)
                                                                         .eventSerializer(StoreFixture.SERIALIZER)
                                                                         .snapshotSerializer(StoreFixture.SERIALIZER)
                                                                         .upcasterChain(NoOpEventUpcaster.INSTANCE);
        return customization.apply(builder).build();
    }
}
