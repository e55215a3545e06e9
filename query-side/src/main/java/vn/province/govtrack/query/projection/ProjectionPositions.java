package vn.province.govtrack.query.projection;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.province.govtrack.eventstore.MongoEventStorageEngine;

/**
 * Positions of event processors, read from the shared token store rather than from this
 * instance's processors, so that every query-side instance gives the same answer; and the event
 * store's head position. A processor whose tokens are kept in this instance's memory (the timeliness
 * index, which every instance keeps for itself) has a position of this instance's own, read there.
 *
 * <p>{@link #recent} reuses a reading for one poll interval, so many waiting queries cost one token
 * read per interval.
 */
@Component
public class ProjectionPositions {

    private final MongoTemplate axonMongoTemplate;
    private final Serializer serializer;
    private final MongoEventStorageEngine eventStorageEngine;
    private final ObjectProvider<EventProcessingConfiguration> eventProcessing;
    private final long reuseNanos;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    /** @param eventProcessing looked up when first needed: processors are configured after this component */
    ProjectionPositions(MongoTemplate axonMongoTemplate, Serializer serializer, MongoEventStorageEngine eventStorageEngine,
                        ObjectProvider<EventProcessingConfiguration> eventProcessing,
                        ConsistencyProperties properties) {
        this.axonMongoTemplate = axonMongoTemplate;
        this.serializer = serializer;
        this.eventStorageEngine = eventStorageEngine;
        this.eventProcessing = eventProcessing;
        this.reuseNanos = properties.pollInterval().toNanos();
    }

    /** The position of the newest committed event; 0 for an empty store. */
    public long headPosition() {
        TrackingToken head = eventStorageEngine.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /**
     * The last position the store had recorded at {@code instant} (0 if none): what a query "as known
     * at" that instant reads up to ({@link KnownAt}).
     */
    public long positionRecordedBy(Instant instant) {
        return eventStorageEngine.positionRecordedBy(instant);
    }

    /** The processor's position as stored right now. */
    public ProjectionPosition current(String processorName) {
        TokenStore ownStore = eventProcessing.getObject().tokenStore(processorName);
        return positionOf(ownStore instanceof InMemoryTokenStore inMemory
                                  ? tokensIn(inMemory, processorName)
                                  : sharedTokens(processorName));
    }

    /**
     * The position of every streaming event processor of this service as stored right now, by name in
     * name order: the shared store's tokens read at once, in one query, those kept in this instance's
     * memory read there. What a caller watching them all reads, however many processors there are.
     */
    public Map<String, ProjectionPosition> currentOfEach() {
        EventProcessingConfiguration processing = eventProcessing.getObject();
        Map<String, List<TrackingToken>> tokens = new HashMap<>();
        List<String> shared = new ArrayList<>();
        processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                  .map(EventProcessor::getName).forEach(name -> {
                      if (processing.tokenStore(name) instanceof InMemoryTokenStore inMemory) {
                          tokens.put(name, tokensIn(inMemory, name));
                      } else {
                          tokens.put(name, new ArrayList<>());
                          shared.add(name);
                      }
                  });
        if (!shared.isEmpty()) {
            for (Document entry : axonMongoTemplate.trackingTokensCollection().find(in("processorName", shared))) {
                tokens.get(entry.getString("processorName")).add(tokenOf(entry));
            }
        }
        Map<String, ProjectionPosition> positions = new TreeMap<>();
        tokens.forEach((name, own) -> positions.put(name, positionOf(own)));
        return positions;
    }

    private static ProjectionPosition positionOf(List<TrackingToken> tokens) {
        long position = tokens.stream().mapToLong(ProjectionPositions::positionOf).min().orElse(0);
        boolean replaying = tokens.stream().anyMatch(ProjectionPositions::isReplaying);
        return new ProjectionPosition(position, replaying);
    }

    /**
     * The instances ({@link QueryInstance}) that hold a claim on one of the processor's segments in the
     * shared store: its processor runs there, or ran there until the instance died, and then the claim
     * lapses after the token store's claim timeout for another instance's processor to take.
     */
    public Set<String> claimants(String processorName) {
        Set<String> owners = new HashSet<>();
        axonMongoTemplate.trackingTokensCollection()
                         .find(and(eq("processorName", processorName), ne("owner", null)))
                         .forEach(entry -> owners.add(entry.getString("owner")));
        return owners;
    }

    /**
     * The position of {@code source} (a processor name or {@link ProjectionQuery#EVENT_LOG}), possibly
     * as read up to one poll interval ago.
     */
    public long recent(String source) {
        long now = System.nanoTime();
        Reading reading = readings.get(source);
        if (reading == null || now - reading.readAtNanos() >= reuseNanos) {
            long position = ProjectionQuery.EVENT_LOG.equals(source) ? headPosition() : current(source).position();
            reading = new Reading(now, position);
            readings.put(source, reading);
        }
        return reading.position();
    }

    private List<TrackingToken> sharedTokens(String processorName) {
        List<TrackingToken> tokens = new ArrayList<>();
        for (Document entry : axonMongoTemplate.trackingTokensCollection().find(eq("processorName", processorName))) {
            tokens.add(tokenOf(entry));
        }
        return tokens;
    }

    /** None before the processor has initialised its tokens (the timeliness index while it loads). */
    private static List<TrackingToken> tokensIn(InMemoryTokenStore store, String processorName) {
        List<TrackingToken> tokens = new ArrayList<>();
        for (int segment : store.fetchSegments(processorName)) {
            tokens.add(store.fetchToken(processorName, segment));
        }
        return tokens;
    }

    private TrackingToken tokenOf(Document entry) {
        Binary data = entry.get("token", Binary.class);
        if (data == null) {
            return null;
        }
        GenericTokenEntry<byte[]> tokenEntry = new GenericTokenEntry<>(
                data.getData(), entry.getString("tokenType"), null, entry.getString("owner"),
                entry.getString("processorName"), entry.getInteger("segment"), byte[].class);
        return tokenEntry.getToken(serializer);
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /** A ReplayToken stays in place after the replay reached its reset position; only before that is it replaying. */
    private static boolean isReplaying(TrackingToken token) {
        return token instanceof ReplayToken replay
                && positionOf(replay) < ReplayToken.getTokenAtReset(replay).orElse(0);
    }

    private record Reading(long readAtNanos, long position) {
    }
}
