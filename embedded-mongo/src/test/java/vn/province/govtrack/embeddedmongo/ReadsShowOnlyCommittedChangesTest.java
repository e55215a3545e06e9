package vn.province.govtrack.embeddedmongo;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.embeddedmongo.HeldCommands.hold;
import static vn.province.govtrack.embeddedmongo.HeldCommands.uri;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A change is visible the moment it is applied, before its commit reaches the file. A reply that shows
 * it must not leave before it is in the file: otherwise a kill at that moment loses a change a reader
 * has already acted on (DurableH2Backend's class comment).
 */
class ReadsShowOnlyCommittedChangesTest {

    @Test
    void a_read_that_shows_a_change_whose_commit_is_held_back_answers_only_once_the_change_is_in_the_file(
            @TempDir Path temp) throws Exception {
        DurableH2Backend backend = DurableH2Backend.open(temp.resolve("govtrack.mv"), false);
        MongoServer server = new MongoServer(backend);
        CountDownLatch writeApplied = new CountDownLatch(1);
        CountDownLatch releaseTheWrite = new CountDownLatch(1);
        try (MongoClient writerClient = MongoClients.create(uri(server.bind()));
             MongoClient readerClient = MongoClients.create(uri(server.getLocalAddress()))) {
            writerClient.getDatabase("seen").getCollection("things").insertOne(new Document("_id", "first"));
            backend.beforeCommittingAWrite(() -> {
                writeApplied.countDown();
                hold(releaseTheWrite);
            });
            Thread writer = new Thread(() -> writerClient.getDatabase("seen").getCollection("things")
                                                         .insertOne(new Document("_id", "held back")));
            writer.start();
            assertThat(writeApplied.await(30, TimeUnit.SECONDS)).as("the write was applied").isTrue();

            Document shown = readerClient.getDatabase("seen").getCollection("things").find(eq("_id", "held back")).first();

            assertThat(shown).as("the applied change is visible").isNotNull();
            assertThat(backend.everythingCommitted())
                    .as("when the read that showed it answered, the change was in the file").isTrue();
            releaseTheWrite.countDown();
            writer.join(30_000);
        } finally {
            releaseTheWrite.countDown();
            server.shutdownNow();
        }
    }
}
