package vn.province.govtrack.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;

/**
 * No database at all: "append" serializes each event's payload and metadata to JSON text as
 * both engines do, "replay" deserializes the payloads again. Measured in the same turns as the
 * contenders, it shows what part of their time the serializer alone takes on this machine at
 * that moment, which the raw driver never pays.
 */
final class JacksonAloneContender implements Contender {

    @Override
    public String key() {
        return "jackson-alone";
    }

    @Override
    public String label() {
        return "Jackson alone, no database";
    }

    @Override
    public boolean diagnostic() {
        return true;
    }

    @Override
    public Trial prepare(MongoDatabase database, Workload workload, Serializer serializer, int batchSize) {
        List<List<DomainEventMessage<DossierReceivedEvent>>> commits = workload.commits();
        List<SerializedObject<String>> payloads = new ArrayList<>(workload.events());
        return new Trial() {
            @Override
            public void appendAll() {
                for (List<DomainEventMessage<DossierReceivedEvent>> commit : commits) {
                    for (DomainEventMessage<DossierReceivedEvent> event : commit) {
                        payloads.add(event.serializePayload(serializer, String.class));
                        Blackhole.consume(event.serializeMetaData(serializer, String.class));
                    }
                }
            }

            @Override
            public long replayAll() {
                for (SerializedObject<String> payload : payloads) {
                    Blackhole.consume(serializer.deserialize(payload));
                }
                return payloads.size();
            }
        };
    }
}
