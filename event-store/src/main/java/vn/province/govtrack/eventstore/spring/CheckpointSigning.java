package vn.province.govtrack.eventstore.spring;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import vn.province.govtrack.eventstore.CheckpointSigner;

/**
 * Runs the {@link CheckpointSigner} every {@code check-interval} on a daemon thread of its own while
 * the service runs. An error is logged and the next run tries again; stopping does not wait for a run
 * in progress (a checkpoint half-verified is simply not signed).
 */
class CheckpointSigning implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigning.class);

    private final CheckpointSigner signer;
    private final long intervalMillis;
    private ScheduledExecutorService scheduler;

    CheckpointSigning(CheckpointSigner signer, AuditProperties properties) {
        this.signer = signer;
        this.intervalMillis = properties.checkInterval().toMillis();
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-checkpoint-signer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::run, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            signer.signIfDue();
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // stopped while signing: nothing was signed, the next start verifies again
            }
            log.error("Signing a checkpoint of the event log failed; trying again in {} ms", intervalMillis, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
