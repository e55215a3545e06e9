package vn.province.govtrack.benchmarks;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;

import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;

/**
 * axon-mongo 4.12.0's engine with its defaults (one document per event, its indexes, its
 * timestamp-window tracking token), the same serializer, batch size, commits and consumption
 * as {@link OurEngineContender}.
 */
final class AxonMongoContender implements Contender {

    @Override
    public String key() {
        return "axon-mongo";
    }

    @Override
    public String label() {
        return "axon-mongo 4.12.0";
    }

    @Override
    public Trial prepare(MongoDatabase database, Workload workload, Serializer serializer, int batchSize) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                                                                .mongoTemplate(DefaultMongoTemplate.builder()
                                                                                                   .mongoDatabase(database)
                                                                                                   .build())
                                                                .eventSerializer(serializer)
                                                                .snapshotSerializer(serializer)
                                                                .batchSize(batchSize)
                                                                .build();
        List<List<DomainEventMessage<DossierReceivedEvent>>> commits = workload.commits();
        return new Trial() {
            @Override
            public void appendAll() {
                for (List<DomainEventMessage<DossierReceivedEvent>> commit : commits) {
                    engine.appendEvents(commit);
                }
            }

            @Override
            public long replayAll() {
                long read = 0;
                try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
                    for (Iterator<? extends TrackedEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
                        TrackedEventMessage<?> event = it.next();
                        Blackhole.consume(event.getPayload());
                        read++;
                    }
                }
                return read;
            }
        };
    }
}
