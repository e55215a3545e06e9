package vn.province.govtrack.eventstore;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import com.mongodb.MongoException;

/**
 * The services' event store: Axon's {@link EmbeddedEventStore} over {@link MongoEventStorageEngine},
 * with one addition. A unit of work that knows some aggregates have no stored events (it asked the
 * engine about many at once, {@link MongoEventStorageEngine#readStreams}) may declare them new
 * ({@link #declareNewStreams}); loading one of them then asks the database nothing, neither for a
 * snapshot nor for events. A bulk import creates thousands of aggregates per unit of work this way
 * without two reads each.
 *
 * <p>A declaration is a claim the store still checks: if another writer creates such an aggregate
 * meanwhile, the unit of work's commit fails on the aggregate's first sequence key
 * ({@code AggregateStreamCreationException}) and appends nothing. It lasts as long as the unit of work.
 */
public class MongoEventStore extends EmbeddedEventStore {

    private final String newStreamsKey = this + "_NEW_STREAMS";

    /** Configured as Axon's embedded event store is, by its builder. */
    public MongoEventStore(Builder builder) {
        super(builder);
    }

    /**
     * Declares that the aggregates {@code aggregateIdentifiers} have no stored events, for the rest of
     * the current unit of work (its root's, so nested units of work share it).
     *
     * @throws IllegalStateException outside a unit of work
     */
    public void declareNewStreams(Collection<String> aggregateIdentifiers) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.<Set<String>>getOrComputeResource(newStreamsKey, key -> new HashSet<>()).addAll(aggregateIdentifiers);
    }

    /**
     * Nothing, for the first load of an aggregate declared new: nothing is stored, and nothing can be
     * staged for an aggregate before its first load. Later loads (after a nested unit of work that held
     * it rolled back) read as usual: the store, which still holds nothing, and the events staged since.
     * Axon's reading of staged events copies every event staged so far, which a unit of work of
     * thousands of commands cannot afford for each new aggregate.
     */
    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return firstLoadOfNew(aggregateIdentifier) ? DomainEventStream.empty() : super.readEvents(aggregateIdentifier);
    }

    /**
     * A snapshot the database could not be asked for (it is out of reach, or did not answer in time) fails
     * the load, where Axon would read the whole stream instead: that read would wait for the same
     * database again, doubling how long a request takes to learn that it is out of reach. A snapshot
     * that was read but cannot be used is still passed over, as Axon does.
     */
    @Override
    protected Optional<DomainEventMessage<?>> handleSnapshotReadingError(String aggregateIdentifier, Throwable e) {
        if (e instanceof MongoException unreadable) {
            throw unreadable;
        }
        return super.handleSnapshotReadingError(aggregateIdentifier, e);
    }

    private boolean firstLoadOfNew(String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        Set<String> declared = CurrentUnitOfWork.get().root().getResource(newStreamsKey);
        return declared != null && declared.remove(aggregateIdentifier);
    }
}
