package vn.province.govtrack.query.projection;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A projection's dead-letter queue as its processor uses it: Axon's queue, which parks each event of
 * a sequence at most once, and counts what it parks and what retries make of it.
 *
 * <p>Parking is not part of the batch's unit of work: when a batch fails after an event was queued
 * behind a parked one (a later event of the batch fails, or the batch's writes do), the batch is
 * handled again and would queue the same event a second time. This queue therefore ignores an event
 * its sequence already holds. It also gives a letter queued behind another {@value PoisonEventPolicy#ATTEMPTS}
 * 0, so that every letter in a queue carries its attempts ({@link PoisonEventPolicy}).
 *
 * <p>Meters, tagged with the projection: {@value #ENQUEUED} (events parked, those queued behind
 * included), {@value #RETRIED} with {@code outcome} {@code succeeded} (a letter handled and removed)
 * or {@code failed} (a letter whose retry failed, parked again), and the gauge {@value #PARKED}
 * (letters in the queue now).
 */
final class ParkedOnce implements SequencedDeadLetterQueue<EventMessage<?>> {

    static final String ENQUEUED = "govtrack.dead.letters.enqueued";
    static final String RETRIED = "govtrack.dead.letters.retried";
    static final String PARKED = "govtrack.dead.letters";
    static final String PROJECTION = "projection";

    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final Counter enqueued;
    private final Counter succeeded;
    private final Counter failed;

    ParkedOnce(String projection, SequencedDeadLetterQueue<EventMessage<?>> queue, MeterRegistry meters) {
        this.queue = queue;
        this.enqueued = Counter.builder(ENQUEUED).tag(PROJECTION, projection)
                               .description("Events parked as dead letters, those queued behind another included")
                               .register(meters);
        this.succeeded = Counter.builder(RETRIED).tag(PROJECTION, projection).tag("outcome", "succeeded")
                                .description("Dead letters retried").register(meters);
        this.failed = Counter.builder(RETRIED).tag(PROJECTION, projection).tag("outcome", "failed")
                             .description("Dead letters retried").register(meters);
        Gauge.builder(PARKED, queue, SequencedDeadLetterQueue::size).tag(PROJECTION, projection).strongReference(true)
             .description("Dead letters parked now").register(meters);
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        if (holds(sequenceIdentifier, letter.message().getIdentifier())) {
            return;
        }
        DeadLetter<? extends EventMessage<?>> counted = letter.diagnostics().containsKey(PoisonEventPolicy.ATTEMPTS)
                ? letter
                : letter.withDiagnostics(letter.diagnostics().and(PoisonEventPolicy.ATTEMPTS, 0));
        queue.enqueue(sequenceIdentifier, counted);
        enqueued.increment();
    }

    /**
     * Whether the sequence already holds the event. A stored queue is asked by the event's identifier,
     * in one query; the in-memory one is looked through, its letters being objects already.
     */
    private boolean holds(Object sequenceIdentifier, String eventIdentifier) {
        if (queue instanceof InOrderMongoDeadLetterQueue stored) {
            return stored.holds(sequenceIdentifier, eventIdentifier);
        }
        for (DeadLetter<? extends EventMessage<?>> parked : queue.deadLetterSequence(sequenceIdentifier)) {
            if (parked.message().getIdentifier().equals(eventIdentifier)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater)
            throws NoSuchDeadLetterException {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return queue.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    /** Counts each letter the task handled: removed from the queue (succeeded) or parked again (failed). */
    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                          Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return queue.process(sequenceFilter, letter -> {
            EnqueueDecision<EventMessage<?>> decision = processingTask.apply(letter);
            (decision.shouldEnqueue() ? failed : succeeded).increment();
            return decision;
        });
    }

    @Override
    public void clear() {
        queue.clear();
    }
}
