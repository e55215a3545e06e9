package vn.province.govtrack.command.web;

import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The events an accepted command recorded, in order, as a retry of its request finds them.
 * Controllers read the command's result back from them (see {@link CommandSender#send}).
 */
public record Recorded(List<DomainEventMessage<?>> events) {

    public Recorded {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a recorded command has events");
        }
        events = List.copyOf(events);
    }

    /** The last event the command applied. */
    public DomainEventMessage<?> lastEvent() {
        return events.get(events.size() - 1);
    }

    /**
     * The payload of the last event the command applied, which its handler's result is read from.
     *
     * @throws IllegalStateException if it is not of {@code type}: the record is not of the command expected
     */
    public <E> E last(Class<E> type) {
        Object payload = lastEvent().getPayload();
        if (!type.isInstance(payload)) {
            throw new IllegalStateException("expected the command to have recorded " + type.getSimpleName()
                                            + " last, found " + payload.getClass().getSimpleName());
        }
        return type.cast(payload);
    }
}
