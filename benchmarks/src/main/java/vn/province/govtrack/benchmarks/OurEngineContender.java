package vn.province.govtrack.benchmarks;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;

import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;

/**
 * Our engine as the services build it: {@code appendEvents} once per commit, replay through
 * {@code readEvents(null, false)} with every payload deserialized. Replay also checks that the
 * positions come back as 1, 2, 3, ... so a fast but wrong read cannot pass for a result.
 */
final class OurEngineContender implements Contender {

    @Override
    public String key() {
        return "ours";
    }

    @Override
    public String label() {
        return "ours (event-store)";
    }

    @Override
    public Trial prepare(MongoDatabase database, Workload workload, Serializer serializer, int batchSize) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                                                                .database(database)
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
                        long position = ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
                        if (position != ++read) {
                            throw new IllegalStateException("expected position " + read + " but read " + position);
                        }
                        Blackhole.consume(event.getPayload());
                    }
                }
                return read;
            }
        };
    }
}
