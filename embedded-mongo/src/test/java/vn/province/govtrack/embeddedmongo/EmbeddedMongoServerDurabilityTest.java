package vn.province.govtrack.embeddedmongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;

class EmbeddedMongoServerDurabilityTest {

    private static final int WRITES = 500;

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedWriteSurvivesAKillMinus9OfTheServer() throws Exception {
        Path dataDir = temp.resolve("data");
        List<Integer> insertedIds = new ArrayList<>();
        List<Integer> updatedIds = new ArrayList<>();
        long acknowledgedCounter = 0;

        try (EmbeddedMongoServerProcess server = EmbeddedMongoServerProcess.start(
                temp.resolve("first-run.log"), "--data-dir=" + dataDir)) {
            try (MongoClient client = MongoClients.create(server.uri())) {
                MongoCollection<Document> things = client.getDatabase("durability").getCollection("things");
                MongoCollection<Document> counters = client.getDatabase("durability").getCollection("counters");
                for (int i = 1; i <= WRITES; i++) {
                    if (i % 3 == 0 && !insertedIds.isEmpty()) {
                        int target = insertedIds.get(insertedIds.size() - 1);
                        things.updateOne(eq("_id", target), set("updatedBy", i));
                        updatedIds.add(target);
                    } else {
                        things.insertOne(new Document("_id", i).append("payload", "write " + i));
                        insertedIds.add(i);
                    }
                    Document counter = counters.findOneAndUpdate(eq("_id", "writes"), inc("value", 1L),
                            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                    acknowledgedCounter = counter.getLong("value");
                }
            }
            server.killHard();
        }

        try (EmbeddedMongoServerProcess server = EmbeddedMongoServerProcess.start(
                temp.resolve("second-run.log"), "--data-dir=" + dataDir);
             MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> things = client.getDatabase("durability").getCollection("things");
            MongoCollection<Document> counters = client.getDatabase("durability").getCollection("counters");

            List<Integer> storedIds = things.find().map(document -> document.getInteger("_id")).into(new ArrayList<>());
            assertThat(storedIds).containsExactlyInAnyOrderElementsOf(insertedIds);
            for (int id : updatedIds) {
                assertThat(things.find(eq("_id", id)).first()).as("document %d", id).containsKey("updatedBy");
            }
            assertThat(acknowledgedCounter).isEqualTo(WRITES);
            assertThat(counters.find(eq("_id", "writes")).first()).containsEntry("value", acknowledgedCounter);
        }
    }

    @Test
    void aServerStoppedWithSigtermKeepsItsDataAndLogsItsShutdown() throws Exception {
        Path dataDir = temp.resolve("data");
        EmbeddedMongoServerProcess first = EmbeddedMongoServerProcess.start(temp.resolve("first.log"), "--data-dir=" + dataDir);
        try (MongoClient client = MongoClients.create(first.uri())) {
            client.getDatabase("shutdown").getCollection("things").insertOne(new Document("_id", "kept"));
        }
        first.stop();
        assertThat(first.output()).contains("Embedded MongoDB stopped");

        try (EmbeddedMongoServerProcess second = EmbeddedMongoServerProcess.start(
                temp.resolve("second.log"), "--data-dir=" + dataDir);
             MongoClient client = MongoClients.create(second.uri())) {
            assertThat(client.getDatabase("shutdown").getCollection("things").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryRefusesToStartAndSaysWhy() throws Exception {
        Path dataDir = temp.resolve("data");
        try (EmbeddedMongoServerProcess first = EmbeddedMongoServerProcess.start(
                temp.resolve("first.log"), "--data-dir=" + dataDir)) {

            assertThatThrownBy(() -> EmbeddedMongoServerProcess.start(temp.resolve("second.log"), "--data-dir=" + dataDir))
                    .hasMessageContaining("did not become ready")
                    .hasMessageContaining("is another embedded MongoDB using this data directory?");
        }
    }
}
