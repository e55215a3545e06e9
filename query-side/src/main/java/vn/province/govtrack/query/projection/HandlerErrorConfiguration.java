package vn.province.govtrack.query.projection;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An exception from a projection's event handler (a database error, say) fails the handler's whole
 * batch: the processor rolls it back, keeps the token it had before the batch, and retries from
 * there after a back-off (1 s, doubling up to 60 s), in state ERROR meanwhile. Axon's default would
 * log the exception and go on, and the read model would lack that event for good. Handling the
 * batch's events again is harmless: every projection write is guarded by the event's position.
 */
@Configuration(proxyBeanMethods = false)
class HandlerErrorConfiguration {

    @Bean
    ConfigurerModule handlerErrorsFailTheBatch() {
        return configurer -> configurer.eventProcessing()
                                       .registerDefaultListenerInvocationErrorHandler(
                                               configuration -> PropagatingErrorHandler.instance());
    }
}
