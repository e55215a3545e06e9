package vn.province.govtrack.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import vn.province.govtrack.embeddedmongo.TestMongo;

/** The queue against a real wire-protocol server: a retry takes a sequence from its first letter, in order. */
class InOrderMongoDeadLetterQueueTest {

    private static MongoClient client;
    private static InOrderMongoDeadLetterQueue queue;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri());
        queue = new InOrderMongoDeadLetterQueue("dossiers", DefaultMongoTemplate.builder()
                .mongoDatabase(client, TestMongo.freshDatabaseName("dead_letters")).build(),
                JacksonSerializer.defaultSerializer());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void a_sequence_is_processed_from_its_first_letter_even_after_letters_were_removed_before_it() {
        queue.clear();
        park("HS-1", "x", "y");
        List<DeadLetter<? extends EventMessage<?>>> earlier = new ArrayList<>();
        queue.deadLetterSequence("HS-1").forEach(earlier::add);
        queue.evict(earlier.get(1)); // the embedded server's memory backend reuses freed slots in the order freed,
        queue.evict(earlier.get(0)); // so the next letters lie in the collection in another order than their index
        park("HS-2", "first", "second", "third");
        List<Object> handled = new ArrayList<>();

        boolean all = queue.process(letter -> true, letter -> {
            handled.add(letter.message().getPayload());
            return Decisions.evict();
        });

        assertThat(all).isTrue();
        assertThat(handled).containsExactly("first", "second", "third");
        assertThat(queue.size()).isZero();
    }

    @Test
    void a_letter_that_fails_again_stays_with_those_after_it_and_the_ones_before_leave() {
        queue.clear();
        park("HS-3", "first", "second", "third");
        List<Object> handled = new ArrayList<>();

        boolean all = queue.process(letter -> true, letter -> {
            handled.add(letter.message().getPayload());
            return letter.message().getPayload().equals("second")
                    ? Decisions.requeue(new IllegalStateException("still broken")) : Decisions.evict();
        });

        assertThat(all).isFalse();
        assertThat(handled).containsExactly("first", "second");
        List<Object> left = new ArrayList<>();
        queue.deadLetterSequence("HS-3").forEach(letter -> left.add(letter.message().getPayload()));
        assertThat(left).containsExactly("second", "third");
        assertThat(queue.deadLetterSequence("HS-3").iterator().next().cause())
                .hasValueSatisfying(cause -> assertThat(cause.message()).isEqualTo("still broken"));
    }

    private static void park(String sequence, String... payloads) {
        for (String payload : payloads) {
            DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>(sequence,
                    GenericEventMessage.asEventMessage(payload), new IllegalStateException("broken"));
            queue.enqueue(sequence, letter);
        }
    }
}
