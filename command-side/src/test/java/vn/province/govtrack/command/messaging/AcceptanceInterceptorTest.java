package vn.province.govtrack.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.eventstore.MongoEventStore;

/**
 * The command bus's answer, {@link Accepted}, on Axon's local bus and on its asynchronous bus, over the
 * event store on a real MongoDB wire-protocol server: a handler that records {@code count} events of one
 * stream, a command per stream.
 */
class AcceptanceInterceptorTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    /** Record {@code count} events (none for 0) in stream {@code streamId}, from sequence {@code firstSequence}. */
    record RecordEvents(String streamId, long firstSequence, int count) {
    }

    private final MongoClient client = MongoClients.create(TestMongo.uri());
    private final MongoDatabase database = client.getDatabase(TestMongo.freshDatabaseName("acceptance"));
    private final MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                                                                          .database(database)
                                                                          .eventSerializer(SERIALIZER)
                                                                          .snapshotSerializer(SERIALIZER)
                                                                          .build();
    private final MongoEventStore store = new MongoEventStore(EmbeddedEventStore.builder().storageEngine(engine));

    @AfterEach
    void close() {
        store.shutDown();
        database.drop();
        client.close();
    }

    private CommandGateway gatewayOver(CommandBus bus) {
        bus.registerHandlerInterceptor(new AcceptanceInterceptor());
        bus.subscribe(RecordEvents.class.getName(), message -> {
            RecordEvents command = (RecordEvents) message.getPayload();
            store.publish(LongStream.range(command.firstSequence(), command.firstSequence() + command.count())
                                    .<EventMessage<?>>mapToObj(seq -> new GenericDomainEventMessage<>(
                                            "Stream", command.streamId(), seq, command.streamId() + " #" + seq))
                                    .toList());
            return "recorded " + command.count();
        });
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }

    private static CommandMessage<RecordEvents> recordEvents(String streamId, long firstSequence, int count) {
        return GenericCommandMessage.asCommandMessage(new RecordEvents(streamId, firstSequence, count));
    }

    /** The payloads of the events at {@code first..last}. */
    private List<Object> eventsAt(long first, long last) {
        try (var events = engine.readEvents(new GlobalSequenceTrackingToken(first - 1), false)) {
            return events.limit(last - first + 1).map(TrackedEventMessage::getPayload).map(Object.class::cast).toList();
        }
    }

    @Nested
    class OnTheLocalBus {

        private final CommandGateway commands = gatewayOver(SimpleCommandBus.builder().build());

        @Test
        void aCommandIsAnsweredWithItsHandlersAnswerAndThePositionOfItsLastEvent() {
            commands.sendAndWait(recordEvents("before", 0, 2));

            Accepted<?> accepted = commands.sendAndWait(recordEvents("dossier-1", 0, 3));

            assertThat(accepted.answer()).isEqualTo("recorded 3");
            assertThat(accepted.position()).isEqualTo(5);
            assertThat(eventsAt(3, 5)).containsExactly("dossier-1 #0", "dossier-1 #1", "dossier-1 #2");
        }

        @Test
        void aCommandThatRecordsNothingIsAcceptedAtPositionZero() {
            commands.sendAndWait(recordEvents("before", 0, 2));

            Accepted<?> accepted = commands.sendAndWait(recordEvents("dossier-1", 0, 0));

            assertThat(accepted).isEqualTo(Accepted.at("recorded 0", 0));
        }

        @Test
        void aCommandWhoseCommitFailsAnswersTheFailureAndNoPosition() {
            commands.sendAndWait(recordEvents("dossier-1", 0, 2));

            assertThatThrownBy(() -> commands.sendAndWait(recordEvents("dossier-1", 1, 1)))
                    .isInstanceOf(ConcurrencyException.class);
            assertThat(((Accepted<?>) commands.sendAndWait(recordEvents("dossier-2", 0, 1))).position()).isEqualTo(3);
        }
    }

    @Nested
    class OnTheAsynchronousBus {

        private final ExecutorService handlers = Executors.newFixedThreadPool(4);
        private final CommandGateway commands =
                gatewayOver(AsynchronousCommandBus.builder().executor(handlers).build());

        @AfterEach
        void stopTheHandlers() {
            handlers.shutdownNow();
        }

        @Test
        void concurrentCommandsAreEachAnsweredWithThePositionOfTheirOwnLastEvent() throws Exception {
            ExecutorService callers = Executors.newFixedThreadPool(6);
            try {
                List<Future<List<Accepted<?>>>> byCaller = new ArrayList<>();
                for (int caller = 0; caller < 6; caller++) {
                    String streamId = "dossier-" + caller;
                    byCaller.add(callers.submit(() -> {
                        List<Accepted<?>> answers = new ArrayList<>();
                        long next = 0;
                        for (int round = 1; round <= 5; round++) {
                            int count = 1 + (round % 3);
                            answers.add(commands.sendAndWait(recordEvents(streamId, next, count)));
                            next += count;
                        }
                        return answers;
                    }));
                }
                for (int caller = 0; caller < 6; caller++) {
                    String streamId = "dossier-" + caller;
                    long next = 0;
                    for (Accepted<?> accepted : byCaller.get(caller).get()) {
                        int count = Integer.parseInt(((String) accepted.answer()).substring("recorded ".length()));
                        long last = accepted.position();
                        List<Object> expected = new ArrayList<>();
                        for (long seq = next; seq < next + count; seq++) {
                            expected.add(streamId + " #" + seq);
                        }
                        assertThat(eventsAt(last - count + 1, last)).as("the commit answered at %d", last)
                                                                    .isEqualTo(expected);
                        next += count;
                    }
                }
            } finally {
                callers.shutdownNow();
            }
        }

        @Test
        void theHandlerRunsOnAnotherThreadThanTheCaller() {
            Thread caller = Thread.currentThread();
            List<Thread> handling = new ArrayList<>();
            CommandBus bus = AsynchronousCommandBus.builder().executor(handlers).build();
            bus.registerHandlerInterceptor((unitOfWork, chain) -> {
                handling.add(Thread.currentThread());
                return chain.proceed();
            });
            CommandGateway overBus = gatewayOver(bus);

            Accepted<?> accepted = overBus.sendAndWait(recordEvents("dossier-1", 0, 2));

            assertThat(handling).hasSize(1).doesNotContain(caller);
            assertThat(accepted.position()).isEqualTo(2);
        }
    }
}
