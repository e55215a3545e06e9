package vn.province.govtrack.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Maps events to and from the stored document shapes.
 *
 * <p>A <b>commit</b> is one document holding every event of one {@code appendEvents} call:
 * <pre>
 * { _id: firstPosition, last: lastPosition, committedAt: Date,
 *   streams: ["~pos:&lt;first&gt;", "&lt;aggregateId&gt;#&lt;seq&gt;", ...],   // unique multikey index
 *   events: [ { id, agg, aggType, seq, type, rev, ts, payload, meta }, ... ] }
 * </pre>
 * A <b>fence</b> is {@code { _id: first, last: last, fence: true, streams: ["~pos:&lt;first&gt;"] }}: void
 * slots that will never hold events: a reservation its writer gave up after losing a concurrency
 * race (the whole reservation), or a slot a reader closed after its writer abandoned it (one slot).
 * Payload and metadata are the serializer's JSON text, stored unchanged.
 */
final class CommitCodec {

    static final String ID = "_id";
    static final String LAST = "last";
    static final String FENCE = "fence";
    static final String STREAMS = "streams";
    static final String EVENTS = "events";

    private CommitCodec() {
    }

    /** The unique key that claims sequence {@code seq} of one aggregate's stream. */
    static String streamKey(String aggregateId, long seq) {
        return aggregateId + '#' + seq;
    }

    /** A key no stream key can equal (stream keys never start with '~' followed by "pos:" and a number alone). */
    static String positionKey(long position) {
        return "~pos:" + position;
    }

    static Document eventDocument(EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        Document doc = new Document("id", event.getIdentifier());
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
            doc.append("agg", domainEvent.getAggregateIdentifier())
               .append("aggType", domainEvent.getType())
               .append("seq", domainEvent.getSequenceNumber());
        }
        return doc.append("type", payload.getType().getName())
                  .append("rev", payload.getType().getRevision())
                  .append("ts", event.getTimestamp().toString())
                  .append("payload", payload.getData())
                  .append("meta", metaData.getData());
    }

    static List<String> streamKeys(long firstPosition, List<Document> events) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(positionKey(firstPosition));
        for (Document event : events) {
            String aggregateId = event.getString("agg");
            if (aggregateId != null) {
                keys.add(streamKey(aggregateId, event.getLong("seq")));
            }
        }
        return new ArrayList<>(keys);
    }

    static Document commit(long firstPosition, List<Document> events, Instant committedAt) {
        return new Document(ID, firstPosition)
                .append(LAST, firstPosition + events.size() - 1)
                .append("committedAt", Date.from(committedAt))
                .append(STREAMS, streamKeys(firstPosition, events))
                .append(EVENTS, events);
    }

    static Document fence(long first, long last, Instant fencedAt) {
        return new Document(ID, first)
                .append(LAST, last)
                .append(FENCE, true)
                .append("committedAt", Date.from(fencedAt))
                .append(STREAMS, List.of(positionKey(first)));
    }

    static boolean isFence(Document commit) {
        return Boolean.TRUE.equals(commit.getBoolean(FENCE));
    }

    /** The events of a commit, each tagged with its global position as its tracking token. */
    static List<TrackedDomainEventData<String>> trackedEvents(Document commit) {
        List<TrackedDomainEventData<String>> result = new ArrayList<>();
        if (isFence(commit)) {
            return result;
        }
        long position = commit.getLong(ID);
        for (Document event : commit.getList(EVENTS, Document.class)) {
            result.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position++), entry(event)));
        }
        return result;
    }

    /**
     * A stored event as Axon's serialized entry. Events appended without an aggregate follow
     * Axon's own convention: the event id stands in as aggregate id, sequence 0, no type.
     */
    static DomainEventData<String> entry(Document event) {
        String aggregateId = event.getString("agg");
        boolean domain = aggregateId != null;
        return new GenericDomainEventEntry<>(
                domain ? event.getString("aggType") : null,
                domain ? aggregateId : event.getString("id"),
                domain ? event.getLong("seq") : 0L,
                event.getString("id"),
                event.getString("ts"),
                event.getString("type"),
                event.getString("rev"),
                event.getString("payload"),
                event.getString("meta"));
    }
}
