package vn.province.govtrack.embeddedmongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The durable backend's unique indexes compare keys in the order mongo-java-server's own H2 backend
 * wrote them: a data file written before finds every key, and refuses a duplicate, after.
 */
class SerializedKeyCachingIndexTest {

    private static final int DOCUMENTS = 3_000;

    @Test
    void an_index_written_by_the_plain_backend_is_found_and_still_unique_with_the_caching_key_type(@TempDir Path temp) {
        Path file = temp.resolve("store.mv");
        MongoServer before = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(uri(before.bind()))) {
            MongoCollection<Document> things = client.getDatabase("keys").getCollection("things");
            things.createIndex(Indexes.ascending("tags"), new IndexOptions().unique(true));
            IntStream.range(0, DOCUMENTS).forEach(i -> things.insertOne(
                    new Document("_id", "doc-" + i).append("tags", List.of("t" + i, "u" + (DOCUMENTS - i)))));
        } finally {
            before.shutdown();
        }

        MongoServer after = new MongoServer(DurableH2Backend.open(file, false));
        try (MongoClient client = MongoClients.create(uri(after.bind()))) {
            MongoCollection<Document> things = client.getDatabase("keys").getCollection("things");
            for (int i = 0; i < DOCUMENTS; i += 7) {
                assertThat(things.find(eq("_id", "doc-" + i)).first()).as("doc-%d by _id", i).isNotNull();
                assertThat(things.find(eq("tags", "u" + (DOCUMENTS - i))).first()).as("doc-%d by tag", i)
                        .containsEntry("_id", "doc-" + i);
            }
            assertThat(things.countDocuments(in("_id", IntStream.range(0, 100).mapToObj(i -> "doc-" + i * 30).toList())))
                    .isEqualTo(100);
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "copy").append("tags", List.of("t42"))))
                    .isInstanceOfSatisfying(MongoWriteException.class, e ->
                            assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            things.insertOne(new Document("_id", "new").append("tags", List.of("fresh")));
            assertThat(things.find(eq("tags", "fresh")).first()).containsEntry("_id", "new");
        } finally {
            after.shutdown();
        }
    }

    private static String uri(InetSocketAddress address) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }
}
