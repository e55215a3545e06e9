package vn.province.govtrack.command.idempotency;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes keys past their retention, and the heartbeats of instances silent for as long, every
 * {@code govtrack.idempotency.cleanup-period}. Real MongoDB deletes keys through the TTL index as
 * well; mongo-java-server does not, and expired keys are ignored when read in any case, so the
 * cleanup only bounds the collections' size. Every instance runs it; the deletes are idempotent.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
@EnableScheduling
class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    private final IdempotencyKeys keys;
    private final Heartbeats heartbeats;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotencyConfiguration(IdempotencyKeys keys, Heartbeats heartbeats, IdempotencyProperties properties,
                             Clock clock) {
        this.keys = keys;
        this.heartbeats = heartbeats;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${govtrack.idempotency.cleanup-period:PT10M}",
               initialDelayString = "${govtrack.idempotency.cleanup-period:PT10M}")
    void deleteExpiredKeys() {
        long deleted = keys.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.info("Deleted {} expired idempotency keys", deleted);
        }
        long silent = heartbeats.forgetSilentFor(properties.retention());
        if (silent > 0) {
            log.info("Deleted the heartbeats of {} instances silent for {}", silent, properties.retention());
        }
    }
}
