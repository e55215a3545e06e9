package vn.province.govtrack.query.index766;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import vn.province.govtrack.kernel.BusinessEvent;
import vn.province.govtrack.query.projection.ReadModelStore;
import vn.province.govtrack.query.projection.RebuildScope;

/**
 * Keeps this instance's {@link Index766Ledger} in step with the events, in the "index-766" processing group:
 * a tracking processor whose token lives in this instance's memory and which replays from the first event on
 * each start ({@link Index766Configuration}). Every event goes to {@link Index766Ledger#apply}, which takes
 * the types the index reads and is idempotent per event position.
 */
@Component
@ProcessingGroup(Index766Projection.PROCESSING_GROUP)
class Index766Projection {

    static final String PROCESSING_GROUP = "index-766";

    private final Index766Ledger ledger;

    Index766Projection(Index766Ledger ledger) {
        this.ledger = ledger;
    }

    /** @param recordedAt dates a procedure published without a publication day, as the store recorded it */
    @EventHandler
    void on(BusinessEvent event, TrackingToken token, @Timestamp Instant recordedAt) {
        ledger.apply(ReadModelStore.positionOf(token), event, recordedAt);
    }

    /**
     * A rebuild, whatever its scope, forgets the whole ledger: it lives in memory, and the replay that
     * follows always starts from the first event, so it rebuilds all of it at the cost of one.
     */
    @ResetHandler
    void reset(RebuildScope scope) {
        ledger.clear();
    }
}
