package vn.province.govtrack.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.eventstore.StoreFixture.event;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoEventStoreTest {

    private final StoreFixture fixture = new StoreFixture();
    private final MongoEventStorageEngine engine = fixture.engine();
    private final MongoEventStore store = new MongoEventStore(EmbeddedEventStore.builder().storageEngine(engine));

    @AfterEach
    void close() {
        store.shutDown();
        fixture.close();
    }

    @Test
    void a_stream_declared_new_is_not_read_on_its_first_load_and_read_as_usual_after() {
        engine.appendEvents(event("dossier-1", 0, "stored"));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            store.declareNewStreams(List.of("dossier-1"));

            assertThat(store.readEvents("dossier-1").asStream()).isEmpty();
            assertThat(store.readEvents("dossier-1").asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                                .containsExactly(0L);
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void a_declaration_lasts_as_long_as_its_unit_of_work() {
        engine.appendEvents(event("dossier-1", 0, "stored"));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        store.declareNewStreams(List.of("dossier-1"));
        unitOfWork.rollback();

        assertThat(store.readEvents("dossier-1").asStream()).hasSize(1);
    }

    @Test
    void a_wrong_declaration_cannot_append_a_second_first_event() {
        engine.appendEvents(event("dossier-1", 0, "created elsewhere meanwhile"));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        store.declareNewStreams(List.of("dossier-1"));
        store.publish(event("dossier-1", 0, "created here"));

        org.assertj.core.api.Assertions.assertThatThrownBy(unitOfWork::commit)
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.readEvents("dossier-1").asStream()).extracting(e -> ((StoreFixture.Note) e.getPayload()).text())
                                                             .containsExactly("created elsewhere meanwhile");
    }

    @Test
    void the_events_a_unit_of_work_publishes_are_appended_at_its_commit_whose_after_commit_handlers_read_their_position() {
        engine.appendEvents(event("dossier-0", 0, "before"));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        store.publish(event("dossier-1", 0, "received"), event("dossier-1", 1, "assigned"));
        OptionalLong beforeCommit = MongoEventStorageEngine.lastAppendedPosition(unitOfWork);
        List<OptionalLong> afterCommit = new ArrayList<>();
        unitOfWork.afterCommit(committed -> afterCommit.add(MongoEventStorageEngine.lastAppendedPosition(committed)));

        unitOfWork.commit();

        assertThat(beforeCommit).isEmpty();
        assertThat(afterCommit).containsExactly(OptionalLong.of(3));
    }
}
