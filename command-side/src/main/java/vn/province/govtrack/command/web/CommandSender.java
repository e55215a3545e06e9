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

import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.eventstore.MongoEventStorageEngine.KeyedCommit;

/**
 * Sends a command and answers its result together with the global position of the last event
 * its handling appended, which every command response reports as {@code position}.
 *
 * <p>Relies on Axon's local command bus handling the command on the caller's thread, so that
 * {@link MongoEventStorageEngine#takeLastAppendedPosition()} taken right after
 * {@code sendAndWait} is this command's. Every accepted command appends at least one event
 * (but a repeated erasure, which appends nothing and answers the first); a rejected one throws
 * before anything is taken.
 *
 * <p>For a request with an {@code Idempotency-Key} (see {@link IdempotentRequest}) whose command an
 * earlier attempt already recorded, nothing is sent: the result is read back from that record. The
 * record is known before sending (the idempotency filter looked for it), or it turns up when the
 * command fails because an earlier attempt's commit landed meanwhile (its instance was presumed dead,
 * but its write was still on its way): this command's own commit was then refused for the key it
 * shares, or its handler no longer accepted it in the changed state. Either way the request is
 * answered with the earlier attempt's result, never a second effect or a conflict.
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
     * Handles the command that {@code command} builds and returns what its handler returned, with the
     * position it reached; or, for a command already recorded under the request's idempotency key, what
     * {@code recordedResult} reads from that record, with the record's position. The two must agree: the
     * controllers that define the answers state, next to each command, how its handler's result is read
     * back from its events, and the idempotency tests hold every endpoint to giving the same answer
     * both ways. The command is built only when it is sent.
     */
    public <R> Accepted<R> send(Supplier<?> command, Function<Recorded, ? extends R> recordedResult) {
        Optional<IdempotentRequest> keyed = IdempotentRequest.current();
        Optional<KeyedCommit> known = keyed.flatMap(IdempotentRequest::recorded);
        if (known.isPresent()) {
            return fromRecord(known.get(), recordedResult);
        }
        storageEngine.takeLastAppendedPosition(); // forget whatever an earlier task on this pooled thread left
        try {
            R result = commandGateway.sendAndWait(command.get());
            return new Accepted<>(result, storageEngine.takeLastAppendedPosition());
        } catch (RuntimeException failure) {
            KeyedCommit landed = keyed.flatMap(request -> landedMeanwhile(request, failure)).orElseThrow(() -> failure);
            log.info("An earlier attempt of this request, with the same idempotency key, was recorded at position {} "
                     + "while this one ran ({}); answering its result", landed.lastPosition(), failure.toString());
            return fromRecord(landed, recordedResult);
        }
    }

    /**
     * The commit that an earlier attempt with the request's key recorded while this one ran, now this
     * request's answer; empty if there is none (or it cannot be looked up: the failure stands).
     */
    private Optional<KeyedCommit> landedMeanwhile(IdempotentRequest request, RuntimeException failure) {
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

    private static <R> Accepted<R> fromRecord(KeyedCommit commit, Function<Recorded, ? extends R> recordedResult) {
        List<DomainEventMessage<?>> events = commit.events().stream()
                                                   .<DomainEventMessage<?>>map(event -> (DomainEventMessage<?>) event)
                                                   .toList();
        return new Accepted<>(recordedResult.apply(new Recorded(events)), commit.lastPosition());
    }

    /** An accepted command: its handler's result and the position of the last event it appended. */
    public record Accepted<R>(R result, long position) {
    }
}
