package vn.province.govtrack.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;

/**
 * The events every contender stores: {@code events} of the product's {@link DossierReceivedEvent}
 * with the audit metadata every event carries, in commits of {@code commitSize} events of one
 * aggregate. Aggregates are interleaved (commit {@code c} belongs to aggregate {@code c % A}) and
 * each holds ten events, as dossiers do. Timestamps are {@code interval} apart. Everything is
 * deterministic, so every contender stores the same content.
 */
final class Workload {

    static final String AGGREGATE_TYPE = "Dossier";
    private static final int EVENTS_PER_AGGREGATE = 10;
    private static final Instant START = Instant.parse("2025-07-01T01:00:00Z");

    /**
     * One event as the raw driver writes it: the fields of our commit documents, with payload and
     * metadata already serialized to the JSON text our engine would store.
     */
    record EventRecord(String id, String aggregateId, long seq, String type, String revision, String timestamp,
                       String payload, String metaData) {
    }

    private final int events;
    private final int commitSize;
    private final int aggregates;
    private final Duration interval;
    private final List<UUID> aggregateIds;

    Workload(int events, int commitSize, Duration interval) {
        this.events = events;
        this.commitSize = commitSize;
        this.interval = interval;
        int commits = events / commitSize;
        this.aggregates = Math.max(1, Math.min(commits, events / EVENTS_PER_AGGREGATE));
        this.aggregateIds = new ArrayList<>(aggregates);
        for (int a = 0; a < aggregates; a++) {
            aggregateIds.add(new UUID(0x5eed_0000_0000_0000L, a));
        }
    }

    int events() {
        return events;
    }

    int commitSize() {
        return commitSize;
    }

    /**
     * New message instances in commits. Axon caches a message's serialized form on the instance,
     * so every trial needs its own: a reused message would skip serialization.
     */
    List<List<DomainEventMessage<DossierReceivedEvent>>> commits() {
        List<List<DomainEventMessage<DossierReceivedEvent>>> commits = new ArrayList<>(events / commitSize);
        int index = 0;
        for (int c = 0; c < events / commitSize; c++) {
            String aggregateId = aggregateIds.get(c % aggregates).toString();
            long firstSeq = (long) (c / aggregates) * commitSize;
            List<DomainEventMessage<DossierReceivedEvent>> commit = new ArrayList<>(commitSize);
            for (int i = 0; i < commitSize; i++, index++) {
                Instant timestamp = START.plus(interval.multipliedBy(index));
                commit.add(new GenericDomainEventMessage<>(
                        AGGREGATE_TYPE, aggregateId, firstSeq + i, payload(aggregateId, index, timestamp),
                        metaData(index), new UUID(0xe7e7_0000_0000_0000L, index).toString(), timestamp));
            }
            commits.add(commit);
        }
        return commits;
    }

    /** The same commits as the raw driver writes them, serialized once up front by {@code serializer}. */
    List<List<EventRecord>> records(Serializer serializer) {
        List<List<EventRecord>> result = new ArrayList<>(events / commitSize);
        for (List<DomainEventMessage<DossierReceivedEvent>> commit : commits()) {
            List<EventRecord> records = new ArrayList<>(commit.size());
            for (DomainEventMessage<DossierReceivedEvent> event : commit) {
                SerializedObject<String> payload = event.serializePayload(serializer, String.class);
                SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
                records.add(new EventRecord(event.getIdentifier(), event.getAggregateIdentifier(),
                                            event.getSequenceNumber(), payload.getType().getName(),
                                            payload.getType().getRevision(), event.getTimestamp().toString(),
                                            payload.getData(), metaData.getData()));
            }
            result.add(records);
        }
        return result;
    }

    private static DossierReceivedEvent payload(String dossierId, int index, Instant receivedAt) {
        Instant clockStartsAt = receivedAt.plus(Duration.ofHours(16));
        return new DossierReceivedEvent(
                dossierId, "1.00" + (3000 + index % 500), "Hộ tịch", "XA-" + (1000 + index % 120),
                Channel.IN_PERSON,
                sealedApplicant(index),
                receivedAt, 24, clockStartsAt, clockStartsAt.plus(Duration.ofDays(3)));
    }

    /** The size of a real sealed applicant (nonce, JSON of ID number, name and phone, tag), not a real one. */
    private static SealedApplicant sealedApplicant(int index) {
        byte[] ciphertext = new byte[12 + 80 + 16];
        java.util.Arrays.fill(ciphertext, (byte) index);
        return new SealedApplicant(new UUID(0x5ea1_0000_0000_0000L, index % 20_000).toString(),
                                   java.util.Base64.getEncoder().encodeToString(ciphertext));
    }

    private static MetaData metaData(int index) {
        return MetaData.from(Map.of(
                EventMetadata.ACTOR, "can-bo-mot-cua-" + index % 40,
                EventMetadata.CORRELATION_ID, new UUID(0xc0c0_0000_0000_0000L, index).toString(),
                EventMetadata.CAUSATION_ID, new UUID(0xca5a_0000_0000_0000L, index).toString()));
    }
}
