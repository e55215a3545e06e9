package vn.province.govtrack.command.messaging;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the command bus answers for every command it handled and committed: the handler's answer and the
 * global position of the last event the command's commit appended. Handlers return their answer only
 * ({@code docs/adr/0009-command-results.md} says which); {@link AcceptanceInterceptor} wraps it in an
 * {@code Accepted} and settles its position when the unit of work has committed, which is before the bus
 * hands the result to the dispatcher's callback on every bus: on the caller's thread (the local bus), on
 * another (an asynchronous bus), or serialized to another node (a distributed bus serializes the result
 * in that callback, so the position travels with it; the answer keeps its type through Jackson).
 *
 * <p>The position is 0 for a command whose handling appended nothing (a repeated erasure answers the
 * first one's record); for a command handled inside a larger unit of work (the history import's batch),
 * it is that unit's last position.
 *
 * @param <R> the type of the handler's answer
 */
public final class Accepted<R> {

    private static final long UNSETTLED = -1;

    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    private final R answer;
    private volatile long position;

    private Accepted(R answer, long position) {
        this.answer = answer;
        this.position = position;
    }

    /** A command accepted at {@code position}, as a record of it shows (an idempotent retry reads one back). */
    @JsonCreator
    public static <R> Accepted<R> at(@JsonProperty("answer") R answer, @JsonProperty("position") long position) {
        if (position < 0) {
            throw new IllegalArgumentException("a position is never negative, not " + position);
        }
        return new Accepted<>(answer, position);
    }

    /** A handler's answer whose commit is still to come; {@link #settle} completes it. */
    static <R> Accepted<R> pending(R answer) {
        return new Accepted<>(answer, UNSETTLED);
    }

    /**
     * Completes a pending acceptance with the position its commit reached, once.
     *
     * @throws IllegalStateException if it is settled already
     */
    synchronized void settle(long committedPosition) {
        if (position != UNSETTLED) {
            throw new IllegalStateException("the acceptance is settled already, at position " + position);
        }
        if (committedPosition < 0) {
            throw new IllegalArgumentException("a position is never negative, not " + committedPosition);
        }
        position = committedPosition;
    }

    /** The handler's answer. */
    @JsonProperty("answer")
    public R answer() {
        return answer;
    }

    /**
     * The global position of the last event the command's commit appended, 0 if it appended none.
     *
     * @throws IllegalStateException before the commit (the handler's own unit of work cannot know it yet)
     */
    @JsonProperty("position")
    public long position() {
        long settled = position;
        if (settled == UNSETTLED) {
            throw new IllegalStateException("the command is not committed yet; its position is known after the commit");
        }
        return settled;
    }

    /**
     * This acceptance, its answer checked to be of {@code type}.
     *
     * @throws IllegalStateException if the handler answered something else: it does not follow the convention
     */
    public <T> Accepted<T> answering(Class<T> type) {
        if (!type.isInstance(answer)) {
            throw new IllegalStateException("expected the handler to answer " + type.getSimpleName() + ", it answered "
                                            + (answer == null ? "nothing" : answer.getClass().getSimpleName()));
        }
        @SuppressWarnings("unchecked")
        Accepted<T> typed = (Accepted<T>) this;
        return typed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Accepted<?> that && Objects.equals(answer, that.answer) && position == that.position;
    }

    @Override
    public int hashCode() {
        return Objects.hash(answer, position);
    }

    @Override
    public String toString() {
        return "Accepted[answer=" + answer + ", position=" + (position == UNSETTLED ? "pending" : position) + "]";
    }
}
