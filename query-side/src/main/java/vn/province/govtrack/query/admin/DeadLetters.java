package vn.province.govtrack.query.admin;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry;
import org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEventEntry;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import vn.province.govtrack.query.projection.ProjectionPositions;
import vn.province.govtrack.query.projection.ProjectionRebuilt;
import vn.province.govtrack.query.projection.RebuildLog;
import vn.province.govtrack.query.web.Paging;
import vn.province.govtrack.web.ProblemException;
import vn.province.govtrack.web.ProblemType;

/**
 * The projections' parked events (ADR 0012), read from the {@code deadletters} collection that
 * axon-mongo's queues share, and their retry through the projection's own dead-letter processor, so
 * that a retried event meets the same handlers and write path as when it was first handled.
 *
 * <p>A retry runs on the instance asked, whichever holds the projection's segment: the handlers write
 * to the shared read models, position-guarded, and the queue claims the sequence for the retry, so that
 * two retries of it never run at once. Meanwhile the segment's owner parks new events of the sequence
 * behind it, or, once the sequence is empty, handles them after the retried ones.
 */
@Component
class DeadLetters {

    private static final String PROCESSING_GROUP = "processingGroup";
    private static final String SEQUENCE = "sequenceIdentifier";
    private static final String INDEX = "index";
    /** axon-mongo's claim of a letter by a retry: {@code seconds} and {@code nanoseconds} of when it began. */
    private static final String PROCESSING_STARTED = "processingStarted";
    /** How long the queue's claim lasts (InOrderMongoDeadLetterQueue): a crashed retry's lapses after it. */
    private static final Duration CLAIM = Duration.ofSeconds(30);
    private static final EventEntryConfiguration EVENT_FIELDS = EventEntryConfiguration.getDefault();

    /** The projection whose facts this service's timeliness indexes are loaded from (TimelinessIndexRebuilds). */
    private static final String TIMELINESS = "timeliness";

    private final EventProcessingConfiguration eventProcessing;
    private final MongoCollection<Document> collection;
    private final Serializer serializer;
    private final RebuildLog rebuildLog;
    private final Rebuilds rebuilds;
    private final ProjectionPositions positions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadLetters(EventProcessingConfiguration eventProcessing, MongoTemplate axonMongoTemplate, Serializer serializer,
                RebuildLog rebuildLog, Rebuilds rebuilds, ProjectionPositions positions,
                ApplicationEventPublisher events, Clock clock) {
        this.eventProcessing = eventProcessing;
        this.collection = axonMongoTemplate.deadLetterCollection();
        this.serializer = serializer;
        this.rebuildLog = rebuildLog;
        this.rebuilds = rebuilds;
        this.positions = positions;
        this.events = events;
        this.clock = clock;
    }

    /** How many events the projection has parked now; 0 for one without a queue. */
    long count(String projection) {
        return eventProcessing.deadLetterQueue(projection).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /**
     * The parked events, oldest first, of one projection or (null) of all.
     *
     * @throws ProblemException 400 for a projection this service does not have
     */
    Paging.Page<DeadLetter> page(String projection, Paging paging) {
        Bson filter = Filters.empty();
        if (projection != null) {
            if (eventProcessing.eventProcessor(projection).isEmpty()) {
                throw ProblemType.INVALID_INPUT.exception("projection must name a projection of this service; got '"
                                                          + projection + "'");
            }
            filter = eq(PROCESSING_GROUP, projection);
        }
        long total = collection.countDocuments(filter);
        List<DeadLetter> content = new ArrayList<>();
        if (paging.offset() < total) {
            for (Document document : collection.find(filter).sort(Sorts.ascending("_id"))
                                               .skip((int) paging.offset()).limit(paging.size())) {
                content.add(view(document));
            }
        }
        return new Paging.Page<>(content, total);
    }

    /** The outcome of a retry: {@code PROCESSED} when the whole sequence was handled, else {@code STILL_FAILING}. */
    @Schema(example = """
            {"outcome": "PROCESSED", "projection": "dossiers", "sequenceId": "HS42-0000035", "processed": 2,
            "remaining": 0}""")
    record Retry(String outcome, String projection, String sequenceId, long processed, long remaining,
                 DeadLetter firstRemaining) {
    }

    /**
     * Retries the sequence of the letter {@code id}, in order from its first letter, until one fails
     * again (it stays parked, with the letters after it) or the sequence is empty.
     *
     * <p>Never while the projection is being rebuilt: a rebuild clears the queue, and a retried event
     * written during the replay would stand in the way of the replay's own writes (position guards), so
     * the projection could end up other than a rebuild makes it. The rebuild is checked before the retry
     * and again once the retry has claimed the sequence ({@link #rebuilding} as the queue's filter), while
     * {@link Rebuilds} does not reset a projection of which a retry holds a claim: one of the two sees the
     * other.
     *
     * @throws ProblemException 404 for an unknown id, or letters removed while retried; 409 while another
     *         retry of the sequence runs, and {@code rebuild-in-progress} while the projection is rebuilt
     */
    Retry retry(String id) {
        Document letter = letter(id).orElseThrow(() -> notFound(id));
        String projection = letter.getString(PROCESSING_GROUP);
        String sequence = letter.getString(SEQUENCE);
        if (rebuilding(projection)) {
            throw rebuildInProgress(projection);
        }
        Bson ofSequence = and(eq(PROCESSING_GROUP, projection), eq(SEQUENCE, sequence));
        long before = collection.countDocuments(ofSequence);
        Document first = collection.find(ofSequence).sort(Sorts.ascending(INDEX)).first();
        if (first == null) {
            return new Retry("PROCESSED", projection, sequence, 0, 0, null);
        }
        long firstIndex = first.getLong(INDEX);
        boolean started;
        try {
            started = eventProcessing.sequencedDeadLetterProcessor(projection)
                    .orElseThrow(() -> Projections.unknown(projection))
                    .process(parked -> parked instanceof MongoDeadLetter<?> mongo
                            && mongo.sequenceIdentifier().equals(sequence) && mongo.index() == firstIndex
                            && !rebuilding(projection));
        } catch (RuntimeException e) {
            if (causedBy(e, NoSuchDeadLetterException.class)) {
                throw ProblemType.DEAD_LETTER_NOT_FOUND.exception("The parked events of '" + sequence + "' of '"
                        + projection + "' were removed while retried (a rebuild clears them); "
                        + "GET /api/v1/admin/dead-letters lists those parked now");
            }
            throw e;
        }
        Document remaining = collection.find(ofSequence).sort(Sorts.ascending(INDEX)).first();
        long left = collection.countDocuments(ofSequence);
        if (!started && left == before && rebuilding(projection)) {
            throw rebuildInProgress(projection);
        }
        if (!started && left == before && remaining != null && isClaimed(remaining)) {
            throw ProblemType.CONFLICT.exception("The sequence '" + sequence + "' of '" + projection
                                                 + "' is being retried; ask again once that retry is over");
        }
        if (left < before) {
            followedByTimelinessIndexes(projection);
        }
        return new Retry(remaining == null ? "PROCESSED" : "STILL_FAILING", projection, sequence, before - left, left,
                         remaining == null ? null : view(remaining));
    }

    /**
     * Each instance's timeliness index is loaded from the timeliness facts and follows the events from
     * there; a retry that changed the facts is followed as a rebuild of them: every instance rebuilds its
     * index (TimelinessIndexRebuilds), this one at once.
     */
    private void followedByTimelinessIndexes(String projection) {
        if (projection.equals(TIMELINESS)) {
            rebuildLog.record(projection);
            events.publishEvent(new ProjectionRebuilt(projection));
        }
    }

    /**
     * Whether a rebuild of {@code projection} is asked for or taken (on any instance), its tokens are being
     * reset here, or its replay runs.
     */
    private boolean rebuilding(String projection) {
        return rebuildLog.request(projection).isPresent() || rebuilds.resetting(projection)
               || positions.current(projection).replaying();
    }

    /**
     * Whether a retry of {@code projection} holds a claim, not lapsed at {@code now}, on a letter in
     * {@code deadLetters} (axon-mongo's collection).
     */
    static boolean beingRetried(MongoCollection<Document> deadLetters, String projection, Instant now) {
        return deadLetters.countDocuments(and(eq(PROCESSING_GROUP, projection),
                gte(PROCESSING_STARTED + ".seconds", now.minus(CLAIM).getEpochSecond()))) > 0;
    }

    private static ProblemException rebuildInProgress(String projection) {
        return ProblemType.REBUILD_IN_PROGRESS.exception("A rebuild of '" + projection + "' is asked for or "
                + "running, and hands the parked events to the handlers again; retry what is parked once "
                + "GET /api/v1/admin/projections shows it done");
    }

    private static ProblemException notFound(String id) {
        return ProblemType.DEAD_LETTER_NOT_FOUND.exception(
                "No parked event has the id '" + id + "'; GET /api/v1/admin/dead-letters lists them");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Document> letter(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection.find(eq("_id", new ObjectId(id))).first());
    }

    /** Whether a retry has claimed the letter: the queue's claim lasts {@link #CLAIM} at most. */
    private static boolean isClaimed(Document letter) {
        return letter.get(PROCESSING_STARTED) instanceof Document;
    }

    private DeadLetter view(Document document) {
        DeadLetterEntry entry = new DeadLetterEntry(document);
        DeadLetterEventEntry event = entry.getMessage(EVENT_FIELDS);
        MetaData diagnostics = serializer.deserialize(entry.getDiagnostics());
        Object attempts = diagnostics == null ? null : diagnostics.get("attempts");
        String type = event.getPayload().getType().getName();
        return new DeadLetter(document.getObjectId("_id").toHexString(), entry.getProcessingGroup(),
                entry.getSequenceIdentifier(), entry.getIndex(), position(event), type.substring(type.lastIndexOf('.') + 1),
                event.getEventIdentifier(), event.getAggregateIdentifier(), entry.getCauseType(),
                entry.getCauseMessage(), entry.getCauseType() == null, inZone(entry.getEnqueuedAt()),
                inZone(entry.getLastTouched()), attempts instanceof Number number ? number.intValue() : 0);
    }

    private Long position(DeadLetterEventEntry event) {
        if (event.getTrackingToken() == null) {
            return null;
        }
        TrackingToken token = serializer.deserialize(event.getTrackingToken());
        return token.position().isPresent() ? token.position().getAsLong() : null;
    }

    private OffsetDateTime inZone(Instant instant) {
        return instant == null ? null : instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
