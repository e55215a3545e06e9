package vn.province.govtrack.eventstore.spring;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import com.mongodb.client.MongoDatabase;

/**
 * {@code eventStore}: UP while the database that holds the event store answers a ping, with the
 * database's name. Part of both services' readiness group: a service that cannot reach its store
 * cannot accept a command or answer a query.
 */
class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;

    EventStoreHealthIndicator(MongoDatabase database) {
        super("The event store's database does not answer");
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName());
    }
}
