package vn.province.govtrack.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import vn.province.govtrack.embeddedmongo.TestMongo;

/** The log against a real wire-protocol server: a rebuild is counted once, whichever instance records it. */
class RebuildLogTest {

    private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");

    private static MongoClient client;
    private static RebuildLog log;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri());
        MongoProperties properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName("rebuild_log"));
        log = new RebuildLog(client, properties);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void a_request_taken_over_and_recorded_by_another_instance_is_not_counted_again_by_its_first_taker() {
        assertThat(log.request("staff", new RebuildScope(0), AT, null)).isTrue();
        RebuildLog.Request takenByFirst = log.take(log.request("staff").orElseThrow(), "first", AT).orElseThrow();
        RebuildLog.Request takenOver = log.take(takenByFirst, "second", AT.plusSeconds(60)).orElseThrow();
        assertThat(log.record(takenOver)).isEqualTo(1);

        long countedByFirst = log.record(takenByFirst);

        assertThat(countedByFirst).isEqualTo(1);
        assertThat(log.count("staff")).isEqualTo(1);
    }

    @Test
    void a_request_kept_taken_while_carried_out_cannot_be_taken_over_as_it_was_seen_before() {
        assertThat(log.request("units", new RebuildScope(0), AT, null)).isTrue();
        RebuildLog.Request taken = log.take(log.request("units").orElseThrow(), "first", AT).orElseThrow();
        RebuildLog.Request seenByAnother = log.request("units").orElseThrow();

        assertThat(log.stillTaken(taken, "first", AT.plusSeconds(10))).hasValueSatisfying(
                kept -> assertThat(kept.takenAt()).isEqualTo(AT.plusSeconds(10)));

        assertThat(log.take(seenByAnother, "second", AT.plusSeconds(60))).isEmpty();
        assertThat(log.stillTaken(taken, "second", AT.plusSeconds(60))).isEmpty();
    }
}
