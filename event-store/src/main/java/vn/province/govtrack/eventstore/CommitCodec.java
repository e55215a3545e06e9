package vn.province.govtrack.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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
import org.bson.types.Binary;

/**
 * Maps events to and from the stored document shapes.
 *
 * <p>A <b>commit</b> is one document holding every event of one {@code appendEvents} call:
 * <pre>
 * { _id: firstPosition, last: lastPosition, committedAt: Date, maxTs: Date,
 *   streams: ["~pos:&lt;first&gt;", ..., "~pos:&lt;last&gt;", "&lt;aggregateId&gt;#&lt;seq&gt;", ..., "~id:&lt;eventId&gt;", ...,
 *             "~key:&lt;commit key&gt;"],
 *   key: "&lt;commit key&gt;",                                          // only when given
 *   hash: BinData(32),                                                 // chain hash H, layout 4
 *   events: [ { id, agg, aggType, seq, type, rev, ts, payload, meta, h: BinData(32) }, ... ] }
 * </pre>
 * {@code streams} carries the store's one unique multikey index: it holds every key that no two
 * commits may share (positions, aggregate sequences, event identifiers, the commit key), so the database
 * refuses a second claim of any of them in the same single-document insert that writes the events.
 * {@code maxTs} is the latest event timestamp in the commit, truncated to milliseconds: it lets
 * {@code createTokenAt} skip commits that cannot hold an event at or after an instant; the exact
 * comparison is made on {@code ts}, the event timestamp as Axon wrote it.
 * A <b>fence</b> is {@code { _id: first, last: last, fence: true, streams: ["~pos:&lt;first&gt;", ...] }}:
 * void positions that will never hold events. Only engines before layout 3 wrote them (positions
 * they reserved and did not use); the layout 3 upgrade makes every unused reserved position one.
 * A void slot carries a chain hash too. {@code h} is the event's digest and {@code hash} the chain
 * hash after the commit ({@link LogDigests}); commits written before layout 4 got them from the layout 4
 * upgrade. Commits written before layout 3 claim only their first position in {@code streams}.
 * Payload and metadata are the serializer's JSON text, stored unchanged.
 */
final class CommitCodec {

    static final String ID = "_id";
    static final String LAST = "last";
    static final String FENCE = "fence";
    static final String STREAMS = "streams";
    static final String EVENTS = "events";
    static final String MAX_TS = "maxTs";
    static final String KEY = "key";
    static final String COMMITTED_AT = "committedAt";
    /** An event's digest d (layout 4; see {@link LogDigests}). */
    static final String DIGEST = "h";
    /** A commit's or void slot's chain hash H (layout 4). */
    static final String HASH = "hash";

    private CommitCodec() {
    }

    /** The unique key that claims sequence {@code seq} of one aggregate's stream. */
    static String streamKey(String aggregateId, long seq) {
        return aggregateId + '#' + seq;
    }

    /** The key that claims one position; no stream key can equal it (they never start with '~'). */
    static String positionKey(long position) {
        return "~pos:" + position;
    }

    /** The unique key that claims an event identifier. */
    static String eventIdKey(String eventId) {
        return "~id:" + eventId;
    }

    /** The unique key that records a commit key; a second commit with the same one is refused. */
    static String commitKey(String key) {
        return "~key:" + key;
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

    /**
     * The unique keys the events claim (their aggregate sequences and identifiers), or empty if two of
     * them claim the same one. A unique index
     * does not compare the entries of one document with each other (on MongoDB or mongo-java-server),
     * so a commit that holds the same sequence of one aggregate twice is caught here.
     */
    static Optional<List<String>> streamKeys(List<Document> events) {
        Set<String> keys = new LinkedHashSet<>();
        for (Document event : events) {
            String aggregateId = event.getString("agg");
            if (aggregateId != null && !keys.add(streamKey(aggregateId, event.getLong("seq")))
                    || !keys.add(eventIdKey(event.getString("id")))) {
                return Optional.empty();
            }
        }
        return Optional.of(new ArrayList<>(keys));
    }

    /**
     * A commit of {@code events} at {@code firstPosition}; {@code streamKeys} from {@link #streamKeys},
     * {@code key} the optional commit key.
     */
    static Document commit(long firstPosition, List<Document> events, List<String> streamKeys, String key,
                           Instant committedAt) {
        List<String> keys = new ArrayList<>(streamKeys.size() + events.size() + 1);
        keys.addAll(positionKeys(firstPosition, firstPosition + events.size() - 1));
        keys.addAll(streamKeys);
        Document commit = new Document(ID, firstPosition)
                .append(LAST, firstPosition + events.size() - 1)
                .append(COMMITTED_AT, Date.from(committedAt))
                .append(MAX_TS, maxTimestamp(events));
        if (key != null) {
            keys.add(commitKey(key));
            commit.append(KEY, key);
        }
        return commit.append(STREAMS, keys).append(EVENTS, events);
    }

    /** The latest event timestamp of the events, truncated to milliseconds. */
    static Date maxTimestamp(List<Document> events) {
        return Date.from(events.stream().map(CommitCodec::timestamp).max(Instant::compareTo).orElseThrow());
    }

    static Instant timestamp(Document event) {
        return Instant.parse(event.getString("ts"));
    }

    static Document fence(long first, long last, Instant fencedAt) {
        return new Document(ID, first)
                .append(LAST, last)
                .append(FENCE, true)
                .append(COMMITTED_AT, Date.from(fencedAt))
                .append(STREAMS, positionKeys(first, last));
    }

    /**
     * The stored document of a commit or void slot read from the log ({@link LogReader}, or an export of
     * it): every field the digests cover exactly as given, with its digests and chain hash, and the fields
     * derived from them ({@code streams}, {@code maxTs}) as this layout writes them. A commit written before
     * layout 3 then claims each of its positions, and one written before layout 2 its event identifiers.
     *
     * @throws IllegalArgumentException for a commit given by digest only, or one whose events claim a key twice
     */
    static Document restored(LoggedCommit commit) {
        if (commit.opaque() || commit.events().stream().anyMatch(LoggedEvent::opaque)) {
            throw new IllegalArgumentException("The commit at " + commit.first() + " is given by its digest only");
        }
        Document document = new Document(ID, commit.first()).append(LAST, commit.last());
        if (commit.fence()) {
            document.append(FENCE, true);
        }
        if (commit.recordedAt() != null) {
            document.append(COMMITTED_AT, Date.from(commit.recordedAt()));
        }
        List<String> keys = new ArrayList<>(positionKeys(commit.first(), commit.last()));
        if (!commit.fence()) {
            List<Document> events = new ArrayList<>(commit.events().size());
            for (LoggedEvent event : commit.events()) {
                Document stored = new Document("id", event.id());
                if (event.agg() != null) {
                    stored.append("agg", event.agg()).append("aggType", event.aggType()).append("seq", event.seq());
                }
                stored.append("type", event.type())
                      .append("rev", event.rev())
                      .append("ts", event.ts())
                      .append("payload", event.payload())
                      .append("meta", event.meta());
                if (event.digest() != null) {
                    stored.append(DIGEST, new Binary(event.digest()));
                }
                events.add(stored);
            }
            keys.addAll(streamKeys(events).orElseThrow(() -> new IllegalArgumentException(
                    "The commit at " + commit.first() + " claims an aggregate sequence or event identifier twice")));
            document.append(MAX_TS, maxTimestamp(events));
            if (commit.key() != null) {
                keys.add(commitKey(commit.key()));
                document.append(KEY, commit.key());
            }
            document.append(STREAMS, keys).append(EVENTS, events);
        } else {
            document.append(STREAMS, keys);
        }
        if (commit.hash() != null) {
            document.append(HASH, new Binary(commit.hash()));
        }
        return document;
    }

    /** The keys that claim positions {@code first..last}: no two documents can hold the same position. */
    static List<String> positionKeys(long first, long last) {
        List<String> keys = new ArrayList<>((int) (last - first + 1));
        for (long position = first; position <= last; position++) {
            keys.add(positionKey(position));
        }
        return keys;
    }

    static boolean isFence(Document commit) {
        return Boolean.TRUE.equals(commit.getBoolean(FENCE));
    }

    /** The events of a commit, each tagged with its global position as its tracking token. */
    static List<TrackedDomainEventData<String>> trackedEvents(Document commit) {
        return trackedEvents(commit, commit.getLong(ID));
    }

    /**
     * The events of a commit at or after {@code fromPosition}, each tagged with its global position
     * as its tracking token: a reader whose token lies inside the commit resumes with the next event.
     */
    static List<TrackedDomainEventData<String>> trackedEvents(Document commit, long fromPosition) {
        List<TrackedDomainEventData<String>> result = new ArrayList<>();
        if (isFence(commit)) {
            return result;
        }
        long position = commit.getLong(ID);
        for (Document event : commit.getList(EVENTS, Document.class)) {
            if (position >= fromPosition) {
                result.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position), entry(event)));
            }
            position++;
        }
        return result;
    }

    /**
     * A stored event as Axon's serialized entry. An event appended without an aggregate has no
     * aggregate identifier, so Axon reads it back as a plain event, not a domain event.
     */
    static DomainEventData<String> entry(Document event) {
        String aggregateId = event.getString("agg");
        boolean domain = aggregateId != null;
        return new GenericDomainEventEntry<>(
                domain ? event.getString("aggType") : null,
                aggregateId,
                domain ? event.getLong("seq") : 0L,
                event.getString("id"),
                event.getString("ts"),
                event.getString("type"),
                event.getString("rev"),
                event.getString("payload"),
                event.getString("meta"));
    }

    /**
     * Stores in the commit (or void slot) each event's digest {@code h} and the chain hash {@code hash}
     * after {@code previousHash}, computed from its fields as they will be stored; answers the hash.
     */
    static byte[] seal(Document commit, byte[] previousHash, LogDigests digests) {
        LoggedCommit logged = logged(commit);
        List<byte[]> eventDigests = new ArrayList<>(logged.events().size());
        List<Document> events = isFence(commit) ? List.of() : commit.getList(EVENTS, Document.class);
        for (int i = 0; i < events.size(); i++) {
            byte[] digest = logged.events().get(i).recomputeDigest(digests);
            eventDigests.add(digest);
            events.get(i).put(DIGEST, new Binary(digest));
        }
        byte[] hash = digests.chain(previousHash, logged.commitDigest(digests, eventDigests));
        commit.put(HASH, new Binary(hash));
        return hash;
    }

    /** A stored commit or void slot as auditors read it. */
    static LoggedCommit logged(Document commit) {
        long first = commit.getLong(ID);
        Date committedAt = commit.getDate(COMMITTED_AT);
        List<LoggedEvent> events = new ArrayList<>();
        if (!isFence(commit)) {
            long position = first;
            for (Document event : commit.getList(EVENTS, Document.class)) {
                Object seq = event.get("seq");
                events.add(new LoggedEvent(position++, event.getString("id"), event.getString("agg"),
                                           event.getString("aggType"), seq == null ? -1 : ((Number) seq).longValue(),
                                           event.getString("type"), event.getString("rev"), event.getString("ts"),
                                           event.getString("payload"), event.getString("meta"),
                                           bytes(event.get(DIGEST))));
            }
        }
        return new LoggedCommit(first, commit.getLong(LAST), committedAt == null ? null : committedAt.toInstant(),
                                commit.getString(KEY), isFence(commit), bytes(commit.get(HASH)), events);
    }

    /** The bytes of a stored binary value (the driver reads BSON binary as {@link Binary}); null if absent. */
    static byte[] bytes(Object value) {
        if (value instanceof Binary binary) {
            return binary.getData();
        }
        return value instanceof byte[] array ? array : null;
    }
}
