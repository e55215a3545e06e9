package vn.province.govtrack.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry.findOneFilter;
import static org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry.updateProcessingStarted;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
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
    private static MongoTemplate template;
    private static InOrderMongoDeadLetterQueue queue;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri());
        template = DefaultMongoTemplate.builder()
                .mongoDatabase(client, TestMongo.freshDatabaseName("dead_letters")).build();
        queue = new InOrderMongoDeadLetterQueue("dossiers", template, JacksonSerializer.defaultSerializer());
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

    @Test
    void an_event_parked_behind_the_sequence_while_it_is_retried_is_retried_with_it() {
        queue.clear();
        park("HS-4", "first", "second");
        List<Object> handled = new ArrayList<>();

        boolean all = queue.process(letter -> true, letter -> {
            handled.add(letter.message().getPayload());
            if (letter.message().getPayload().equals("first")) {
                park("HS-4", "parked meanwhile"); // the segment's owner parks a new event of the stream
            }
            return Decisions.evict();
        });

        assertThat(all).isTrue();
        assertThat(handled).containsExactly("first", "second", "parked meanwhile");
        assertThat(queue.size()).isZero();
    }

    @Test
    void a_retry_stops_where_another_retry_holds_the_next_letter_and_leaves_it_to_that_one() {
        queue.clear();
        park("HS-5", "first", "second", "third");
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence("HS-5").forEach(letters::add);
        List<Object> handled = new ArrayList<>();

        boolean all = queue.process(letter -> true, letter -> {
            handled.add(letter.message().getPayload());
            if (letter.message().getPayload().equals("first")) { // a retry whose claim had lapsed took the next
                template.deadLetterCollection().updateOne(
                        findOneFilter("dossiers", "HS-5", ((MongoDeadLetter<?>) letters.get(1)).index()),
                        updateProcessingStarted(GenericDeadLetter.clock.instant()));
            }
            return Decisions.evict();
        });

        assertThat(all).isFalse();
        assertThat(handled).containsExactly("first");
        List<Object> left = new ArrayList<>();
        queue.deadLetterSequence("HS-5").forEach(letter -> left.add(letter.message().getPayload()));
        assertThat(left).containsExactly("second", "third");
    }

    @Test
    void a_sequence_whose_filter_no_longer_passes_once_claimed_is_released_untouched() {
        queue.clear();
        park("HS-6", "first");
        AtomicInteger tested = new AtomicInteger();
        List<Object> handled = new ArrayList<>();

        boolean all = queue.process(letter -> tested.incrementAndGet() == 1, // e.g. a rebuild asked for meanwhile
                                    letter -> {
                                        handled.add(letter.message().getPayload());
                                        return Decisions.evict();
                                    });

        assertThat(all).isFalse();
        assertThat(handled).isEmpty();
        assertThat(queue.sequenceSize("HS-6")).isEqualTo(1);
        assertThat(queue.process(letter -> true, letter -> Decisions.evict()))
                .as("the claim was released: a retry now takes the sequence").isTrue();
    }

    @Test
    void a_sequence_is_asked_whether_it_holds_an_event_by_the_event_identifier() {
        queue.clear();
        park("HS-7", "first");
        DeadLetter<? extends EventMessage<?>> parked = queue.deadLetterSequence("HS-7").iterator().next();

        assertThat(queue.holds("HS-7", parked.message().getIdentifier())).isTrue();
        assertThat(queue.holds("HS-7", "another event")).isFalse();
        assertThat(queue.holds("HS-8", parked.message().getIdentifier())).isFalse();
    }

    private static void park(String sequence, String... payloads) {
        for (String payload : payloads) {
            DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>(sequence,
                    GenericEventMessage.asEventMessage(payload), new IllegalStateException("broken"));
            queue.enqueue(sequence, letter);
        }
    }
}
