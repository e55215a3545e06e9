package vn.province.govtrack.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * A commit was refused because an earlier commit was recorded under the same commit key: the
 * events that key stands for are already in the store, and these were not appended.
 * {@link MongoEventStorageEngine#commitWithKey} answers the earlier commit.
 */
public class CommitKeyUsedException extends EventStoreException {

    private final String key;
    private final long lastPosition;

    CommitKeyUsedException(String key, long lastPosition, Throwable cause) {
        super("A commit with key '" + key + "' is already stored, ending at position " + lastPosition, cause);
        this.key = key;
        this.lastPosition = lastPosition;
    }

    /** The commit key both commits carried. */
    public String key() {
        return key;
    }

    /** The last position of the earlier commit. */
    public long lastPosition() {
        return lastPosition;
    }
}
