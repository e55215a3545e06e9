package vn.province.govtrack.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.province.govtrack.eventstore.StoreFixture.event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;

/**
 * How the chain is written: recording times that never decrease, stores written before layout 4
 * chained when opened, and checkpoints signed only over a chain the signer recomputed.
 */
class ChainWritingTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private final StoreFixture fixture = new StoreFixture();
    private final MongoCollection<Document> raw = fixture.database.getCollection("events");
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @AfterEach
    void dropDatabase() {
        fixture.close();
    }

    @Test
    void recording_times_never_decrease_when_the_clock_goes_back_and_the_position_recorded_by_an_instant_follows_them() {
        MongoEventStorageEngine engine = engineWithClock();
        now.set(T0.plusSeconds(10));
        engine.appendEvents(event("a", 0, "a0"));
        now.set(T0); // the clock was set back
        engine.appendEvents(event("a", 1, "a1"), event("a", 2, "a2"));
        now.set(T0.plusSeconds(5));
        engine.appendEvents(event("a", 3, "a3"));
        now.set(T0.plusSeconds(20));
        engine.appendEvents(event("a", 4, "a4"));

        assertThat(raw.find().sort(new Document("_id", 1)).map(doc -> doc.getDate("committedAt").toInstant())
                      .into(new ArrayList<>()))
                .containsExactly(T0.plusSeconds(10), T0.plusSeconds(10), T0.plusSeconds(10), T0.plusSeconds(20));
        assertThat(engine.positionRecordedBy(T0.plusSeconds(9))).isZero();
        assertThat(engine.positionRecordedBy(T0.plusSeconds(10))).isEqualTo(4);
        assertThat(engine.positionRecordedBy(T0.plusSeconds(19))).isEqualTo(4);
        assertThat(engine.positionRecordedBy(T0.plusSeconds(20))).isEqualTo(5);
        assertThat(engine.verifyLog(null, (done, total) -> { }).intact()).isTrue();
    }

    @Test
    void each_position_answers_the_recording_time_of_the_commit_holding_it_and_an_unwritten_one_none() {
        MongoEventStorageEngine engine = engineWithClock();
        now.set(T0.plusSeconds(10));
        engine.appendEvents(event("a", 0, "a0"));
        now.set(T0.plusSeconds(20));
        engine.appendEvents(event("a", 1, "a1"), event("a", 2, "a2"));

        assertThat(engine.recordedAt(1)).contains(T0.plusSeconds(10));
        assertThat(engine.recordedAt(2)).contains(T0.plusSeconds(20));
        assertThat(engine.recordedAt(3)).contains(T0.plusSeconds(20));
        assertThat(engine.recordedAt(4)).isEmpty();
    }

    @Test
    void a_commit_stored_without_a_recording_time_counts_as_recorded_before_any_instant() {
        MongoEventStorageEngine engine = engineWithClock();
        now.set(T0.plusSeconds(10));
        engine.appendEvents(event("a", 0, "a0"));
        now.set(T0.plusSeconds(20));
        engine.appendEvents(event("a", 1, "a1"), event("a", 2, "a2"));
        // as a store from before recording times holds it
        Document untimed = raw.find(new Document("_id", 1L)).first();
        untimed.remove("committedAt");
        raw.deleteOne(new Document("_id", 1L));
        raw.insertOne(untimed);

        assertThat(engine.positionRecordedBy(T0)).isEqualTo(1);
        assertThat(engine.positionRecordedBy(T0.plusSeconds(19))).isEqualTo(1);
        assertThat(engine.positionRecordedBy(T0.plusSeconds(20))).isEqualTo(3);
    }

    @Test
    void a_store_written_before_layout_4_is_chained_once_when_opened_and_then_verifies() {
        MongoEventStorageEngine engine = fixture.engine();
        engine.appendEvents(event("a", 0, "a0"), event("a", 1, "a1"));
        engine.appendEvents(event("b", 0, "b0"));
        engine.appendEvents(event("a", 2, "a2"), event("c", 0, "c0"), event("c", 1, "c1"));
        List<Document> chained = raw.find().sort(new Document("_id", 1)).into(new ArrayList<>());
        // as layout 3 left it: no digests, no hashes
        for (Document bare : raw.find().into(new ArrayList<>())) {
            bare.remove("hash");
            bare.getList("events", Document.class).forEach(event -> event.remove("h"));
            raw.replaceOne(new Document("_id", bare.get("_id")), bare);
        }
        fixture.database.getCollection("event_positions")
                        .updateOne(new Document("_id", "layout"), new Document("$set", new Document("version", 3)));
        assertThat(raw.countDocuments(new Document("hash", new Document("$exists", true)))).isZero();

        MongoEventStorageEngine reopened = fixture.engine();
        fixture.engine(); // a second instance finds layout 4 recorded and changes nothing

        assertThat(raw.find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                .extracting(doc -> doc.get("hash"), doc -> doc.getList("events", Document.class).get(0).get("h"))
                .containsExactlyElementsOf(chained.stream().map(doc -> tuple(
                        doc.get("hash"), doc.getList("events", Document.class).get(0).get("h"))).toList());
        reopened.appendEvents(event("b", 1, "b1"));
        VerificationResult result = reopened.verifyLog(null, (done, total) -> { });
        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.verifiedThrough()).isEqualTo(7);
    }

    @Test
    void the_signer_signs_at_the_head_once_enough_events_were_appended_and_the_signature_verifies() {
        MongoEventStorageEngine engine = engineWithClock();
        KeyPair keys = AuditKeys.generate();
        CheckpointSigner signer = new CheckpointSigner(engine, keys, 5, Duration.ofMinutes(5), clock);
        appendCommits(engine, "a", 3);

        assertThat(signer.signIfDue()).isEmpty();
        appendCommits(engine, "b", 2);
        assertThat(signer.signIfDue()).map(Checkpoint::position).hasValue(5L);
        appendCommits(engine, "c", 1);
        assertThat(signer.signIfDue()).as("one event, no time later").isEmpty();
        now.set(T0.plus(Duration.ofMinutes(6)));
        assertThat(signer.signIfDue()).as("any event, five minutes later").map(Checkpoint::position).hasValue(6L);
        assertThat(signer.signIfDue()).as("nothing new").isEmpty();

        VerificationResult result = engine.verifyLog(keys.getPublic(), (done, total) -> { });
        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.checkpoint()).map(Checkpoint::position).hasValue(6L);
        assertThat(engine.auditCheckpoints().all()).extracting(Checkpoint::keyId)
                                                   .containsOnly(AuditKeys.keyId(keys.getPublic()));
    }

    @Test
    void the_signer_refuses_to_sign_a_chain_that_does_not_verify_and_resumes_from_its_newest_checkpoint() {
        MongoEventStorageEngine engine = engineWithClock();
        KeyPair keys = AuditKeys.generate();
        appendCommits(engine, "a", 5);
        assertThat(new CheckpointSigner(engine, keys, 5, Duration.ofMinutes(5), clock).signIfDue()).isPresent();
        appendCommits(engine, "b", 5);
        raw.updateOne(new Document("_id", 8L), new Document("$set", new Document("events.0.payload", "{\"text\":\"x\"}")));

        CheckpointSigner restarted = new CheckpointSigner(engine, keys, 5, Duration.ofMinutes(5), clock);

        assertThat(restarted.signIfDue()).isEmpty();
        assertThat(engine.auditCheckpoints().all()).extracting(Checkpoint::position).containsExactly(5L);
    }

    @Test
    void the_newest_checkpoint_of_a_key_is_the_newest_that_names_it_and_verifies_under_it() {
        MongoEventStorageEngine engine = engineWithClock();
        KeyPair a = AuditKeys.generate();
        KeyPair b = AuditKeys.generate();
        appendCommits(engine, "a", 6);
        StoreFixture.signCheckpointAt(engine, 2, a);
        StoreFixture.signCheckpointAt(engine, 4, b);
        // names key a, signed by key b
        engine.auditCheckpoints().record(Checkpoint.sign(6, engine.logReader().hashBefore(7), T0, b.getPrivate(),
                                                         AuditKeys.keyId(a.getPublic())));

        assertThat(engine.auditCheckpoints().newestSignedBy(a.getPublic())).map(Checkpoint::position).hasValue(2L);
        assertThat(engine.auditCheckpoints().newestSignedBy(b.getPublic())).map(Checkpoint::position).hasValue(4L);
        assertThat(engine.auditCheckpoints().newestSignedBy(AuditKeys.generate().getPublic())).isEmpty();
    }

    @Test
    void after_a_key_rotation_the_new_key_signs_and_the_old_key_resumes_from_its_own_newest_checkpoint() {
        MongoEventStorageEngine engine = engineWithClock();
        KeyPair a = AuditKeys.generate();
        KeyPair b = AuditKeys.generate();
        appendCommits(engine, "a", 5);
        assertThat(new CheckpointSigner(engine, a, 5, Duration.ofMinutes(5), clock).signIfDue())
                .map(Checkpoint::position).hasValue(5L);
        appendCommits(engine, "b", 5);
        assertThat(engine.verifyLog(b.getPublic(), (done, total) -> { }).intact())
                .as("a verifier trusting key b passes over the checkpoints of key a").isTrue();

        assertThat(new CheckpointSigner(engine, b, 5, Duration.ofMinutes(5), clock).signIfDue())
                .as("key b verifies from position 1 and signs").map(Checkpoint::keyId)
                .hasValue(AuditKeys.keyId(b.getPublic()));
        appendCommits(engine, "c", 5);
        // below key a's checkpoint at 5 the signer of key a does not read the log again: an edit there is
        // the auditors' to find, and shows here only if the signer starts further back
        raw.updateOne(new Document("_id", 3L), new Document("$set", new Document("events.0.payload", "{\"text\":\"x\"}")));

        assertThat(new CheckpointSigner(engine, a, 5, Duration.ofMinutes(5), clock).signIfDue())
                .as("key a resumes from its own checkpoint at 5, not from key b's at 10 nor from position 1")
                .map(Checkpoint::position).hasValue(15L);
    }

    @Test
    void commits_longer_than_a_lookup_window_are_read_whole_and_the_log_goes_on_after_them() {
        MongoEventStorageEngine engine = fixture.engine();
        appendCommits(engine, "short", 200);
        List<DomainEventMessage<?>> imported = new ArrayList<>();
        for (int seq = 0; seq < 2500; seq++) {
            imported.add(event("imported", seq, "i" + seq));
        }
        engine.appendEvents(imported);
        appendCommits(engine, "after", 3);

        VerificationResult result = engine.verifyLog(null, (done, total) -> { });

        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(2703);
        assertThat(engine.logReader().read(1000, 2702).toList()).extracting(LoggedCommit::first)
                                                                .containsExactly(201L, 2701L, 2702L);
    }

    @Test
    void keys_travel_as_base64_and_a_key_pair_is_written_for_scripts() throws Exception {
        KeyPair keys = AuditKeys.generate();
        Path directory = Files.createTempDirectory("audit-keys");

        String keyId = AuditKeys.writeKeyPair(directory);

        assertThat(AuditKeys.arePair(AuditKeys.privateKey(AuditKeys.encode(keys.getPrivate())),
                                     AuditKeys.publicKey(AuditKeys.encode(keys.getPublic())))).isTrue();
        assertThat(AuditKeys.arePair(keys.getPrivate(), AuditKeys.generate().getPublic())).isFalse();
        assertThat(AuditKeys.keyId(AuditKeys.publicKey(Files.readString(
                directory.resolve("audit-public.key"))))).isEqualTo(keyId).hasSize(16);
        assertThat(AuditKeys.arePair(AuditKeys.privateKey(Files.readString(
                                             directory.resolve("audit-signing.key"))),
                                     AuditKeys.publicKey(Files.readString(
                                             directory.resolve("audit-public.key"))))).isTrue();
    }

    private static void appendCommits(MongoEventStorageEngine engine, String aggregate, int count) {
        long next = engine.lastSequenceNumberFor(aggregate).map(seq -> seq + 1).orElse(0L);
        for (int i = 0; i < count; i++) {
            engine.appendEvents(event(aggregate, next + i, aggregate + (next + i)));
        }
    }

    private MongoEventStorageEngine engineWithClock() {
        return MongoEventStorageEngine.builder()
                                      .database(fixture.database)
                                      .eventSerializer(StoreFixture.SERIALIZER)
                                      .snapshotSerializer(StoreFixture.SERIALIZER)
                                      .upcasterChain(NoOpEventUpcaster.INSTANCE)
                                      .clock(clock)
                                      .build();
    }
}
