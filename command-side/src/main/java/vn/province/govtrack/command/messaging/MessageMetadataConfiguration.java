package vn.province.govtrack.command.messaging;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.province.govtrack.kernel.EventMetadata;

/**
 * Copies metadata from each command onto the events its handling applies, so no handler sets it
 * by hand. The command itself gets {@code actor}, {@code actorRole}, {@code actorUnit},
 * {@code correlationId} and, when its request has an {@code Idempotency-Key}, {@code idempotencyKey}
 * and {@code requestFingerprint} when it is dispatched (see {@code RequestMetadataInterceptor}). All
 * events of a command thus carry the same {@code idempotencyKey}, which the event store records as
 * their commit's key: one commit per key, however many attempts run.
 *
 * <p>These beans replace Axon's default {@link MessageOriginProvider}, whose keys would name the
 * command's id {@code correlationId}; here the command's id is the {@code causationId}, and the
 * {@code correlationId} is the request's (or, without one, the command's id).
 */
@Configuration(proxyBeanMethods = false)
class MessageMetadataConfiguration {

    @Bean
    CorrelationDataProvider causationAndCorrelation() {
        return new MessageOriginProvider(EventMetadata.CAUSATION_ID, EventMetadata.CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider actor() {
        return new SimpleCorrelationDataProvider(EventMetadata.ACTOR, EventMetadata.ACTOR_ROLE, EventMetadata.ACTOR_UNIT);
    }

    /** The record of an imported history that gave the command (the history import); absent otherwise. */
    @Bean
    CorrelationDataProvider importRecord() {
        return new SimpleCorrelationDataProvider(EventMetadata.IMPORT_RECORD);
    }

    @Bean
    CorrelationDataProvider idempotency() {
        return new SimpleCorrelationDataProvider(EventMetadata.IDEMPOTENCY_KEY, EventMetadata.REQUEST_FINGERPRINT);
    }
}
