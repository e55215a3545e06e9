package vn.province.govtrack.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.province.govtrack.eventstore.StoreFixture.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppendObserverTest {

    private final StoreFixture fixture = new StoreFixture();
    private final List<Long> commitSizes = new CopyOnWriteArrayList<>();
    private final List<Long> durations = new CopyOnWriteArrayList<>();
    private final MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
            .database(fixture.database)
            .eventSerializer(StoreFixture.SERIALIZER)
            .snapshotSerializer(StoreFixture.SERIALIZER)
            .upcasterChain(NoOpEventUpcaster.INSTANCE)
            .appendObserver((events, nanos) -> {
                commitSizes.add((long) events);
                durations.add(nanos);
            })
            .build();

    @AfterEach
    void dropDatabase() {
        fixture.close();
    }

    @Test
    void every_commit_written_is_reported_with_its_events_and_a_duration() {
        engine.appendEvents(event("dossier-1", 0, "received"), event("dossier-1", 1, "assigned"));
        engine.appendEvents(event("dossier-2", 0, "received"));

        assertThat(commitSizes).containsExactly(2L, 1L);
        assertThat(durations).allSatisfy(nanos -> assertThat(nanos).isPositive());
    }

    @Test
    void a_refused_commit_is_not_reported() {
        engine.appendEvents(event("dossier-1", 0, "received"));

        assertThatThrownBy(() -> engine.appendEvents(event("dossier-1", 0, "received again")))
                .isInstanceOf(RuntimeException.class);

        assertThat(commitSizes).containsExactly(1L);
    }
}
