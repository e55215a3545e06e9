package vn.province.govtrack.query.projection;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A check this instance runs every {@code period} while the application runs, on a daemon thread of its
 * own. A check that fails is logged and the next one tries again (a periodic task that throws would
 * never run again). Stopping interrupts a check under way: one waiting for a database that went away
 * must not hold the shutdown up.
 */
public abstract class PeriodicCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicCheck.class);

    private final String threadName;
    private final Duration period;
    private volatile ScheduledExecutorService checking;

    protected PeriodicCheck(String threadName, Duration period) {
        this.threadName = threadName;
        this.period = period;
    }

    /** One check; the next runs {@code period} after it ends. */
    protected abstract void check();

    private void checkOrWarn() {
        try {
            check();
        } catch (RuntimeException e) {
            if (checking != null) {
                log.warn("{}: check failed, retried in {} ms: {}", threadName, period.toMillis(), e.toString());
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::checkOrWarn, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        checking = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = checking;
        checking = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return checking != null;
    }
}
