package vn.province.govtrack.command.idempotency;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;

import vn.province.govtrack.kernel.EventMetadata;

/**
 * Holds a chosen command after its handler decided and before its events are appended, until the test
 * lets it go on: the moment a stalled process is in when it is presumed dead. Commands are chosen by the
 * correlation id of their request ({@code X-Correlation-Id}); every other command passes untouched.
 * A configuration for any instance of the tests (not a component, so that no instance picks it up
 * unasked); holds are shared by all instances in the JVM.
 */
class CommandHolds {

    private static final Map<String, Hold> HOLDS = new ConcurrentHashMap<>();

    /** A hold on the command of the request with this correlation id. */
    static Hold on(String correlationId) {
        Hold hold = new Hold(new CountDownLatch(1), new CountDownLatch(1));
        HOLDS.put(correlationId, hold);
        return hold;
    }

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> holdBeforeAppending() {
        return (unitOfWork, chain) -> {
            Hold hold = HOLDS.remove(String.valueOf(unitOfWork.getMessage().getMetaData().get(EventMetadata.CORRELATION_ID)));
            if (hold != null) {
                // registered before the handler runs, so it runs before the event store's own prepare-commit step
                unitOfWork.onPrepareCommit(work -> hold.hold());
            }
            return chain.proceed();
        };
    }

    /** {@code reached} opens when the command is held; the command goes on once {@link #release()} is called. */
    record Hold(CountDownLatch reached, CountDownLatch released) {

        void awaitReached() throws InterruptedException {
            if (!reached.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the held command was never reached");
            }
        }

        void release() {
            released.countDown();
        }

        private void hold() {
            reached.countDown();
            try {
                if (!released.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the held command was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
