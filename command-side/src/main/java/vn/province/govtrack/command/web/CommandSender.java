package vn.province.govtrack.command.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.province.govtrack.command.messaging.Accepted;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.eventstore.MongoEventStorageEngine.KeyedCommit;
import vn.province.govtrack.web.DatabaseUnavailable;

/**
 * Sends a command and answers its handler's answer together with the global position of the last event
 * its handling appended, which every command response reports as {@code position}: the command bus's
 * {@link Accepted}, settled at the command's commit on whichever bus handled it (docs/adr/0009-command-results.md).
 * A rejected command throws; nothing is appended.
 *
 * <p>Handlers answer by convention with the record of their decision: the event that records it, or for
 * the dossier the {@code DossierState} it is left in. Each controller names, next to each command, that
 * event's type or how the dossier's state is read back from the command's recorded events, and builds its
 * response from the {@code Accepted} alone, whichever way the answer came.
 *
 * <p>For a request with an {@code Idempotency-Key} (see {@link IdempotentRequest}) whose command an
 * earlier attempt already recorded, nothing is sent: the answer is read back from that record. The
 * record is known before sending (the idempotency filter looked for it), or it turns up when the
 * command fails because an earlier attempt's commit landed meanwhile (its instance was presumed dead,
 * but its write was still on its way): this command's own commit was then refused for the key it
 * shares, or its handler no longer accepted it in the changed state. Either way the request is
 * answered with the earlier attempt's answer, never a second effect or a conflict.
 */
@Component
public class CommandSender {

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

    private final CommandGateway commandGateway;
    private final MongoEventStorageEngine storageEngine;

    CommandSender(CommandGateway commandGateway, MongoEventStorageEngine storageEngine) {
        this.commandGateway = commandGateway;
        this.storageEngine = storageEngine;
    }

    /**
     * Handles the command that {@code command} builds, whose handler answers with the event of type
     * {@code decision} that records its decision, and answers that event with the position the command
     * reached; or, for a command already recorded under the request's idempotency key, the last such event
     * of that record, with the record's position. The command is built only when it is sent.
     *
     * @throws IllegalStateException if the handler answered something else
     */
    public <E> Accepted<E> send(Supplier<?> command, Class<E> decision) {
        return send(command, recorded -> recorded.last(decision)).answering(decision);
    }

    /**
     * Handles the command that {@code command} builds and answers what its handler answered, with the
     * position it reached; or, for a command already recorded under the request's idempotency key, what
     * {@code readBack} reads from that record, with the record's position. The two must agree: the
     * controller that uses this states next to the command how its handler's answer is read back from its
     * events, and the idempotency tests hold every endpoint to giving the same answer both ways. The
     * command is built only when it is sent.
     */
    public <R> Accepted<R> send(Supplier<?> command, Function<Recorded, ? extends R> readBack) {
        Optional<IdempotentRequest> keyed = IdempotentRequest.current();
        Optional<KeyedCommit> known = keyed.flatMap(IdempotentRequest::recorded);
        if (known.isPresent()) {
            return fromRecord(known.get(), readBack);
        }
        Object answered;
        try {
            answered = commandGateway.sendAndWait(command.get());
        } catch (RuntimeException failure) {
            KeyedCommit landed = keyed.flatMap(request -> landedMeanwhile(request, failure)).orElseThrow(() -> failure);
            log.info("An earlier attempt of this request, with the same idempotency key, was recorded at position {} "
                     + "while this one ran ({}); answering its result", landed.lastPosition(), failure.toString());
            return fromRecord(landed, readBack);
        }
        if (!(answered instanceof Accepted<?> accepted)) {
            throw new IllegalStateException("the command bus answered " + answered + " instead of an Accepted; "
                                            + "its handler interceptors must include the AcceptanceInterceptor");
        }
        @SuppressWarnings("unchecked") // the controller names the answer's type; send(command, Class) checks it
        Accepted<R> typed = (Accepted<R>) accepted;
        return typed;
    }

    /**
     * The commit that an earlier attempt with the request's key recorded while this one ran, now this
     * request's answer; empty if there is none (or it cannot be looked up: the failure stands).
     */
    private Optional<KeyedCommit> landedMeanwhile(IdempotentRequest request, RuntimeException failure) {
        if (DatabaseUnavailable.causedByUnavailableDatabase(failure)) {
            return Optional.empty(); // the lookup would wait for the same database: the failure is the answer
        }
        Optional<KeyedCommit> landed;
        try {
            landed = storageEngine.commitWithKey(request.commitKey());
        } catch (RuntimeException lookup) {
            failure.addSuppressed(lookup);
            return Optional.empty();
        }
        try {
            landed.ifPresent(request::answerFrom);
        } catch (IllegalStateException anotherRequests) {
            anotherRequests.addSuppressed(failure);
            throw anotherRequests;
        }
        return landed;
    }

    private static <R> Accepted<R> fromRecord(KeyedCommit commit, Function<Recorded, ? extends R> readBack) {
        List<DomainEventMessage<?>> events = commit.events().stream()
                                                   .<DomainEventMessage<?>>map(event -> (DomainEventMessage<?>) event)
                                                   .toList();
        return Accepted.at(readBack.apply(new Recorded(events)), commit.lastPosition());
    }
}
