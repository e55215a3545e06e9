package vn.province.govtrack.query.staff;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.staff.StaffEvents.IT;
import static vn.province.govtrack.query.staff.StaffEvents.account;
import static vn.province.govtrack.query.staff.StaffEvents.recruited;
import static vn.province.govtrack.query.staff.StaffEvents.seconded;

import java.time.Instant;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.staff.StaffEvent;
import vn.province.govtrack.query.projection.RebuildScope;

/** The staff projection against a real wire-protocol server, driven the way a tracking processor drives it. */
class StaffProjectionTest {

    private static final Instant AT = Instant.parse("2025-07-01T02:00:00Z");

    private static MongoClient client;
    private static MongoProperties properties;

    private StaffProjection projection;
    private MongoCollection<Document> collection;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri());
        properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName("staff_projection"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyReadModel() {
        projection = new StaffProjection(client, properties, new ObjectMapper().findAndRegisterModules());
        projection.reset(RebuildScope.everything());
        collection = client.getDatabase(properties.getDatabase()).getCollection(StaffProjection.COLLECTION);
    }

    private void deliver(StaffEvent event, long position) {
        projection.on(event, new GlobalSequenceTrackingToken(position), AT, "hr.officer");
    }

    @Test
    void deliveringTheSameEventTwiceLeavesTheRecordAsAfterTheFirstDelivery() {
        deliver(recruited("CB-1", "SO", IT, "2025-01-01"), 5);
        Document afterFirst = stored("CB-1");

        deliver(recruited("CB-1", "SO", IT, "2025-01-01"), 5);

        assertThat(stored("CB-1")).isEqualTo(afterFirst);
        assertThat(collection.countDocuments()).isEqualTo(1);
        assertThat(afterFirst.getLong("lastPosition")).isEqualTo(5);
        assertThat(afterFirst.getList("movements", Document.class)).hasSize(1);
    }

    @Test
    void aRedeliveredEarlierEventDoesNotUndoOrRepeatALaterOne() {
        deliver(recruited("CB-2", "SO", IT, "2025-01-01"), 3);
        deliver(seconded("CB-2", 1, "SO", IT, "XA", "2025-07-01", "2025-12-31"), 4);
        Document seconded = stored("CB-2");

        deliver(recruited("CB-2", "SO", IT, "2025-01-01"), 3);
        deliver(seconded("CB-2", 1, "SO", IT, "XA", "2025-07-01", "2025-12-31"), 4);

        assertThat(stored("CB-2")).isEqualTo(seconded);
        assertThat(seconded.getList("secondments", Document.class)).hasSize(1);
    }

    @Test
    void aReplayedEventIsRecordedAtItsOwnPosition() {
        projection.on(recruited("CB-3", "SO", IT, "2025-01-01"),
                      ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(6)),
                      AT, "hr.officer");

        assertThat(stored("CB-3").getLong("lastPosition")).isEqualTo(6);
        assertThat(projection.records().find("CB-3").orElseThrow().movements().get(0).eventPosition()).isEqualTo(6);
    }

    @Test
    void theStoredRecordReadsBackAsTheRecordTheFoldProduced() {
        deliver(recruited("CB-4", "SO", IT, "2025-01-01"), 1);
        deliver(seconded("CB-4", 1, "SO", IT, "XA", "2025-07-01", "2025-12-31"), 2);
        deliver(account("CB-4", "tu.nv", "XA", "2025-07-02"), 3);

        StaffRecord expected = StaffFold.initial("CB-4");
        expected = StaffFold.evolve(expected, recruited("CB-4", "SO", IT, "2025-01-01"), new Recorded(1, AT, "hr.officer"));
        expected = StaffFold.evolve(expected, seconded("CB-4", 1, "SO", IT, "XA", "2025-07-01", "2025-12-31"),
                                    new Recorded(2, AT, "hr.officer"));
        expected = StaffFold.evolve(expected, account("CB-4", "tu.nv", "XA", "2025-07-02"),
                                    new Recorded(3, AT, "hr.officer"));
        assertThat(projection.records().find("CB-4")).contains(expected);
        assertThat(stored("CB-4").getList("units", String.class)).containsExactly("SO", "XA");
        assertThat(stored("CB-4").getList("accountUnits", String.class)).containsExactly("XA");
    }

    @Test
    void aResetRemovesEveryRecordTheProjectionWrote() {
        deliver(recruited("CB-5", "SO", IT, "2025-01-01"), 1);
        deliver(recruited("CB-6", "SO", IT, "2025-01-01"), 2);

        projection.reset(RebuildScope.everything());

        assertThat(collection.countDocuments()).isZero();
    }

    private Document stored(String staffId) {
        return collection.find(eq("_id", staffId)).first();
    }
}
