package vn.province.govtrack.query.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.province.govtrack.query.projection.ProjectionPosition;
import vn.province.govtrack.query.projection.ProjectionPositions;
import vn.province.govtrack.web.ProblemType;

/**
 * The open streams of this instance and what feeds them: while at least one is open, one thread reads
 * every projection's position ({@link ProjectionPositions#currentOfEach}, one query of the shared token
 * store) and the head every {@code poll-interval}, and sends each stream the projections that moved
 * since the last reading. One reading serves every stream, however many there are; with none open
 * nothing is read. Reading the shared store rather than this instance's processors means a projection
 * that another query-side instance processes is seen advancing here too.
 *
 * <p>Everything sent on a stream is sent from that one thread, in order: first, on connect, the position
 * of every projection (the last reading if there is one, else the first reading, made at once), then the
 * changes; and to every stream a {@code : keep-alive} comment line every {@code keep-alive}. A stream ends
 * when its client goes (a failed write or the container's notice removes it, without an error logged or
 * answered: the response has long begun) and when the application stops, before the web server's graceful
 * shutdown, which would otherwise wait for it.
 */
@Component
@EnableConfigurationProperties(StreamProperties.class)
class ProjectionStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionStream.class);

    static final String EVENT = "projection";
    private static final String KEEP_ALIVE = " keep-alive";

    private final ProjectionPositions positions;
    private final EventProcessingConfiguration eventProcessing;
    private final StreamProperties properties;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    /** Guarded by {@code this}: the stream's thread while the application runs; its polling while anyone follows. */
    private ScheduledExecutorService thread;
    private ScheduledFuture<?> polling;

    // read and written on the stream's thread only
    private Map<String, ProjectionPosition> lastReading;
    private long lastHead;
    /** When the last keep-alive was sent, or the polling started; null while nobody is subscribed. */
    private Long lastKeepAliveNanos;
    private boolean failing;

    ProjectionStream(ProjectionPositions positions, EventProcessingConfiguration eventProcessing,
                     StreamProperties properties) {
        this.positions = positions;
        this.eventProcessing = eventProcessing;
        this.properties = properties;
    }

    /** One open stream, and the projection it is narrowed to (null: all). */
    private static final class Subscriber {

        final SseEmitter emitter = new SseEmitter(0L); // never times out: it ends when its client goes
        final String projection;
        /** Set on the stream's thread once the positions on connect are sent. */
        boolean greeted;

        Subscriber(String projection) {
            this.projection = projection;
        }

        boolean follows(String name) {
            return projection == null || projection.equals(name);
        }
    }

    /**
     * Opens a stream of every projection's advances, or of {@code projection}'s alone.
     *
     * @throws vn.province.govtrack.web.ProblemException 404 for a projection this service does not have;
     *         503 with {@code Retry-After} while {@code max-subscribers} streams are open here
     */
    SseEmitter subscribe(String projection) {
        if (projection != null
            && eventProcessing.eventProcessor(projection, StreamingEventProcessor.class).isEmpty()) {
            throw ProblemType.PROJECTION_NOT_FOUND.exception("No event processor named '" + projection
                                                             + "' in this service");
        }
        Subscriber subscriber = new Subscriber(projection);
        subscriber.emitter.onCompletion(() -> leave(subscriber));
        subscriber.emitter.onError(failure -> leave(subscriber));
        synchronized (this) {
            if (thread == null) {
                throw ProblemType.UNAVAILABLE.exception("the service is starting or stopping")
                                          .retryAfter(Duration.ofSeconds(5));
            }
            if (subscribers.size() >= properties.maxSubscribers()) {
                throw ProblemType.UNAVAILABLE.exception(
                        "this instance already streams to " + properties.maxSubscribers() + " subscribers; "
                        + "retry later or ask another instance").retryAfter(Duration.ofSeconds(10));
            }
            subscribers.add(subscriber);
            if (polling == null) {
                polling = thread.scheduleWithFixedDelay(this::pollOrWarn, 0, properties.pollInterval().toMillis(),
                                                          TimeUnit.MILLISECONDS);
            } else {
                thread.execute(this::greet);
            }
        }
        return subscriber.emitter;
    }

    /** How many streams are open on this instance now. */
    int subscriberCount() {
        return subscribers.size();
    }

    private void leave(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /**
     * A reading that fails (the database out of reach) is tried again at the next tick; it is logged when
     * the failures begin and when they end, not four times a second. The streams stay open meanwhile,
     * kept alive, and carry on once the positions can be read again.
     */
    private void pollOrWarn() {
        try {
            poll();
            if (failing) {
                failing = false;
                log.info("Reading the projections' positions for their streams works again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("Reading the projections' positions for their streams failed, retried every {} ms: {}",
                         properties.pollInterval().toMillis(), e.toString());
            }
        }
    }

    private void poll() {
        synchronized (this) {
            if (subscribers.isEmpty()) {
                if (polling != null) {
                    polling.cancel(false);
                    polling = null;
                }
                lastReading = null;
                lastKeepAliveNanos = null;
                return;
            }
        }
        keepAlive();
        Map<String, ProjectionPosition> reading = positions.currentOfEach();
        long head = positions.headPosition();
        Map<String, ProjectionPosition> previous = lastReading;
        lastReading = reading;
        lastHead = head;
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.greeted) {
                greet(subscriber);
                continue;
            }
            reading.forEach((name, position) -> {
                ProjectionPosition before = previous == null ? null : previous.get(name);
                if ((before == null || before.position() != position.position()) && subscriber.follows(name)) {
                    send(subscriber, name, position);
                }
            });
        }
    }

    /** Every {@code keep-alive} from when the polling started, to every stream, whether the reading works or not. */
    private void keepAlive() {
        long now = System.nanoTime();
        if (lastKeepAliveNanos == null) {
            lastKeepAliveNanos = now;
        } else if (now - lastKeepAliveNanos >= properties.keepAlive().toNanos()) {
            lastKeepAliveNanos = now;
            for (Subscriber subscriber : subscribers) {
                send(subscriber, SseEmitter.event().comment(KEEP_ALIVE));
            }
        }
    }

    /** The newcomers get the last reading; without one yet, the first poll, already scheduled, greets them. */
    private void greet() {
        if (lastReading != null) {
            subscribers.stream().filter(subscriber -> !subscriber.greeted).forEach(this::greet);
        }
    }

    private void greet(Subscriber subscriber) {
        subscriber.greeted = true;
        lastReading.forEach((name, position) -> {
            if (subscriber.follows(name)) {
                send(subscriber, name, position);
            }
        });
    }

    private void send(Subscriber subscriber, String name, ProjectionPosition position) {
        ProjectionAdvance advance = new ProjectionAdvance(name, position.position(),
                                                          Math.max(lastHead, position.position()));
        send(subscriber, SseEmitter.event().name(EVENT).id(Long.toString(advance.position()))
                                   .data(advance, MediaType.APPLICATION_JSON));
    }

    /**
     * A write that fails means the client went or the stream already ended: the subscriber is dropped,
     * and the container's notice ends the request (completing it here would try to answer again).
     */
    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            log.debug("A projection stream ended: {}", e.toString());
            leave(subscriber);
        }
    }

    @Override
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread streaming = new Thread(task, "projection-stream");
            streaming.setDaemon(true);
            return streaming;
        });
    }

    /**
     * Ends every stream, so that the web server's graceful shutdown (a later phase) finds no request in
     * flight to wait for; clients see the stream end and may reconnect to another instance.
     */
    @Override
    public void stop() {
        ScheduledExecutorService executor;
        synchronized (this) {
            executor = thread;
            thread = null;
            polling = null;
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        for (Subscriber subscriber : subscribers) {
            subscriber.emitter.complete();
        }
        subscribers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
