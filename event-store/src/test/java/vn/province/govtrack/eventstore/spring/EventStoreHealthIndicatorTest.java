package vn.province.govtrack.eventstore.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import vn.province.govtrack.embeddedmongo.TestMongo;

class EventStoreHealthIndicatorTest {

    @Test
    void the_store_is_up_while_its_database_answers() {
        try (MongoClient client = MongoClients.create(TestMongo.uri())) {
            var health = new EventStoreHealthIndicator(client.getDatabase("health")).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("database", "health");
        }
    }

    @Test
    void the_store_is_down_when_nothing_answers_at_its_address() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + closedPort))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            assertThat(new EventStoreHealthIndicator(client.getDatabase("health")).health().getStatus())
                    .isEqualTo(Status.DOWN);
        }
    }
}
