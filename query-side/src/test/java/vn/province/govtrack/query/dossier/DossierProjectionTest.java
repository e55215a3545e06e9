package vn.province.govtrack.query.dossier;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.dossier.DossierStatus;

/** The projection against a real wire-protocol server, driven the way a tracking processor drives it. */
class DossierProjectionTest {

    private static MongoClient client;
    private static MongoProperties properties;

    private DossierProjection projection;
    private MongoCollection<Document> collection;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri());
        properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName("dossier_projection"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyReadModel() {
        DossierViews views = new DossierViews(client, properties);
        views.clear();
        projection = new DossierProjection(views);
        collection = client.getDatabase(properties.getDatabase()).getCollection(DossierViews.COLLECTION);
    }

    @Test
    void delivering_the_same_event_twice_leaves_the_document_and_the_count_as_after_the_first_delivery() {
        projection.on(DossierEvents.received("HS-1"), new GlobalSequenceTrackingToken(5));
        Document afterFirst = dossier("HS-1");
        long countAfterFirst = collection.countDocuments();

        projection.on(DossierEvents.received("HS-1"), new GlobalSequenceTrackingToken(5));

        assertThat(dossier("HS-1")).isEqualTo(afterFirst);
        assertThat(collection.countDocuments()).isEqualTo(countAfterFirst).isEqualTo(1);
        assertThat(afterFirst.getLong("lastPosition")).isEqualTo(5);
    }

    @Test
    void a_redelivered_earlier_event_does_not_undo_a_later_one() {
        projection.on(DossierEvents.received("HS-2"), new GlobalSequenceTrackingToken(3));
        projection.on(DossierEvents.resolvedEarly("HS-2"), new GlobalSequenceTrackingToken(4));
        Document resolved = dossier("HS-2");

        projection.on(DossierEvents.received("HS-2"), new GlobalSequenceTrackingToken(3));

        assertThat(dossier("HS-2")).isEqualTo(resolved);
        assertThat(resolved.getString("status")).isEqualTo(DossierStatus.RESOLVED.name());
        assertThat(resolved.getInteger("statusCode")).isEqualTo(9);
        assertThat(resolved.getLong("lastPosition")).isEqualTo(4);
    }

    @Test
    void a_replayed_event_is_placed_at_its_own_position_not_the_position_the_reset_started_from() {
        projection.on(DossierEvents.received("HS-3"),
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(6)));

        assertThat(dossier("HS-3").getLong("lastPosition")).isEqualTo(6);
    }

    @Test
    void the_stored_document_reads_back_as_the_state_the_fold_produced() {
        projection.on(DossierEvents.received("HS-4"), new GlobalSequenceTrackingToken(8));

        DossierView expected = DossierFold.evolve(DossierFold.initial("HS-4"), DossierEvents.received("HS-4"))
                                          .atPosition(8);
        assertThat(new DossierViews(client, properties).find("HS-4")).contains(expected);
    }

    @Test
    void a_reset_removes_every_dossier_the_projection_wrote() {
        projection.on(DossierEvents.received("HS-5"), new GlobalSequenceTrackingToken(1));
        projection.on(DossierEvents.received("HS-6"), new GlobalSequenceTrackingToken(2));

        projection.reset();

        assertThat(collection.countDocuments()).isZero();
    }

    private Document dossier(String dossierId) {
        return collection.find(eq("_id", dossierId)).first();
    }
}
