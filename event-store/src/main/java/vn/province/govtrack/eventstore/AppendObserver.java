package vn.province.govtrack.eventstore;

/**
 * Told of every commit {@link MongoEventStorageEngine} writes, for the services' meters: the engine knows
 * no metrics library, the services bind this to theirs ({@code spring.AppendMeters}). Called on the
 * appending thread right after the commit's write was acknowledged, so an implementation must be quick
 * and must not throw.
 */
@FunctionalInterface
public interface AppendObserver {

    /** Observes nothing. */
    AppendObserver NONE = (events, nanos) -> {
    };

    /**
     * A commit of {@code events} events was written and acknowledged, {@code nanos} after its append
     * began: encoding, waiting for the group it was written with (ADR 0008) and the write itself.
     */
    void committed(int events, long nanos);
}
