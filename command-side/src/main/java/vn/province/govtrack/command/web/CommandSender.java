package vn.province.govtrack.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import vn.province.govtrack.eventstore.MongoEventStorageEngine;

/**
 * Sends a command and answers its result together with the global position of the last event
 * its handling appended, which every command response reports as {@code position}.
 *
 * <p>Relies on Axon's local command bus handling the command on the caller's thread, so that
 * {@link MongoEventStorageEngine#takeLastAppendedPosition()} taken right after
 * {@code sendAndWait} is this command's. Every accepted command appends at least one event;
 * a rejected one throws before anything is taken.
 */
@Component
public class CommandSender {

    private final CommandGateway commandGateway;
    private final MongoEventStorageEngine storageEngine;

    CommandSender(CommandGateway commandGateway, MongoEventStorageEngine storageEngine) {
        this.commandGateway = commandGateway;
        this.storageEngine = storageEngine;
    }

    /** Handles {@code command} and returns what its handler returned, with the position it reached. */
    public <R> Accepted<R> send(Object command) {
        storageEngine.takeLastAppendedPosition(); // forget whatever an earlier task on this pooled thread left
        R result = commandGateway.sendAndWait(command);
        return new Accepted<>(result, storageEngine.takeLastAppendedPosition());
    }

    /** An accepted command: its handler's result and the position of the last event it appended. */
    public record Accepted<R>(R result, long position) {
    }
}
