package vn.province.govtrack.command.web;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.province.govtrack.kernel.EventMetadata;

/**
 * Stamps each command dispatched while serving an HTTP request with the request's actor and
 * correlation id; correlation data providers then copy them onto the resulting events. The actor
 * is the request's authenticated principal, or {@value #ANONYMOUS} while the service has no
 * authentication. Commands dispatched outside a request pass unchanged.
 */
@Component
class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String ANONYMOUS = "anonymous";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return command;
            }
            HttpServletRequest request = attributes.getRequest();
            Map<String, String> metadata = new HashMap<>();
            Principal principal = request.getUserPrincipal();
            metadata.put(EventMetadata.ACTOR, principal != null ? principal.getName() : ANONYMOUS);
            String correlationId = CorrelationIdFilter.correlationIdOf(request);
            if (correlationId != null) {
                metadata.put(EventMetadata.CORRELATION_ID, correlationId);
            }
            return command.andMetaData(metadata);
        };
    }
}
