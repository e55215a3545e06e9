package vn.province.govtrack.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;

import vn.province.govtrack.eventstore.VerificationResult.Reason;

/**
 * The log is one hash chain: any edit of a stored commit, made with the raw driver as an operator with
 * database access could, is found by the verifier at its exact position; a signed checkpoint that was
 * forged is found at its own.
 *
 * <p>The log: positions 1 | 2 3 4 | 5 | 6 | 7 8 | 9, commits of one, three, one, one, two and one events.
 */
class TamperEvidentLogTest {

    private static final KeyPair KEYS = AuditKeys.generate();

    private final StoreFixture fixture = new StoreFixture();
    private final MongoEventStorageEngine engine = fixture.engine();
    private final MongoCollection<Document> raw = fixture.database.getCollection("events");

    @AfterEach
    void dropDatabase() {
        fixture.close();
    }

    @Test
    void an_untouched_log_is_intact_up_to_its_head_and_signed_at_its_newest_checkpoint() {
        appendTheLog();
        signCheckpointAt(4);
        signCheckpointAt(8);
        List<Long> progress = new ArrayList<>();

        VerificationResult result = engine.verifyLog(KEYS.getPublic(), (done, total) -> progress.add(done));

        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.verifiedThrough()).isEqualTo(9);
        assertThat(result.eventsChecked()).isEqualTo(9);
        assertThat(result.checkpoint()).map(Checkpoint::position).hasValue(8L);
        assertThat(result.summary()).startsWith("intact up to position 9, signed at checkpoint 8");
        assertThat(progress).last().isEqualTo(9L);
    }

    @Test
    void one_byte_changed_in_a_payload_in_the_middle_of_a_commit_is_an_altered_event_at_its_position() {
        appendTheLog();
        Document commit = raw.find(new Document("_id", 2L)).first();
        String payload = commit.getList("events", Document.class).get(1).getString("payload");
        String changed = payload.replace("d1 assigned", "d1 assignee");
        raw.updateOne(new Document("_id", 2L), new Document("$set", new Document("events.1.payload", changed)));

        assertFailure(engine.verifyLog(KEYS.getPublic(), none()), 3, Reason.EVENT_ALTERED, 1);
    }

    @Test
    void a_deleted_commit_is_a_missing_position_at_its_first_position() {
        appendTheLog();
        raw.deleteOne(new Document("_id", 5L));

        assertFailure(engine.verifyLog(KEYS.getPublic(), none()), 5, Reason.POSITION_MISSING, 4);
    }

    @Test
    void commits_deleted_over_more_than_a_lookup_window_are_a_missing_position_at_the_first_of_them() {
        int window = LogReader.COMMITS_PER_WINDOW;
        for (int seq = 0; seq < 3 * window; seq++) {
            engine.appendEvents(StoreFixture.event("staff-1", seq, "note " + seq));
        }
        // two windows' worth: whatever way the reader's windows fall, one of them holds no commit
        long firstDeleted = window / 2;
        raw.deleteMany(new Document("_id", new Document("$gte", firstDeleted).append("$lt", firstDeleted + 2L * window)));

        assertFailure(engine.verifyLog(KEYS.getPublic(), none()), firstDeleted, Reason.POSITION_MISSING,
                      firstDeleted - 1);
    }

    @Test
    void two_commits_whose_contents_were_swapped_fail_at_the_first_of_them() {
        appendTheLog();
        swapContents(5L, 6L);

        assertFailure(engine.verifyLog(KEYS.getPublic(), none()), 5, Reason.POSITION_OUT_OF_PLACE, 4);
    }

    @Test
    void two_commits_of_different_lengths_inserted_again_at_each_others_position_fail_at_the_first_of_them() {
        appendTheLog();
        Document six = raw.find(new Document("_id", 6L)).first();
        Document seven = raw.find(new Document("_id", 7L)).first();
        raw.deleteMany(new Document("_id", new Document("$in", List.of(6L, 7L))));
        raw.insertOne(six.append("_id", 7L));
        raw.insertOne(seven.append("_id", 6L));

        assertFailure(engine.verifyLog(KEYS.getPublic(), none()), 6, Reason.POSITION_OUT_OF_PLACE, 5);
    }

    @Test
    void edited_metadata_is_an_altered_event_at_its_position() {
        appendTheLog();
        raw.updateOne(new Document("_id", 6L),
                      new Document("$set", new Document("events.0.meta", "{\"actor\":\"someone else\"}")));

        assertFailure(engine.verifyLog(KEYS.getPublic(), none()), 6, Reason.EVENT_ALTERED, 5);
    }

    @Test
    void a_changed_chain_hash_is_an_altered_commit() {
        appendTheLog();
        byte[] hash = CommitCodec.bytes(raw.find(new Document("_id", 7L)).first().get("hash"));
        hash[0] ^= 1;
        raw.updateOne(new Document("_id", 7L), new Document("$set", new Document("hash", new Binary(hash))));

        assertFailure(engine.verifyLog(KEYS.getPublic(), none()), 7, Reason.COMMIT_ALTERED, 6);
    }

    @Test
    void a_log_rewritten_with_recomputed_hashes_is_caught_by_the_checkpoint_signed_before() {
        appendTheLog();
        signCheckpointAt(8);
        // the operator edits an event and recomputes every digest and hash after it, but cannot sign
        raw.updateOne(new Document("_id", 6L),
                      new Document("$set", new Document("events.0.meta", "{\"actor\":\"someone else\"}")));
        rechainFrom(6L);

        assertThat(engine.verifyLog(null, none()).intact()).as("without checkpoints").isTrue();
        assertFailure(engine.verifyLog(KEYS.getPublic(), none()), 8, Reason.CHECKPOINT_MISMATCH, 8);
    }

    @Test
    void a_checkpoint_signed_by_another_key_is_forged() {
        appendTheLog();
        signCheckpointAt(4);
        KeyPair other = AuditKeys.generate();
        engine.auditCheckpoints().record(Checkpoint.sign(8, engine.logReader().hashBefore(9), Instant.now(),
                                                         other.getPrivate(), AuditKeys.keyId(KEYS.getPublic())));

        VerificationResult result = engine.verifyLog(KEYS.getPublic(), none());

        assertFailure(result, 8, Reason.CHECKPOINT_FORGED, 8);
        assertThat(result.checkpoint()).map(Checkpoint::position).hasValue(4L);
    }

    @Test
    void a_checkpoint_whose_hash_was_changed_after_signing_is_forged() {
        appendTheLog();
        signCheckpointAt(5);
        MongoCollection<Document> checkpoints = fixture.database.getCollection("audit_checkpoints");
        byte[] hash = engine.logReader().hashBefore(5);
        checkpoints.updateOne(new Document("_id", 5L), new Document("$set", new Document("hash", new Binary(hash))));

        assertFailure(engine.verifyLog(KEYS.getPublic(), none()), 5, Reason.CHECKPOINT_FORGED, 5);
    }

    @Test
    void commits_removed_from_the_end_below_a_checkpoint_are_a_truncated_log() {
        appendTheLog();
        signCheckpointAt(9);
        raw.deleteMany(new Document("_id", new Document("$gte", 7L)));

        assertFailure(engine.verifyLog(KEYS.getPublic(), none()), 7, Reason.TRUNCATED, 6);
    }

    @Test
    void a_commit_without_its_hash_is_reported_as_such() {
        appendTheLog();
        raw.updateOne(new Document("_id", 9L), new Document("$unset", new Document("hash", "")));

        assertFailure(engine.verifyLog(KEYS.getPublic(), none()), 9, Reason.MISSING_HASH, 8);
    }

    @Test
    void a_stretch_of_the_log_verifies_from_the_hash_before_it_and_one_aggregates_commits_are_read_alone() {
        appendTheLog();
        LogReader reader = engine.logReader();

        VerificationResult stretch;
        try (Stream<LoggedCommit> commits = reader.read(5, 8)) {
            stretch = ChainVerifier.from(5, reader.hashBefore(5)).declaredEnd(8).verify(commits.iterator());
        }

        assertThat(stretch.intact()).as(stretch.summary()).isTrue();
        assertThat(stretch.verifiedThrough()).isEqualTo(8);
        assertThat(stretch.chainHash()).isEqualTo(reader.hashBefore(9));
        assertThat(reader.streamCommits("dossier-1")).extracting(LoggedCommit::first).containsExactly(2L, 7L);
        assertThat(reader.read(3, 3).toList()).extracting(LoggedCommit::first).containsExactly(2L);
        assertThat(reader.read(1, 9).toList().get(1).events()).extracting(LoggedEvent::position)
                                                              .containsExactly(2L, 3L, 4L);
    }

    private void appendTheLog() {
        StoreFixture.appendTheNineEventLog(engine);
        assertThat(engine.headPosition()).isEqualTo(9);
    }

    private void signCheckpointAt(long position) {
        StoreFixture.signCheckpointAt(engine, position, KEYS);
    }

    /** Exchanges the events, extent, time and hash of two commits in place, as an operator could with the shell. */
    private void swapContents(long first, long second) {
        Document a = raw.find(new Document("_id", first)).first();
        Document b = raw.find(new Document("_id", second)).first();
        raw.updateOne(new Document("_id", first), new Document("$set", contents(b)));
        raw.updateOne(new Document("_id", second), new Document("$set", contents(a)));
    }

    private static Document contents(Document commit) {
        return new Document("last", commit.get("last")).append("committedAt", commit.get("committedAt"))
                                                      .append("hash", commit.get("hash"))
                                                      .append("events", commit.get("events"));
    }

    /** Recomputes the digests and hashes from {@code first} on, as someone who knows the encoding could. */
    private void rechainFrom(long first) {
        byte[] previous = engine.logReader().hashBefore(first);
        LogDigests digests = new LogDigests();
        for (Document commit : raw.find(new Document("_id", new Document("$gte", first))).sort(new Document("_id", 1))) {
            previous = CommitCodec.seal(commit, previous, digests);
            raw.replaceOne(new Document("_id", commit.get("_id")), commit);
        }
    }

    private static ChainVerifier.Progress none() {
        return (done, total) -> { };
    }

    private static void assertFailure(VerificationResult result, long position, Reason reason, long intactThrough) {
        assertThat(result.intact()).as(result.summary()).isFalse();
        assertThat(result.failure()).as(result.summary()).hasValueSatisfying(failure -> {
            assertThat(failure.position()).isEqualTo(position);
            assertThat(failure.reason()).isEqualTo(reason);
        });
        assertThat(result.verifiedThrough()).as(result.summary()).isEqualTo(intactThrough);
    }
}
