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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    void a_checkpoint_of_the_export_signed_by_another_key_is_forged() throws IOException {
        KeyPair other = AuditKeys.generate();
        byte[] honest = exportLog(1, 9);

        LogExport.Verified underAnotherKey = LogExport.verify(new ByteArrayInputStream(honest), other.getPublic(),
                                                              none());

        assertThat(underAnotherKey.result().failure()).map(VerificationResult.Failure::reason)
                                                      .hasValue(Reason.CHECKPOINT_FORGED);
        assertThat(underAnotherKey.result().failure()).map(VerificationResult.Failure::position).hasValue(4L);
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
