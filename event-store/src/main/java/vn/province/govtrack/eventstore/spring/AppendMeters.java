package vn.province.govtrack.eventstore.spring;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import vn.province.govtrack.eventstore.AppendObserver;

/**
 * The event store's write meters (docs/operations.md): {@value #APPEND}, the time from an append's start
 * to its commit's acknowledgement, as a histogram; {@value #COMMITS} and {@value #EVENTS}, the commits and
 * events written, whose rates are commits and events per second. Refused appends (a concurrent change, a
 * commit key already used) are not counted: the command meters show them by their outcome.
 */
final class AppendMeters implements AppendObserver {

    static final String APPEND = "govtrack.event.store.append";
    static final String COMMITS = "govtrack.event.store.commits";
    static final String EVENTS = "govtrack.event.store.events";

    private final Timer append;
    private final Counter commits;
    private final Counter events;

    AppendMeters(MeterRegistry registry) {
        this.append = Timer.builder(APPEND)
                           .description("From an append's start to its commit's acknowledgement, group wait included")
                           .publishPercentileHistogram()
                           .register(registry);
        this.commits = Counter.builder(COMMITS).description("Commits written to the event store").register(registry);
        this.events = Counter.builder(EVENTS).description("Events written to the event store").register(registry);
    }

    @Override
    public void committed(int events, long nanos) {
        append.record(nanos, TimeUnit.NANOSECONDS);
        commits.increment();
        this.events.increment(events);
    }
}
