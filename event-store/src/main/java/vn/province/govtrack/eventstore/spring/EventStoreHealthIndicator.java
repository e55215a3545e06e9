package vn.province.govtrack.eventstore.spring;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import com.mongodb.client.MongoDatabase;

/**
 * {@code eventStore}: UP while the database that holds the event store answers a ping, with the
 * database's name. Part of both services' readiness group: a service that cannot reach its store
 * cannot accept a command or answer a query.
 *
 * <p>Bounded: while the client knows no server it can write to ({@link StoreReachability}) it answers
 * DOWN at once, without a round trip; otherwise the ping takes at most the client's
 * {@code govtrack.mongo.socket-timeout}. A database that dies or freezes is reported DOWN within
 * {@code heartbeat-frequency} + {@code connect-timeout} (4 s by default), and UP again at the first
 * heartbeat it answers. Liveness does not include it: an orchestrator should stop sending requests to a
 * service whose database is gone, not restart it.
 */
class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final StoreReachability reachability;

    EventStoreHealthIndicator(MongoDatabase database, StoreReachability reachability) {
        super("The event store's database does not answer");
        this.database = database;
        this.reachability = reachability;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!reachability.writable()) {
            builder.down().withDetail("database", database.getName()).withDetail("servers", reachability.why());
            return;
        }
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName());
    }
}
