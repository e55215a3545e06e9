package vn.province.govtrack.query.projection;

import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes a projection batch's changes once per batch instead of once per event: while an event
 * processor handles a batch, {@link ReadModelStore}s fold each record's events in memory, and
 * after the batch's last event, still inside its handling, every changed record is written in one
 * bulk write per collection. A write that fails (a record another instance changed meanwhile, a
 * database error) fails the batch, which the processor retries from the token it had: the flush
 * runs before the processor stores its new token, which it does when the batch commits.
 */
@Configuration(proxyBeanMethods = false)
class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName() + "/pending";

    /** Something holding writes for the current batch. */
    interface Pending {
        void flush();
    }

    @Bean
    ConfigurerModule writesOncePerBatch() {
        return configurer -> configurer.eventProcessing()
                                       .registerDefaultHandlerInterceptor((configuration, name) -> new FlushAtBatchEnd());
    }

    /**
     * The pending writers of the batch being handled, by owner, when one is being handled under the
     * interceptor; null otherwise (a handler called directly, as in unit tests, writes at once).
     */
    static Map<Object, Pending> pendingOfCurrentBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getResource(PENDING);
    }

    static final class FlushAtBatchEnd implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
                throws Exception {
            UnitOfWork<?> root = unitOfWork.root();
            Map<Object, Pending> pending = root.getOrComputeResource(PENDING, key -> new LinkedHashMap<>());
            Object result = interceptorChain.proceed();
            if (!(root instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                for (Pending writer : pending.values()) {
                    writer.flush();
                }
                pending.clear();
            }
            return result;
        }
    }
}
