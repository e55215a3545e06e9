package vn.province.govtrack.query.index766;

import java.time.Clock;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.springframework.context.annotation.Bean;

/**
 * This instance's ledger of the national index and the processor that keeps it, "index-766".
 *
 * <p>Its token lives in this instance's memory, like the timeliness index's: each query-side instance keeps a
 * ledger of its own, whichever instance holds the segments of the shared processors. It has nothing stored to
 * load from, so each start replays the log from the first event (docs/adr/0015-service-quality-index.md). The
 * first token is a replay token up to the head as the processor found it: until the replay reaches it,
 * {@code /admin/projections} shows the processor REPLAYING, with its progress, and read-your-writes queries
 * wait for its position as for any other.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class Index766Configuration {

    /** As the other projections: the token, here in memory, is stored once per batch. */
    private static final int BATCH_SIZE = 100;

    /** Position 0 precedes the first event (position 1). */
    private static final TrackingToken BEFORE_FIRST_EVENT = new GlobalSequenceTrackingToken(0);

    @Bean
    Index766Ledger index766Ledger(Clock clock) {
        return new Index766Ledger(clock.getZone());
    }

    @Bean
    ConfigurerModule index766Processor() {
        return configurer -> configurer.eventProcessing()
                .registerTokenStore(Index766Projection.PROCESSING_GROUP, configuration -> new InMemoryTokenStore())
                .registerTrackingEventProcessor(Index766Projection.PROCESSING_GROUP, Configuration::eventStore,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH_SIZE)
                                .andInitialTrackingToken(source -> {
                                    TrackingToken head = source.createHeadToken();
                                    return head == null || head.position().orElse(0) == 0
                                            ? BEFORE_FIRST_EVENT
                                            : ReplayToken.createReplayToken(head, BEFORE_FIRST_EVENT);
                                }));
    }
}
