package vn.province.govtrack.query.projection;

import static org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry.sequenceIdentifierIterator;
import static org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry.uniqueNotLockedFilter;
import static org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry.updateProcessingStarted;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import com.mongodb.client.MongoCollection;

/**
 * axon-mongo's dead-letter queue of a processing group, processing each sequence from its first letter.
 *
 * <p>axon-mongo's own {@code process} picks each sequence's first letter with a {@code $group} and
 * {@code $first} over the letters in the collection's natural order, without a sort: MongoDB does not
 * promise that order, and the embedded server's memory backend breaks it as soon as letters were
 * deleted (it reuses the freed slots), so a retry could start a sequence at its second letter, handle
 * it before the first and leave the first behind. This {@code process} reads each sequence's letters
 * sorted by their index, as {@link #deadLetterSequence} does, claims the first as axon-mongo does
 * (the same claim fields and duration), and goes on along that order: each letter handled is removed
 * after the next one is claimed; the first that fails again is requeued, and the sequence stops there.
 */
final class InOrderMongoDeadLetterQueue extends MongoSequencedDeadLetterQueue<EventMessage<?>> {

    /** axon-mongo's default, which the builder keeps: a crashed retry's claim lapses after it. */
    private static final Duration CLAIM = Duration.ofSeconds(30);

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

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        for (String sequence : sequenceIdentifierIterator(collection, processingGroup)) {
            List<MongoDeadLetter<EventMessage<?>>> letters = inOrder(sequence);
            if (!letters.isEmpty() && sequenceFilter.test(letters.get(0)) && claim(letters.get(0))) {
                return processInOrder(letters, task);
            }
        }
        return false;
    }

    private boolean processInOrder(List<MongoDeadLetter<EventMessage<?>>> letters,
                                   Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        for (int i = 0; i < letters.size(); i++) {
            MongoDeadLetter<EventMessage<?>> letter = letters.get(i);
            EnqueueDecision<EventMessage<?>> decision = task.apply(letter);
            if (decision.shouldEnqueue()) {
                requeue(letter, failed -> decision.withDiagnostics(failed)
                                                  .withCause(decision.enqueueCause().orElse(null)));
                return false;
            }
            if (i + 1 < letters.size()) {
                claim(letters.get(i + 1));
            }
            evict(letter);
        }
        return true;
    }

    @SuppressWarnings("unchecked") // this queue's letters are MongoDeadLetters of event messages
    private List<MongoDeadLetter<EventMessage<?>>> inOrder(String sequence) {
        List<MongoDeadLetter<EventMessage<?>>> letters = new ArrayList<>();
        deadLetterSequence(sequence).forEach(letter -> letters.add((MongoDeadLetter<EventMessage<?>>) letter));
        return letters;
    }

    /** Claims the letter for this retry unless another holds a claim younger than {@link #CLAIM}. */
    private boolean claim(MongoDeadLetter<EventMessage<?>> letter) {
        return collection.updateOne(uniqueNotLockedFilter(processingGroup, letter.sequenceIdentifier(), letter.index(),
                                                          GenericDeadLetter.clock.instant().minus(CLAIM)),
                                    updateProcessingStarted(GenericDeadLetter.clock.instant()))
                         .getMatchedCount() > 0;
    }
}
