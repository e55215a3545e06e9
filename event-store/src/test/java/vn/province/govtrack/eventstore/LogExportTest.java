package vn.province.govtrack.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;

import vn.province.govtrack.eventstore.VerificationResult.Reason;

/**
 * Exports are verified offline, from their bytes alone and a trusted public key: an export of the log or
 * of one stream verifies intact and signed; an export cut short, edited or carrying a forged checkpoint
 * fails at the exact position.
 *
 * <p>The log: positions 1 | 2 3 4 | 5 | 6 | 7 8 | 9, checkpoints at 4 and 8.
 */
class LogExportTest {

    private static final KeyPair KEYS = AuditKeys.generate();
    private static final Instant EXPORTED_AT = Instant.parse("2026-12-03T10:00:00Z");

    private final StoreFixture fixture = new StoreFixture();
    private final MongoEventStorageEngine engine = fixture.engine();

    @BeforeEach
    void appendTheLog() {
        StoreFixture.appendTheNineEventLog(engine);
        signCheckpointAt(4);
        signCheckpointAt(8);
    }

    @AfterEach
    void dropDatabase() {
        fixture.close();
    }

    @Test
    void an_export_of_the_whole_log_verifies_offline_intact_and_signed_with_progress() throws IOException {
        List<Long> progress = new ArrayList<>();

        LogExport.Verified verified = LogExport.verify(new ByteArrayInputStream(exportLog(1, 9)), KEYS.getPublic(),
                                                       (done, total) -> progress.add(done));

        assertThat(verified.result().intact()).as(verified.result().summary()).isTrue();
        assertThat(verified.result().verifiedThrough()).isEqualTo(9);
        assertThat(verified.result().checkpoint()).map(Checkpoint::position).hasValue(8L);
        assertThat(verified.result().eventsChecked()).isEqualTo(9);
        assertThat(verified.complete()).isTrue();
        assertThat(verified.signed()).as("position 9 lies after the newest checkpoint").isFalse();
        assertThat(verified.header().scope()).isEqualTo("log");
        assertThat(progress).last().isEqualTo(9L);
    }

    @Test
    void a_stretch_of_the_log_starts_at_the_commit_holding_its_first_position_and_verifies_from_its_hash_before()
            throws IOException {
        byte[] export = exportLog(3, 8);

        LogExport.Verified verified = LogExport.verify(new ByteArrayInputStream(export), KEYS.getPublic(), none());

        assertThat(verified.header().fromPosition()).isEqualTo(2);
        assertThat(verified.result().intact()).as(verified.result().summary()).isTrue();
        assertThat(verified.result().verifiedThrough()).isEqualTo(8);
        assertThat(verified.result().checkpoint()).map(Checkpoint::position).hasValue(8L);
        assertThat(verified.signed()).as("ends at the checkpoint").isTrue();
    }

    @Test
    void a_stream_export_shows_only_that_streams_events_and_still_reaches_the_checkpoint_after_them()
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = LogExport.writeStream(engine, "dossier-2", EXPORTED_AT, out);
        String text = out.toString(StandardCharsets.UTF_8);

        LogExport.Verified verified = LogExport.verify(new ByteArrayInputStream(out.toByteArray()), KEYS.getPublic(),
                                                       none());

        assertThat(written).isEqualTo(2);
        assertThat(text).contains("d2 received", "d2 resolved").doesNotContain("d1 received", "recruited", "seconded");
        assertThat(verified.result().intact()).as(verified.result().summary()).isTrue();
        assertThat(verified.header().fromPosition()).isEqualTo(2);
        assertThat(verified.result().verifiedThrough()).isEqualTo(8);
        assertThat(verified.result().checkpoint()).map(Checkpoint::position).hasValue(8L);
        assertThat(verified.streamEvents()).isEqualTo(2);
        assertThat(verified.signed()).isTrue();
        assertThat(LogExport.writeStream(engine, "no-such-stream", EXPORTED_AT, new ByteArrayOutputStream())).isZero();
    }

    @Test
    void an_export_cut_short_at_a_line_end_is_truncated_after_its_last_whole_commit() throws IOException {
        String[] lines = new String(exportLog(1, 9), StandardCharsets.UTF_8).split("\n");
        String cut = String.join("\n", Arrays.copyOf(lines, 4)) + "\n"; // header and the commits at 1, 2, 5

        LogExport.Verified verified = verify(cut);

        assertThat(verified.result().intact()).isFalse();
        assertThat(verified.result().failure()).map(VerificationResult.Failure::reason).hasValue(Reason.TRUNCATED);
        assertThat(verified.result().failure()).map(VerificationResult.Failure::position).hasValue(6L);
        assertThat(verified.complete()).isFalse();
    }

    @Test
    void an_export_cut_inside_a_line_is_truncated_there() throws IOException {
        String whole = new String(exportLog(1, 9), StandardCharsets.UTF_8);
        String cut = whole.substring(0, whole.indexOf("d1 resolved"));

        LogExport.Verified verified = verify(cut);

        assertThat(verified.result().failure()).map(VerificationResult.Failure::reason).hasValue(Reason.TRUNCATED);
        assertThat(verified.result().failure()).map(VerificationResult.Failure::position).hasValue(7L);
    }

    @Test
    void an_export_missing_only_its_end_line_is_truncated() throws IOException {
        String whole = new String(exportLog(1, 9), StandardCharsets.UTF_8);
        String cut = whole.substring(0, whole.lastIndexOf("{\"end\""));

        LogExport.Verified verified = verify(cut);

        assertThat(verified.result().failure()).map(VerificationResult.Failure::reason).hasValue(Reason.TRUNCATED);
        assertThat(verified.result().failure()).map(VerificationResult.Failure::position).hasValue(10L);
    }

    @Test
    void a_payload_edited_in_the_export_is_an_altered_event_at_its_position() throws IOException {
        String edited = new String(exportLog(1, 9), StandardCharsets.UTF_8).replace("d2 resolved", "d2 refused!");

        LogExport.Verified verified = verify(edited);

        assertThat(verified.result().failure()).map(VerificationResult.Failure::reason)
                                               .hasValue(Reason.EVENT_ALTERED);
        assertThat(verified.result().failure()).map(VerificationResult.Failure::position).hasValue(6L);
    }

    @Test
    void under_another_key_the_exports_checkpoints_prove_nothing_and_it_is_unsigned() throws IOException {
        KeyPair other = AuditKeys.generate();

        LogExport.Verified underAnotherKey = LogExport.verify(new ByteArrayInputStream(exportLog(1, 9)),
                                                              other.getPublic(), none());

        assertThat(underAnotherKey.result().intact()).isTrue();
        assertThat(underAnotherKey.result().checkpoint()).isEmpty();
        assertThat(underAnotherKey.signed()).isFalse();
    }

    @Test
    void a_checkpoint_of_the_export_whose_signature_was_forged_under_the_trusted_key_id_is_forged() throws IOException {
        KeyPair other = AuditKeys.generate();
        Checkpoint forged = Checkpoint.sign(4, engine.logReader().hashBefore(5), Instant.now(), other.getPrivate(),
                                            AuditKeys.keyId(KEYS.getPublic()));
        String signature = java.util.Base64.getEncoder().encodeToString(forged.signature());
        String export = new String(exportLog(1, 9), StandardCharsets.UTF_8)
                .replaceFirst("(\"position\":4,[^}]*\"signature\":\")[^\"]*", "$1" + signature);

        LogExport.Verified verified = verify(export);

        assertThat(verified.result().failure()).map(VerificationResult.Failure::reason)
                                               .hasValue(Reason.CHECKPOINT_FORGED);
        assertThat(verified.result().failure()).map(VerificationResult.Failure::position).hasValue(4L);
    }

    @Test
    void an_export_of_the_log_may_not_carry_a_commit_by_its_digest_only() throws IOException {
        String[] lines = new String(exportLog(1, 9), StandardCharsets.UTF_8).split("\n");
        // the commit at 5 (staff-1 seconded) replaced by its digest and hash, as a stream export carries others
        String digest = opaqueLineOf(5);
        lines[3] = digest;

        LogExport.Verified verified = verify(String.join("\n", lines) + "\n");

        assertThat(verified.result().failure()).map(VerificationResult.Failure::reason)
                                               .hasValue(Reason.COMMIT_ALTERED);
        assertThat(verified.result().failure()).map(VerificationResult.Failure::position).hasValue(5L);
    }

    @Test
    void a_stream_export_that_hides_an_event_of_its_stream_behind_its_digest_is_incomplete() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogExport.writeStream(engine, "dossier-1", EXPORTED_AT, out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        // the commit at 2 shows d1 received (2) and d1 assigned (3) in full: hide the second behind its digest
        lines[1] = lines[1].replaceFirst("\\{\"position\":3,\"id\":.*?\"meta\":\"(\\\\.|[^\"\\\\])*\",", "{\"position\":3,");

        LogExport.Verified verified = verify(String.join("\n", lines) + "\n");

        assertThat(verified.result().failure()).map(VerificationResult.Failure::reason)
                                               .hasValue(Reason.STREAM_INCOMPLETE);
        assertThat(verified.result().failure()).map(VerificationResult.Failure::position).hasValue(7L);
    }

    @Test
    void in_the_database_an_event_whose_fields_were_removed_is_altered_not_opaque() {
        MongoCollection<Document> raw = fixture.database.getCollection("events");
        raw.updateOne(new Document("_id", 5L), new Document("$unset", new Document("events.0.id", "")
                .append("events.0.type", "").append("events.0.payload", "").append("events.0.meta", "")));

        VerificationResult result = engine.verifyLog(KEYS.getPublic(), none());

        assertThat(result.failure()).map(VerificationResult.Failure::reason).hasValue(Reason.EVENT_ALTERED);
        assertThat(result.failure()).map(VerificationResult.Failure::position).hasValue(5L);
    }

    /** The line a stream export writes for the commit at {@code first}, which it does not show. */
    private String opaqueLineOf(long first) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogExport.writeStream(engine, "dossier-2", EXPORTED_AT, out);
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{\"first\":" + first + ",") && line.contains("\"digest\"") && !line.contains("events")) {
                return line;
            }
        }
        throw new AssertionError("no opaque line for " + first);
    }

    @Test
    void something_that_is_not_an_export_is_refused_as_such() {
        assertThatThrownBy(() -> verify("{\"format\":\"something else\"}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(LogExport.FORMAT);
        assertThatThrownBy(() -> verify("")).isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] exportLog(long from, long to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogExport.writeLog(engine, from, to, EXPORTED_AT, out);
        return out.toByteArray();
    }

    private static LogExport.Verified verify(String export) throws IOException {
        return LogExport.verify(new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)), KEYS.getPublic(),
                                none());
    }

    private void signCheckpointAt(long position) {
        StoreFixture.signCheckpointAt(engine, position, KEYS);
    }

    private static ChainVerifier.Progress none() {
        return (done, total) -> { };
    }
}
