package vn.province.govtrack.query.projection;

import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessingException;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

import vn.province.govtrack.web.DatabaseUnavailable;

/**
 * When an event handler of a projection fails, whether the event is parked as a dead letter or its
 * batch fails and is handled again (ADR 0012).
 *
 * <ul>
 *   <li>A database out of reach (what {@link DatabaseUnavailable} answers 503 for: no server, a socket
 *       error, a timeout, ..., also as the cause of another exception) is transient: the batch fails and
 *       the processor handles it again after its back-off, as before dead letters existed, and nothing is
 *       parked. Otherwise an outage would park every event. Any other database error (a document over
 *       16 MB, a duplicate key on a read model's index, a query the server rejects) fails the same way
 *       every time and counts toward parking like a bug.</li>
 *   <li>Any other failure parks the event only on the {@code attempts}-th time the same event fails in
 *       this processing group on this instance; before that its batch fails and is handled again
 *       (after 1 s, then 2 s, ...), so that a failure that goes away by itself parks nothing.</li>
 *   <li>A parked letter whose retry fails stays parked, in its place, with one attempt more.</li>
 * </ul>
 *
 * <p>A letter in the queue always carries {@value #ATTEMPTS} in its diagnostics ({@link ParkedOnce}
 * puts 0 on those queued behind another); a letter without it is an event failing in its batch.
 * The failures counted before parking are kept in memory, for the most recent
 * {@value #REMEMBERED} events: a restart, or another instance taking the segment over, counts again.
 */
final class PoisonEventPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** The diagnostics entry of a dead letter: how many times handling it failed. */
    static final String ATTEMPTS = "attempts";

    private static final int REMEMBERED = 10_000;

    private final int attempts;
    private final Map<String, Integer> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param attempts how many failures of the same event, in a row of handlings, park it; at least 1 */
    PoisonEventPolicy(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("govtrack.query.dead-letters.attempts must be at least 1; got "
                                               + attempts);
        }
        this.attempts = attempts;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        Object tried = letter.diagnostics().get(ATTEMPTS);
        if (tried instanceof Number number) {
            int attempted = number.intValue() + 1;
            return Decisions.requeue(ThrowableCause.truncated(cause),
                                     parked -> parked.diagnostics().and(ATTEMPTS, attempted));
        }
        if (isTransient(cause)) {
            throw failTheBatch(cause);
        }
        int failed = countFailure(letter.message().getIdentifier());
        if (failed < attempts) {
            throw failTheBatch(cause);
        }
        return Decisions.enqueue(ThrowableCause.truncated(cause), parked -> parked.diagnostics().and(ATTEMPTS, failed));
    }

    /** A database out of reach, which handling the same event again later may not meet. */
    static boolean isTransient(Throwable failure) {
        return DatabaseUnavailable.causedByUnavailableDatabase(failure);
    }

    /** The number of this failure of the event; forgets the event once it reaches {@code attempts}. */
    private synchronized int countFailure(String eventIdentifier) {
        int failed = failures.merge(eventIdentifier, 1, Integer::sum);
        if (failed >= attempts) {
            failures.remove(eventIdentifier);
        }
        return failed;
    }

    /** Thrown out of the handler invoker, the failure fails the batch, which the processor handles again. */
    private static RuntimeException failTheBatch(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new EventProcessingException("An event handler failed; its batch is handled again", cause);
    }
}
