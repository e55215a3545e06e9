package vn.province.govtrack.eventstore.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import vn.province.govtrack.embeddedmongo.TestMongo;

class EventStoreHealthIndicatorTest {

    private final StoreReachability reachability = new StoreReachability();

    @Test
    void the_store_is_up_while_its_database_answers() throws Exception {
        try (MongoClient client = client(TestMongo.uri())) {
            var health = new EventStoreHealthIndicator(client.getDatabase("health"), reachability).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("database", "health");
        }
    }

    @Test
    void the_store_is_down_at_once_when_nothing_answers_at_its_address() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (MongoClient client = client("mongodb://127.0.0.1:" + closedPort)) {
            long started = System.nanoTime();
            Health health = new EventStoreHealthIndicator(client.getDatabase("health"), reachability).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("servers");
            // the client's server selection waits 3 s; the check does not wait for it
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        }
    }

    /** A client as the services make it: bounded waits, and the reachability the health check reads. */
    private MongoClient client(String uri) throws InterruptedException {
        MongoClientSettings.Builder settings = new MongoTimeouts(null, null, null, null, null)
                .applyTo(MongoClientSettings.builder())
                .applyToClusterSettings(cluster -> cluster.addClusterListener(reachability))
                .applyConnectionString(new ConnectionString(uri));
        MongoClient client = MongoClients.create(settings.build());
        if (!uri.equals(TestMongo.uri())) {
            return client;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!reachability.writable() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return client;
    }
}
