package vn.province.govtrack.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.province.govtrack.eventstore.StoreFixture.event;
import static vn.province.govtrack.eventstore.StoreFixture.readAll;

import java.time.Duration;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class MongoEventStorageEngineTest {

    private final StoreFixture fixture = new StoreFixture();
    private final MongoEventStorageEngine engine = fixture.engine(Duration.ofSeconds(5));

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
    void the_last_appended_position_is_reported_once_to_the_appending_thread() {
        engine.appendEvents(event("a", 0, "a0"), event("a", 1, "a1"));

        assertThat(engine.takeLastAppendedPosition()).isEqualTo(2);
        assertThat(engine.takeLastAppendedPosition()).isZero();
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
        MongoEventStorageEngine upcasting = fixture.engine(Duration.ofSeconds(5), new ShoutingUpcaster());

        Object payload = upcasting.readEvents("agg").next().getPayload();

        assertThat(((StoreFixture.Note) payload).text()).isEqualTo("OLD TEXT");
    }

    @Test
    void creating_the_indexes_again_at_start_up_is_harmless() {
        engine.appendEvents(event("agg", 0, "x"));
        MongoEventStorageEngine second = fixture.engine(Duration.ofSeconds(5));
        assertThat(readAll(second, null)).hasSize(1);
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
}
