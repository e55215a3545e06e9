package vn.province.govtrack.query.timeliness;

import java.time.Clock;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

/**
 * This instance's timeliness index and the processor that keeps it current.
 *
 * <p>The processor, "timeliness-index", keeps its token in memory: each query-side instance follows
 * the event store with its own index, whichever instance holds the segments of the shared processors.
 * When it first runs, it has no token, and the token it starts from is where {@link TimelinessIndexLoading}
 * loaded the stored timeliness facts: the shared "timeliness" processor's position, read before
 * them. Events up to there are all in the facts; later ones may be too, and are then ignored, since
 * each fact carries the position of the last event it took.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class TimelinessIndexConfiguration {

    /** As the other projections: the token, here in memory, is stored once per batch. */
    private static final int BATCH_SIZE = 100;

    @Bean
    TimelinessIndex timelinessIndex(Clock clock) {
        return new TimelinessIndex(clock.getZone());
    }

    /** @param loading looked up when the processor first runs: it needs the event store, which Axon configures */
    @Bean
    ConfigurerModule timelinessIndexProcessor(ObjectProvider<TimelinessIndexLoading> loading) {
        return configurer -> configurer.eventProcessing()
                .registerTokenStore(TimelinessIndexProjection.PROCESSING_GROUP, configuration -> new InMemoryTokenStore())
                .registerTrackingEventProcessor(TimelinessIndexProjection.PROCESSING_GROUP, Configuration::eventStore,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH_SIZE)
                                .andInitialTrackingToken(source -> loading.getObject().loadStoredFacts()));
    }
}
