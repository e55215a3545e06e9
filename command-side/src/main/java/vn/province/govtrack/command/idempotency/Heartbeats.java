package vn.province.govtrack.command.idempotency;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Which command-side instances are alive, judged without comparing the clocks of two machines.
 *
 * <p>Each instance has an id for its lifetime and a document {@code {_id: id, beat: n, beatAt}} in
 * {@value #COLLECTION}, whose {@code beat} it increments every {@code heartbeat-period} on a thread of
 * its own (not the shared scheduler, where a long job would delay it). Another instance is presumed dead
 * once its beat has stood still for {@code owner-timeout}, measured with this instance's monotonic clock
 * from the moment it first saw that beat; a missing document counts as a beat standing still.
 * Observations are shared by all requests of this instance, so an instance found dead once is dead to
 * the next request at once. {@code beatAt} is for people and for the cleanup only.
 *
 * <p>A wrong presumption (an instance stalled for longer than the timeout, then going on) costs work done
 * twice, never an effect twice: one commit only can hold a command's idempotency key
 * (docs/adr/0005-idempotency.md).
 */
@Component
class Heartbeats implements SmartLifecycle {

    static final String COLLECTION = "idempotency_heartbeats";

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final MongoCollection<Document> heartbeats;
    private final String instanceId = UUID.randomUUID().toString();
    private final Duration period;
    private final Duration ownerTimeout;
    private final Clock clock;
    private final Map<String, Observation> observed = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService beating;

    /** A beat of another instance, and when (this instance's monotonic clock) it was first seen. */
    private record Observation(long beat, long sinceNanos) {
    }

    Heartbeats(MongoClient mongoClient, MongoProperties mongoProperties, IdempotencyProperties properties,
               Clock clock) {
        this.heartbeats = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection(COLLECTION);
        this.period = properties.heartbeatPeriod();
        this.ownerTimeout = properties.ownerTimeout();
        this.clock = clock;
    }

    /** This instance, as its claims name it. */
    String instanceId() {
        return instanceId;
    }

    /** Records one heartbeat of this instance. */
    void beat() {
        Date now = Date.from(clock.instant());
        heartbeats.updateOne(eq("_id", instanceId), Updates.combine(Updates.inc("beat", 1L), Updates.set("beatAt", now)),
                             new UpdateOptions().upsert(true));
    }

    /**
     * Whether {@code instance} is presumed dead: its beat has not changed for {@code owner-timeout} since
     * this instance first saw it. This instance itself never is.
     */
    boolean presumedDead(String instance) {
        if (instanceId.equals(instance)) {
            return false;
        }
        Document heartbeat = heartbeats.find(eq("_id", instance)).first();
        long beat = heartbeat == null ? -1 : heartbeat.get("beat", Number.class).longValue();
        long now = System.nanoTime();
        Observation seen = observed.compute(instance, (id, previous) ->
                previous != null && previous.beat() == beat ? previous : new Observation(beat, now));
        return now - seen.sinceNanos() >= ownerTimeout.toNanos();
    }

    /**
     * Forgets the instances silent for longer than {@code silence}: their documents (by their own
     * clocks, close enough at the scale of the retention) and what this instance observed of them.
     *
     * @return how many documents were deleted
     */
    long forgetSilentFor(Duration silence) {
        long now = System.nanoTime();
        observed.values().removeIf(observation -> now - observation.sinceNanos() > silence.toNanos());
        return heartbeats.deleteMany(lt("beatAt", Date.from(clock.instant().minus(silence)))).getDeletedCount();
    }

    private void beatOrWarn() {
        try {
            beat();
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again; a missed beat is only a late one.
            log.warn("Could not record this instance's heartbeat: {}", e.toString());
        }
    }

    /** Beats once before the web server takes requests, then every period on a thread of its own. */
    @Override
    public void start() {
        beatOrWarn();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "idempotency-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleAtFixedRate(this::beatOrWarn, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        beating = executor;
        log.info("Command-side instance {} beats every {}", instanceId, period);
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = beating;
        beating = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return beating != null;
    }

    /** Starts before the web server (a later phase) takes requests, and stops after it has stopped taking them. */
    @Override
    public int getPhase() {
        return 0;
    }
}
