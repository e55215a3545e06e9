package vn.province.govtrack.query.projection;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry.findOneFilter;
import static org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry.processingGroupAndSequenceIdentifierFilter;
import static org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry.sequenceIdentifierIterator;
import static org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry.uniqueNotLockedFilter;
import static org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry.updateProcessingStarted;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

/**
 * axon-mongo's dead-letter queue of a processing group, processing each sequence from its first letter.
 *
 * <p>axon-mongo's own {@code process} picks each sequence's first letter with a {@code $group} and
 * {@code $first} over the letters in the collection's natural order, without a sort: MongoDB does not
 * promise that order, and the embedded server's memory backend breaks it as soon as letters were
 * deleted (it reuses the freed slots), so a retry could start a sequence at its second letter, handle
 * it before the first and leave the first behind. This {@code process} reads each sequence's first
 * letter by its index ({@link #deadLetterSequence}, whose letters are read one at a time), tests the
 * filter on it, claims it as axon-mongo does (the same claim fields and duration) and tests the filter
 * again, now that the sequence is claimed: a filter may ask about what changes meanwhile (a rebuild
 * asked for), and one that no longer passes releases the claim. It then goes on as axon-mongo's
 * {@code processLetterAndFollowing} does: after each letter handled it looks the next one up by index
 * (so a letter parked behind during the retry is retried too), claims it, and only then removes the one
 * handled; it stops where a claim fails (another retry holds the letter, or it is gone), and at the
 * first letter that fails again, which is requeued with those after it. The API hands {@code process}
 * a filter, not a sequence: the first letter of each sequence is read until one passes.
 */
final class InOrderMongoDeadLetterQueue extends MongoSequencedDeadLetterQueue<EventMessage<?>> {

    /** axon-mongo's default, which the builder keeps: a crashed retry's claim lapses after it. */
    private static final Duration CLAIM = Duration.ofSeconds(30);

    private static final String PROCESSING_STARTED = "processingStarted";
    /** The letter's field that holds its event, with the event's fields as axon-mongo's default configuration names them. */
    private static final String MESSAGE = "message";
    private static final EventEntryConfiguration EVENT_FIELDS = EventEntryConfiguration.getDefault();

    private final String processingGroup;
    private final MongoCollection<Document> collection;

    InOrderMongoDeadLetterQueue(String processingGroup, MongoTemplate mongoTemplate, Serializer serializer) {
        super(MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                           .processingGroup(processingGroup)
                                           .mongoTemplate(mongoTemplate)
                                           .serializer(serializer)
                                           .claimDuration(CLAIM));
        this.processingGroup = processingGroup;
        this.collection = mongoTemplate.deadLetterCollection();
    }

    /**
     * Whether the sequence holds a letter of the event {@code eventIdentifier}: one query on the letters'
     * fields, without reading or deserializing the sequence's letters.
     */
    boolean holds(Object sequenceIdentifier, String eventIdentifier) {
        return collection.countDocuments(and(processingGroupAndSequenceIdentifierFilter(processingGroup,
                                                     storedSequence(sequenceIdentifier)),
                                             eq(MESSAGE + "." + EVENT_FIELDS.eventIdentifierProperty(),
                                                eventIdentifier))) > 0;
    }

    /** As axon-mongo stores a sequence identifier: a string as it is, any other object by its hash code. */
    private static String storedSequence(Object sequenceIdentifier) {
        return sequenceIdentifier instanceof String string
                ? string
                : Integer.toString(sequenceIdentifier.hashCode());
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        for (String sequence : sequenceIdentifierIterator(collection, processingGroup)) {
            Optional<MongoDeadLetter<EventMessage<?>>> first = firstAfter(sequence, Long.MIN_VALUE);
            if (first.isPresent() && sequenceFilter.test(first.get()) && claim(first.get())) {
                if (sequenceFilter.test(first.get())) {
                    return processLetterAndFollowing(first.get(), task);
                }
                release(first.get());
            }
        }
        return false;
    }

    private boolean processLetterAndFollowing(MongoDeadLetter<EventMessage<?>> first,
            Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        MongoDeadLetter<EventMessage<?>> letter = first;
        while (true) {
            EnqueueDecision<EventMessage<?>> decision = task.apply(letter);
            if (decision.shouldEnqueue()) {
                requeue(letter, failed -> decision.withDiagnostics(failed)
                                                  .withCause(decision.enqueueCause().orElse(null)));
                return false;
            }
            Optional<MongoDeadLetter<EventMessage<?>>> next = firstAfter(letter.sequenceIdentifier(), letter.index());
            boolean claimed = next.isPresent() && claim(next.get());
            evict(letter);
            if (next.isEmpty()) {
                return true;
            }
            if (!claimed) {
                return false;
            }
            letter = next.get();
        }
    }

    /** The sequence's first letter with an index above {@code index}, read and deserialized alone. */
    @SuppressWarnings("unchecked") // this queue's letters are MongoDeadLetters of event messages
    private Optional<MongoDeadLetter<EventMessage<?>>> firstAfter(String sequence, long index) {
        Iterator<DeadLetter<? extends EventMessage<?>>> letters = deadLetterSequence(sequence).iterator();
        try {
            while (letters.hasNext()) {
                MongoDeadLetter<EventMessage<?>> letter = (MongoDeadLetter<EventMessage<?>>) letters.next();
                if (letter.index() > index) {
                    return Optional.of(letter);
                }
            }
            return Optional.empty();
        } finally {
            close(letters);
        }
    }

    /** Claims the letter for this retry unless another holds a claim younger than {@link #CLAIM}. */
    private boolean claim(MongoDeadLetter<EventMessage<?>> letter) {
        return collection.updateOne(uniqueNotLockedFilter(processingGroup, letter.sequenceIdentifier(), letter.index(),
                                                          GenericDeadLetter.clock.instant().minus(CLAIM)),
                                    updateProcessingStarted(GenericDeadLetter.clock.instant()))
                         .getMatchedCount() > 0;
    }

    private void release(MongoDeadLetter<EventMessage<?>> letter) {
        collection.updateOne(findOneFilter(processingGroup, letter.sequenceIdentifier(), letter.index()),
                             Updates.unset(PROCESSING_STARTED));
    }

    /** The driver's cursor, left open when not read to its end, would hold a server cursor until it times out. */
    private static void close(Iterator<?> cursor) {
        if (cursor instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
