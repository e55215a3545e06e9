package vn.province.govtrack.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static vn.province.govtrack.eventstore.StoreFixture.event;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;

/**
 * Commits queued together are written in one group; a commit refused for a key of its own fails
 * alone, and the commits after it take the positions it would have had.
 */
class GroupAppenderTest {

    private final StoreFixture fixture = new StoreFixture();
    /** The engine's collection, with its unique index over the commits' keys. */
    private final MongoCollection<Document> commits = commitsWithIndexes(fixture);
    private final AtomicLong head = new AtomicLong();

    @AfterEach
    void dropDatabase() {
        fixture.close();
    }

    @Test
    void a_group_is_written_at_the_positions_after_the_head_in_queue_order() {
        GroupAppender appender = appender();
        GroupAppender.Pending first = pending("staff-1", 0, 1, 2);
        GroupAppender.Pending second = pending("staff-2", 0);
        appender.enqueue(first);
        appender.enqueue(second);

        assertThat(appender.awaitWritten(second)).isEqualTo(4);
        assertThat(appender.awaitWritten(first)).isEqualTo(1);
        assertThat(commits.countDocuments()).isEqualTo(2);
    }

    @Test
    void a_commit_refused_for_its_own_key_fails_alone_and_the_rest_of_its_group_is_written() {
        GroupAppender appender = appender();
        assertThat(appender.append(pending("staff-1", 0))).isEqualTo(1);
        head.set(1);

        GroupAppender.Pending before = pending("staff-2", 0);
        GroupAppender.Pending refused = pending("staff-1", 0); // sequence 0 of staff-1 is stored
        GroupAppender.Pending after = pending("staff-3", 0, 1);
        appender.enqueue(before);
        appender.enqueue(refused);
        appender.enqueue(after);

        assertThat(appender.awaitWritten(after)).isEqualTo(3);
        assertThat(appender.awaitWritten(before)).isEqualTo(2);
        assertThatThrownBy(() -> appender.awaitWritten(refused))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(commits.find().map(doc -> doc.getLong("_id")).into(new java.util.ArrayList<>()))
                .containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void positions_another_writer_took_first_are_skipped() {
        GroupAppender other = appender();
        GroupAppender appender = appender();
        assertThat(other.append(pending("staff-1", 0, 1))).isEqualTo(1);

        // `appender` still believes the log is empty; the database knows better
        head.set(2);
        assertThat(appender.append(pending("staff-2", 0))).isEqualTo(3);
    }

    @Test
    void when_the_head_cannot_be_read_every_commit_of_the_group_fails_with_that_error_and_a_later_append_is_written() {
        GroupAppender other = appender();
        assertThat(other.append(pending("staff-1", 0))).isEqualTo(1);
        head.set(1);
        IllegalStateException unreadable = new IllegalStateException("the head commit has no chain hash");
        AtomicBoolean headFails = new AtomicBoolean(true);
        GroupAppender appender = new GroupAppender(commits, () -> 0, () -> {
            if (headFails.get()) {
                throw unreadable;
            }
            return head.get();
        }, this::tipAt, Clock.systemUTC());
        GroupAppender.Pending first = pending("staff-2", 0);
        GroupAppender.Pending second = pending("staff-3", 0);
        appender.enqueue(first);
        appender.enqueue(second); // one group: both collide with position 1, then the head lookup throws

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> appender.awaitWritten(first)).isSameAs(unreadable);
            assertThatThrownBy(() -> appender.awaitWritten(second)).isSameAs(unreadable);
            headFails.set(false);
            assertThat(appender.append(pending("staff-4", 0))).isEqualTo(2);
        });
        assertThat(commits.countDocuments()).isEqualTo(2);
    }

    private static MongoCollection<Document> commitsWithIndexes(StoreFixture fixture) {
        fixture.engine();
        return fixture.database.getCollection("events");
    }

    /** An appender whose known head lags (0) and whose true head is {@link #head}. */
    private GroupAppender appender() {
        return new GroupAppender(commits, () -> 0, head::get, this::tipAt, Clock.systemUTC());
    }

    /** The end of the chain at a commit's last position, as the engine reads it. */
    private GroupAppender.ChainTip tipAt(long position) {
        Document commit = commits.find(new Document("streams", CommitCodec.positionKey(position))).first();
        return new GroupAppender.ChainTip(commit.getLong("last"), CommitCodec.bytes(commit.get("hash")),
                                          commit.getDate("committedAt").getTime());
    }

    private static GroupAppender.Pending pending(String aggregateId, long... sequences) {
        List<Document> events = java.util.Arrays.stream(sequences)
                .mapToObj(seq -> CommitCodec.eventDocument(event(aggregateId, seq, "note " + seq), StoreFixture.SERIALIZER))
                .toList();
        return new GroupAppender.Pending(events, CommitCodec.streamKeys(events).orElseThrow(), null);
    }
}
