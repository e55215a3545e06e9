package vn.province.govtrack.eventstore;

import static com.mongodb.client.model.Filters.lte;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Sorts;

/**
 * A copy of the log taken while writers append, restored into an empty store, is the same log: every
 * commit up to the head read when the copy began, stored exactly as in the original (positions, events,
 * recording times, keys, digests, chain hashes), verifying intact against the same signed checkpoints, and
 * an engine opened on it appends after it, chained to it.
 */
class LogRestoreTest {

    private static final KeyPair KEYS = AuditKeys.generate();
    private static final int WRITERS = 4;

    private final StoreFixture source = new StoreFixture();
    private final StoreFixture target = new StoreFixture();

    @AfterEach
    void dropDatabases() {
        source.close();
        target.close();
    }

    @Test
    void a_copy_taken_while_writers_append_restores_the_same_log_up_to_the_head_it_began_at() throws Exception {
        MongoEventStorageEngine engine = source.engine();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<Long>> appended = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String aggregate = "writer-" + w;
            appended.add(writers.submit(() -> {
                long seq = 0;
                while (writing.get()) {
                    // one event, or two of one aggregate and one of another: commits of several lengths
                    if (seq % 3 == 2) {
                        engine.appendEvents(StoreFixture.event(aggregate, seq, "note " + seq),
                                            StoreFixture.event(aggregate, seq + 1, "note " + (seq + 1)),
                                            StoreFixture.event(aggregate + "-" + seq, 0, "side note"));
                        seq += 2;
                    } else {
                        engine.appendEvents(StoreFixture.event(aggregate, seq, "note " + seq));
                        seq++;
                    }
                }
                return seq;
            }));
        }
        awaitHeadAtLeast(engine, 150);
        long signedAt = engine.headPosition();
        StoreFixture.signCheckpointAt(engine, signedAt, KEYS);

        LogReader reader = LogReader.of(source.database, "");
        long copiedUpTo = reader.head();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        LogExport.writeLog(reader, engine.auditCheckpoints(), 1, copiedUpTo, Instant.now(), copy, commit -> { });

        awaitHeadAtLeast(engine, copiedUpTo + 50);
        StoreFixture.signCheckpointAt(engine, engine.headPosition(), KEYS);
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<Long> writer : appended) {
            assertThat(writer.get()).isPositive();
        }

        List<Long> progress = new ArrayList<>();
        LogRestore.Restored restored = LogRestore.restore(target.database, "",
                                                          new ByteArrayInputStream(copy.toByteArray()),
                                                          (done, total) -> progress.add(done));

        assertThat(restored.lastPosition()).isEqualTo(copiedUpTo);
        assertThat(restored.checkpoints()).as("the checkpoint signed after the copy began is not in it").isEqualTo(1);
        assertThat(progress).last().isEqualTo(copiedUpTo);
        assertThat(storedCommits(target, copiedUpTo)).as("every commit stored exactly as in the original")
                                                      .isEqualTo(storedCommits(source, copiedUpTo))
                                                      .hasSize((int) restored.commits());
        assertThat(storedCommits(target, Long.MAX_VALUE)).hasSameSizeAs(storedCommits(source, copiedUpTo));
        assertThat(LogReader.of(target.database, "").head()).isEqualTo(copiedUpTo);
        VerificationResult verified = ChainVerifier.verifyStored(LogReader.of(target.database, ""),
                                                                 new AuditCheckpoints(target.database, ""), 1,
                                                                 Long.MAX_VALUE, copiedUpTo, KEYS.getPublic(),
                                                                 (done, total) -> { });
        assertThat(verified.intact()).as(verified.summary()).isTrue();
        assertThat(verified.verifiedThrough()).isEqualTo(copiedUpTo);
        assertThat(verified.checkpoint()).map(Checkpoint::position).hasValue(signedAt);

        MongoEventStorageEngine reopened = target.engine();
        reopened.appendEvents(StoreFixture.event("after-restore", 0, "first note after the restore"));
        assertThat(reopened.headPosition()).isEqualTo(copiedUpTo + 1);
        VerificationResult afterAppend = reopened.verifyLog(KEYS.getPublic(), (done, total) -> { });
        assertThat(afterAppend.intact()).as(afterAppend.summary()).isTrue();
        assertThatThrownBy(() -> reopened.appendEvents(StoreFixture.event("writer-0", 1, "a sequence restored")))
                .as("the restored unique keys still refuse a taken aggregate sequence")
                .isInstanceOf(org.axonframework.modelling.command.ConcurrencyException.class);
    }

    @Test
    void a_store_that_holds_a_log_is_refused_and_left_as_it_was() throws IOException {
        MongoEventStorageEngine engine = source.engine();
        StoreFixture.appendTheNineEventLog(engine);
        byte[] copy = copyOf(source);
        MongoEventStorageEngine occupied = target.engine();
        occupied.appendEvents(StoreFixture.event("already-here", 0, "an event of another log"));
        List<Document> before = storedCommits(target, Long.MAX_VALUE);

        assertThatThrownBy(() -> LogRestore.restore(target.database, "", new ByteArrayInputStream(copy),
                                                    (done, total) -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds a log");

        assertThat(storedCommits(target, Long.MAX_VALUE)).isEqualTo(before);
    }

    @Test
    void an_export_of_a_stretch_or_of_one_stream_is_not_a_log_to_restore() throws IOException {
        MongoEventStorageEngine engine = source.engine();
        StoreFixture.appendTheNineEventLog(engine);
        ByteArrayOutputStream stretch = new ByteArrayOutputStream();
        LogExport.writeLog(engine, 5, 9, Instant.now(), stretch);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        LogExport.writeStream(engine, "dossier-1", Instant.now(), stream);

        assertThatThrownBy(() -> LogRestore.restore(target.database, "", new ByteArrayInputStream(stretch.toByteArray()),
                                                    (done, total) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from position 1");
        assertThatThrownBy(() -> LogRestore.restore(target.database, "", new ByteArrayInputStream(stream.toByteArray()),
                                                    (done, total) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one stream");
        assertThat(storedCommits(target, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void an_export_cut_short_is_refused_when_its_end_is_reached() throws IOException {
        StoreFixture.appendTheNineEventLog(source.engine());
        String whole = new String(copyOf(source), StandardCharsets.UTF_8);
        byte[] cut = whole.substring(0, whole.indexOf("{\"end\"")).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LogRestore.restore(target.database, "", new ByteArrayInputStream(cut),
                                                    (done, total) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
    }

    private static byte[] copyOf(StoreFixture store) throws IOException {
        LogReader reader = LogReader.of(store.database, "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogExport.writeLog(reader, new AuditCheckpoints(store.database, ""), 1, reader.head(), Instant.now(), out,
                           commit -> { });
        return out.toByteArray();
    }

    /** The stored commit documents up to {@code position}, in position order. */
    private static List<Document> storedCommits(StoreFixture store, long position) {
        return store.database.getCollection("events").find(lte("_id", position)).sort(Sorts.ascending("_id"))
                             .into(new ArrayList<>());
    }

    private static void awaitHeadAtLeast(MongoEventStorageEngine engine, long position) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (engine.headPosition() < position) {
            assertThat(System.nanoTime()).as("the writers reach position " + position).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
