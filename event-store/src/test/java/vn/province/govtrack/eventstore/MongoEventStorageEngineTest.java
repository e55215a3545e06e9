package vn.province.govtrack.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.province.govtrack.eventstore.StoreFixture.event;
import static vn.province.govtrack.eventstore.StoreFixture.readAll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.AfterEach;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.fasterxml.jackson.databind.node.ObjectNode;

class MongoEventStorageEngineTest {

    private final StoreFixture fixture = new StoreFixture();
    private final MongoEventStorageEngine engine = fixture.engine();

    @AfterEach
    void dropDatabase() {
        fixture.close();
    }

    @Test
    void an_aggregate_reads_back_its_events_in_sequence_with_payload_metadata_and_position() {
        engine.appendEvents(event("dossier-1", 0, "received"), event("dossier-1", 1, "assigned"));
        engine.appendEvents(event("dossier-2", 0, "other"));
        engine.appendEvents(event("dossier-1", 2, "resolved"));

        List<? extends DomainEventMessage<?>> events = engine.readEvents("dossier-1").asStream().toList();

        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(events).extracting(e -> ((StoreFixture.Note) e.getPayload()).text())
                          .containsExactly("received", "assigned", "resolved");
        assertThat(events.get(0).getMetaData()).containsEntry("actor", "tester");
        assertThat(events).extracting(e -> ((TrackedEventMessage<?>) e).trackingToken())
                          .containsExactly(new GlobalSequenceTrackingToken(1), new GlobalSequenceTrackingToken(2),
                                           new GlobalSequenceTrackingToken(4));
        assertThat(engine.lastSequenceNumberFor("dossier-1")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void reading_from_a_later_sequence_skips_the_earlier_events() {
        for (long seq = 0; seq < 150; seq++) {
            engine.appendEvents(event("long-lived", seq, "e" + seq));
        }
        assertThat(engine.readEvents("long-lived", 140).asStream())
                .extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(140L, 141L, 142L, 143L, 144L, 145L, 146L, 147L, 148L, 149L);
        assertThat(engine.readEvents("long-lived").asStream().count()).isEqualTo(150);
    }

    @Test
    void one_commit_may_hold_several_aggregates_and_their_streams_are_read_together() {
        engine.appendEvents(event("dossier-1", 0, "d1 received"), event("dossier-2", 0, "d2 received"),
                            event("dossier-1", 1, "d1 assigned"), event("dossier-3", 0, "d3 received"));
        engine.appendEvents(event("dossier-2", 1, "d2 resolved"));
        engine.appendEvents(event("dossier-1", 2, "d1 resolved"), event("dossier-2", 2, "d2 returned"));

        Map<String, List<DomainEventMessage<?>>> streams =
                engine.readStreams(List.of("dossier-1", "dossier-2", "nobody"));
        Map<String, List<DomainEventMessage<?>>> absentFirst =
                engine.readStreams(List.of("nobody", "dossier-3", "dossier-2", "dossier-1"));

        assertThat(streams).containsOnlyKeys("dossier-1", "dossier-2");
        assertThat(streams.get("dossier-1")).extracting(e -> ((StoreFixture.Note) e.getPayload()).text())
                                            .containsExactly("d1 received", "d1 assigned", "d1 resolved");
        assertThat(streams.get("dossier-2")).extracting(DomainEventMessage::getSequenceNumber)
                                            .containsExactly(0L, 1L, 2L);
        assertThat(streams.get("dossier-2").get(0).getMetaData()).containsEntry("actor", "tester");
        assertThat(absentFirst).containsOnlyKeys("dossier-1", "dossier-2", "dossier-3");
        assertThat(absentFirst.get("dossier-1")).extracting(DomainEventMessage::getSequenceNumber)
                                                .containsExactly(0L, 1L, 2L);
        assertThat(absentFirst.get("dossier-3")).hasSize(1);
        assertThat(engine.readEvents("dossier-1").asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                             .containsExactly(0L, 1L, 2L);
        assertThat(readAll(engine, null)).hasSize(7);
    }

    @Test
    void the_global_log_has_positions_from_one_without_gaps_and_commits_are_whole() {
        engine.appendEvents(event("a", 0, "a0"), event("a", 1, "a1"), event("b", 0, "b0"));
        engine.appendEvents(GenericEventMessage.asEventMessage("not from an aggregate"));
        engine.appendEvents(event("a", 2, "a2"));

        List<? extends TrackedEventMessage<?>> all = readAll(engine, null);

        assertThat(all).extracting(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex())
                       .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(readAll(engine, new GlobalSequenceTrackingToken(3)))
                .extracting(TrackedEventMessage::getPayload).hasSize(2);
        assertThat(engine.headPosition()).isEqualTo(5);
        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(5));
    }

    @Test
    void the_last_appended_position_is_reported_to_the_unit_of_work_that_appended_it_and_no_other() {
        assertThat(appendInUnitOfWork(engine, event("a", 0, "a0"), event("a", 1, "a1"))).hasValue(2);

        assertThat(appendInUnitOfWork(engine)).isEmpty();
    }

    @Test
    void a_unit_of_work_that_appends_in_rounds_and_in_nested_units_reports_its_last_position_in_the_root() {
        engine.appendEvents(event("elsewhere", 0, "outside any unit of work"));
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        try {
            engine.appendEvents(event("a", 0, "a0"), event("a", 1, "a1"));
            UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
            engine.appendEvents(event("b", 0, "b0"));

            assertThat(MongoEventStorageEngine.lastAppendedPosition(nested)).hasValue(4);
            nested.commit();
            assertThat(MongoEventStorageEngine.lastAppendedPosition(root)).hasValue(4);
        } finally {
            root.commit();
        }
    }

    @Test
    void two_commits_claiming_the_same_sequence_cannot_both_succeed() {
        engine.appendEvents(event("dossier-1", 0, "received"));
        engine.appendEvents(event("dossier-1", 1, "first writer"));

        assertThatThrownBy(() -> engine.appendEvents(event("dossier-1", 1, "second writer"), event("dossier-1", 2, "x")))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("dossier-1").asStream()).hasSize(2);
        assertThat(readAll(engine, null)).hasSize(2);
    }

    @Test
    void creating_an_aggregate_twice_is_refused_as_a_stream_creation_conflict() {
        engine.appendEvents(event("unit:X01", 0, "registered"));

        assertThatThrownBy(() -> engine.appendEvents(event("unit:X01", 0, "registered again")))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void a_newer_snapshot_replaces_an_older_one_but_never_the_reverse() {
        engine.storeSnapshot(new GenericDomainEventMessage<>("Note", "agg", 5, new StoreFixture.Note("at 5")));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Note", "agg", 9, new StoreFixture.Note("at 9")));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Note", "agg", 7, new StoreFixture.Note("at 7")));

        DomainEventMessage<?> snapshot = engine.readSnapshot("agg").orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isEqualTo(9);
        assertThat(((StoreFixture.Note) snapshot.getPayload()).text()).isEqualTo("at 9");
        assertThat(engine.readSnapshot("none")).isEmpty();
    }

    @Test
    void stored_events_pass_through_the_upcaster_chain_when_read() {
        engine.appendEvents(event("agg", 0, "old text"));
        MongoEventStorageEngine upcasting = fixture.engine(new ShoutingUpcaster());

        Object payload = upcasting.readEvents("agg").next().getPayload();

        assertThat(((StoreFixture.Note) payload).text()).isEqualTo("OLD TEXT");
    }

    @Test
    void creating_the_indexes_again_at_start_up_is_harmless() {
        engine.appendEvents(event("agg", 0, "x"));
        MongoEventStorageEngine second = fixture.engine();
        assertThat(readAll(second, null)).hasSize(1);
    }

    @Test
    void a_reader_whose_token_lies_inside_a_commit_gets_the_rest_of_it_and_no_position_becomes_void() {
        MongoEventStorageEngine reader = engine;
        reader.appendEvents(event("staff-1", 0, "recruited"), event("staff-1", 1, "seconded"),
                               event("staff-1", 2, "secondment ended"), event("staff-1", 3, "departed"));
        reader.appendEvents(event("staff-2", 0, "recruited"));

        for (long token = 1; token <= 3; token++) {
            assertThat(readAll(reader, new GlobalSequenceTrackingToken(token)))
                    .extracting(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex())
                    .containsExactlyElementsOf(LongStream.rangeClosed(token + 1, 5).boxed().toList());
        }
        assertThat(fixture.database.getCollection("events").countDocuments(new Document("fence", true))).isZero();
    }

    @Test
    void void_slots_an_earlier_engine_left_inside_a_commit_are_removed_when_the_store_is_opened() {
        MongoCollection<Document> raw = fixture.database.getCollection("events");
        raw.insertOne(legacyCommit(1, event("staff-1", 0, "recruited"), event("staff-1", 1, "seconded"),
                                   event("staff-1", 2, "secondment ended"), event("staff-1", 3, "departed")));
        raw.insertOne(legacyCommit(5, event("staff-2", 0, "recruited")));
        for (long slot = 2; slot <= 4; slot++) {
            raw.insertOne(new Document("_id", slot).append("last", slot).append("fence", true)
                                                   .append("streams", List.of("~pos:" + slot)));
        }
        fixture.database.getCollection("event_positions").deleteOne(new Document("_id", "layout"));

        MongoEventStorageEngine reopened = fixture.engine();

        assertThat(raw.countDocuments(new Document("fence", true))).isZero();
        assertThat(readAll(reopened, new GlobalSequenceTrackingToken(1))).hasSize(4);
        assertThat(readAll(reopened, null)).hasSize(5);
    }

    @Test
    void positions_an_earlier_engine_reserved_and_never_wrote_become_void_when_the_store_is_opened() {
        MongoCollection<Document> raw = fixture.database.getCollection("events");
        raw.insertOne(legacyCommit(1, event("staff-1", 0, "recruited")));
        raw.insertOne(legacyCommit(4, event("staff-2", 0, "recruited"), event("staff-2", 1, "seconded")));
        // the old engine's counter: positions 2-3 and 6-7 were reserved by writers that died
        fixture.database.getCollection("event_positions").insertOne(new Document("_id", "global").append("next", 7L));
        fixture.database.getCollection("event_positions").deleteOne(new Document("_id", "layout"));

        MongoEventStorageEngine reopened = fixture.engine();

        assertThat(raw.find(new Document("fence", true)).map(fence -> fence.getLong("_id") + ".." + fence.getLong("last"))
                      .into(new ArrayList<>())).containsExactlyInAnyOrder("2..3", "6..7");
        assertThat(readAll(reopened, null)).extracting(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex())
                                           .containsExactly(1L, 4L, 5L);
        assertThat(appendInUnitOfWork(reopened, event("staff-3", 0, "recruited"))).hasValue(8);
        assertThat(reopened.verifyLog(null, (done, total) -> { }).summary()).startsWith("intact up to position 8");
    }

    @Test
    void commits_racing_for_the_head_each_get_positions_of_their_own() {
        engine.appendEvents(event("a", 0, "a0"));
        MongoEventStorageEngine other = fixture.engine(); // another instance: its head is still 0
        engine.appendEvents(event("a", 1, "a1"), event("a", 2, "a2"));

        OptionalLong appended = appendInUnitOfWork(other, event("b", 0, "b0"), event("b", 1, "b1"));

        assertThat(appended).hasValue(5);
        assertThat(readAll(engine, null)).extracting(e -> ((StoreFixture.Note) e.getPayload()).text())
                                         .containsExactly("a0", "a1", "a2", "b0", "b1");
    }

    /** A commit as engines before layout 3 wrote it: only its first position claimed by a key. */
    private static Document legacyCommit(long first, DomainEventMessage<?>... events) {
        List<Document> documents = Arrays.stream(events)
                                                    .map(e -> CommitCodec.eventDocument(e, StoreFixture.SERIALIZER))
                                                    .toList();
        List<String> keys = new ArrayList<>(List.of("~pos:" + first));
        keys.addAll(CommitCodec.streamKeys(documents).orElseThrow());
        return new Document("_id", first).append("last", first + events.length - 1)
                                         .append("committedAt", new Date()).append("streams", keys)
                                         .append("events", documents);
    }

    @Test
    void an_event_identifier_is_stored_once_across_the_whole_store() {
        DomainEventMessage<?> first = event("dossier-1", 0, "received");
        engine.appendEvents(first);

        assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>(
                "Note", "dossier-2", 1, new StoreFixture.Note("copy"), MetaData.emptyInstance(), first.getIdentifier(),
                first.getTimestamp()))).isInstanceOf(ConcurrencyException.class);
        assertThat(readAll(engine, null)).extracting(TrackedEventMessage::getIdentifier)
                                         .containsExactly(first.getIdentifier());
    }

    @Test
    void a_commit_key_is_used_once_and_finds_its_commit() {
        MetaData keyed = MetaData.with(MongoEventStorageEngine.DEFAULT_COMMIT_KEY_METADATA, "clerk-1 retry-7");
        engine.appendEvents(event("dossier-1", 0, "submitted").andMetaData(keyed),
                            event("dossier-1", 1, "received").andMetaData(keyed));
        long head = engine.headPosition();

        assertThatThrownBy(() -> engine.appendEvents(event("dossier-2", 0, "submitted again").andMetaData(keyed)))
                .isInstanceOf(CommitKeyUsedException.class)
                .satisfies(e -> assertThat(((CommitKeyUsedException) e).lastPosition()).isEqualTo(2));
        engine.appendEvents(event("dossier-3", 0, "without a key"), event("dossier-3", 1, "still without"));

        MongoEventStorageEngine.KeyedCommit commit = engine.commitWithKey("clerk-1 retry-7").orElseThrow();
        assertThat(commit.firstPosition()).isEqualTo(1);
        assertThat(commit.lastPosition()).isEqualTo(2);
        assertThat(commit.events()).extracting(e -> ((StoreFixture.Note) e.getPayload()).text())
                                   .containsExactly("submitted", "received");
        assertThat(engine.commitWithKey("clerk-1 another")).isEmpty();
        assertThat(readAll(engine, new GlobalSequenceTrackingToken(head))).extracting(e -> e.getPayload().toString())
                                                                          .hasSize(2);
    }

    @Test
    void a_token_at_an_instant_compares_timestamps_to_the_nanosecond_and_reads_commits_without_a_stored_maximum() {
        Instant t = Instant.parse("2025-07-16T02:00:00.000000500Z");
        engine.appendEvents(eventAt("a", 0, t.minusSeconds(60)));
        engine.appendEvents(eventAt("b", 0, t));
        engine.appendEvents(eventAt("c", 0, t.minusSeconds(30)));
        fixture.database.getCollection("events").updateOne(new Document("_id", 2L),
                                                           new Document("$unset", new Document("maxTs", "")));

        assertThat(engine.createTokenAt(t.minusNanos(100))).isEqualTo(new GlobalSequenceTrackingToken(1));
        assertThat(engine.createTokenAt(t)).isEqualTo(new GlobalSequenceTrackingToken(1));
        assertThat(engine.createTokenAt(t.plusNanos(100))).isEqualTo(new GlobalSequenceTrackingToken(3));
        assertThat(engine.createTokenAt(t.minusSeconds(3600))).isEqualTo(new GlobalSequenceTrackingToken(0));
    }

    private static DomainEventMessage<?> eventAt(String aggregateId, long seq, Instant timestamp) {
        return new GenericDomainEventMessage<>("Note", aggregateId, seq, new StoreFixture.Note(aggregateId),
                                               MetaData.emptyInstance(), UUID.randomUUID().toString(),
                                               timestamp);
    }

    /** Revision null to "1": upper-cases the note, standing in for a real schema change. */
    private static final class ShoutingUpcaster extends SingleEventUpcaster {
        private static final String NOTE = StoreFixture.Note.class.getName();

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().getName().equals(NOTE) && representation.getType().getRevision() == null;
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(NOTE, "1"), JsonNode.class, node -> {
                ObjectNode copy = ((ObjectNode) node).deepCopy();
                copy.put("text", node.get("text").asText().toUpperCase());
                return copy;
            });
        }
    }

    /** Appends the events as one commit inside a unit of work of their own, and answers what it reports. */
    private static OptionalLong appendInUnitOfWork(MongoEventStorageEngine engine, DomainEventMessage<?>... events) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            engine.appendEvents(events);
            return MongoEventStorageEngine.lastAppendedPosition(unitOfWork);
        } finally {
            unitOfWork.commit();
        }
    }
}
