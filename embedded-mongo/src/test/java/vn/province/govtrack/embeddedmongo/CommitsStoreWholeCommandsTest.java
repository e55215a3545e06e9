package vn.province.govtrack.embeddedmongo;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.embeddedmongo.HeldCommands.hold;
import static vn.province.govtrack.embeddedmongo.HeldCommands.uri;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A commit stores whole write commands only: one taken while another command is still applying its
 * change (its document written, its index entries not yet) would put half of it in the file, for a
 * {@code kill -9} to leave behind (DurableH2Backend's comment on its lock). So a commit waits for the
 * writes under way.
 */
class CommitsStoreWholeCommandsTest {

    @Test
    void a_reply_that_commits_waits_for_a_write_still_being_applied_and_then_stores_it_whole(@TempDir Path temp)
            throws Exception {
        DurableH2Backend backend = DurableH2Backend.open(temp.resolve("govtrack.mv"), false);
        MongoServer server = new MongoServer(backend);
        CountDownLatch writeApplying = new CountDownLatch(1);
        CountDownLatch finishTheWrite = new CountDownLatch(1);
        try (MongoClient writerClient = MongoClients.create(uri(server.bind()));
             MongoClient readerClient = MongoClients.create(uri(server.getLocalAddress()))) {
            writerClient.getDatabase("whole").getCollection("things").insertOne(new Document("_id", "first"));
            backend.whileApplyingAWrite(() -> {
                writeApplying.countDown();
                hold(finishTheWrite);
            });
            CompletableFuture<Void> writer = CompletableFuture.runAsync(
                    () -> writerClient.getDatabase("whole").getCollection("things")
                                      .insertOne(new Document("_id", "being applied")));
            assertThat(writeApplying.await(30, TimeUnit.SECONDS)).as("the write is being applied").isTrue();

            CompletableFuture<Document> reader = CompletableFuture.supplyAsync(
                    () -> readerClient.getDatabase("whole").getCollection("things")
                                      .find(eq("_id", "first")).first());

            Thread.sleep(500); // the reader's commit would have long answered, had it not waited
            assertThat(reader).as("the reader's commit waits for the write under way").isNotDone();
            backend.whileApplyingAWrite(() -> { });
            finishTheWrite.countDown();
            assertThat(reader.get(30, TimeUnit.SECONDS)).isNotNull();
            writer.get(30, TimeUnit.SECONDS);
            assertThat(backend.everythingCommitted()).isTrue();
        } finally {
            finishTheWrite.countDown();
            server.shutdownNow();
        }
    }
}
