package vn.province.govtrack.command.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.province.govtrack.command.messaging.CallerMetaData;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.security.Caller;
import vn.province.govtrack.web.CorrelationIdFilter;

/**
 * Stamps each command dispatched while serving an HTTP request with the request's caller (subject
 * as {@code actor}, {@code actorRole}, and {@code actorUnit} for unit-bound roles), correlation id
 * and, for a request with an {@code Idempotency-Key}, its commit key and fingerprint
 * ({@link IdempotentRequest}); correlation data providers then copy them onto the resulting events,
 * and the dossier decides unit scoping from them. Commands dispatched outside a request (scheduled
 * jobs) pass unchanged: their issuer names its own system actor.
 */
@Component
class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return command;
            }
            Map<String, String> metadata = new HashMap<>();
            Caller.current().ifPresent(caller -> metadata.putAll(CallerMetaData.of(caller)));
            String correlationId = CorrelationIdFilter.correlationIdOf(attributes.getRequest());
            if (correlationId != null) {
                metadata.put(EventMetadata.CORRELATION_ID, correlationId);
            }
            IdempotentRequest.current().ifPresent(keyed -> metadata.putAll(keyed.metadata()));
            return command.andMetaData(metadata);
        };
    }
}
