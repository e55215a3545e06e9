package vn.province.govtrack.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Counts the commands the client sends, that is its round trips to the server: a figure that,
 * unlike a time, other load on the machine cannot blur.
 */
final class CommandCounter implements CommandListener {

    private final AtomicLong started = new AtomicLong();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        started.incrementAndGet();
    }

    /** Commands sent since the previous call. */
    long take() {
        return started.getAndSet(0);
    }
}
