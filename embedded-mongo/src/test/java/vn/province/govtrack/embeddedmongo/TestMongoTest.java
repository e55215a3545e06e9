package vn.province.govtrack.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

class TestMongoTest {

    @Test
    void theSharedServerStoresAndReturnsDocumentsOverTheWireProtocol() {
        try (MongoClient client = MongoClients.create(TestMongo.uri())) {
            MongoCollection<Document> things = client.getDatabase(TestMongo.freshDatabaseName("roundtrip"))
                    .getCollection("things");

            things.insertOne(new Document("_id", "a").append("value", 42));

            assertThat(things.find(new Document("_id", "a")).first()).containsEntry("value", 42);
        }
    }

    @Test
    void everyCallGetsTheSameServer() {
        assertThat(TestMongo.uri()).isEqualTo(TestMongo.uri()).startsWith("mongodb://");
    }

    @Test
    void withoutMongodbUriOrDockerTheServerIsTheInMemoryOne() {
        boolean configured = System.getenv("MONGODB_URI") != null && !System.getenv("MONGODB_URI").isBlank();
        boolean docker = System.getenv("DOCKER_HOST") != null || new java.io.File("/var/run/docker.sock").exists();
        org.junit.jupiter.api.Assumptions.assumeFalse(configured || docker, "a real MongoDB may be in use here");

        assertThat(TestMongo.kind()).isEqualTo("in-memory");
        assertThat(TestMongo.uri()).matches("mongodb://127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void freshDatabaseNamesAreUniqueAndAcceptableToMongoDb() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            names.add(TestMongo.freshDatabaseName("Dossier projection/test.with $odd chars"));
        }
        names.add(TestMongo.freshDatabaseName("x".repeat(200)));

        assertThat(names).hasSize(101).allSatisfy(name -> assertThat(name)
                .matches("[a-z0-9_-]+")
                .hasSizeLessThanOrEqualTo(63));
    }
}
