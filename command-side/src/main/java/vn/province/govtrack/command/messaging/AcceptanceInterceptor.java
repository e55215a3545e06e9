package vn.province.govtrack.command.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import vn.province.govtrack.eventstore.MongoEventStorageEngine;

/**
 * Makes the command bus answer every command it handles with an {@link Accepted}: the handler's answer,
 * and the position its commit reached, settled after the commit.
 *
 * <p>Axon runs a command's handler, then commits its unit of work, and only then hands the result to the
 * dispatcher's callback (the same order on the local bus, an asynchronous one and a distributed one, all
 * of which handle a command in one {@code DefaultUnitOfWork.executeWithResult}). The event store appends
 * the command's events in the commit's prepare phase, where the storage engine records the commit's last
 * position in the root unit of work ({@link MongoEventStorageEngine#lastAppendedPosition}); this
 * interceptor's after-commit handler reads it there. So the position is the command's own, on whichever
 * thread or node the command ran, and a failed commit leaves the acceptance pending and unseen: the
 * dispatcher receives the failure instead.
 */
@Component
class AcceptanceInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Accepted<Object> accepted = Accepted.pending(chain.proceed());
        unitOfWork.afterCommit(committed -> accepted.settle(
                MongoEventStorageEngine.lastAppendedPosition(committed).orElse(0)));
        return accepted;
    }
}
