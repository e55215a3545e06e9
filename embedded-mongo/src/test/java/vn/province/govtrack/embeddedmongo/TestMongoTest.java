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
