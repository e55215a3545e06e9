package vn.province.govtrack.eventstore.spring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the event store ({@code govtrack.event-store.*}).
 *
 * @param fetchDelay     how long a caught-up reader waits before polling for events appended by other processes
 * @param batchSize      events per read batch
 */
@ConfigurationProperties("govtrack.event-store")
public record EventStoreProperties(Duration fetchDelay, Integer batchSize) {

    public EventStoreProperties {
        fetchDelay = fetchDelay == null ? Duration.ofMillis(100) : fetchDelay;
        batchSize = batchSize == null ? 100 : batchSize;
    }
}
