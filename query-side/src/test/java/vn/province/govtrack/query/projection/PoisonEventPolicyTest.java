package vn.province.govtrack.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

import org.bson.BsonDocument;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteError;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;

class PoisonEventPolicyTest {

    private final PoisonEventPolicy policy = new PoisonEventPolicy(3);
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("payload");

    @Test
    void an_event_failing_with_a_bug_fails_its_batch_twice_and_is_parked_the_third_time_with_its_attempts() {
        IllegalStateException bug = new IllegalStateException("cannot fold");

        assertThatThrownBy(() -> policy.decide(failing(bug), bug)).isSameAs(bug);
        assertThatThrownBy(() -> policy.decide(failing(bug), bug)).isSameAs(bug);
        EnqueueDecision<EventMessage<?>> third = policy.decide(failing(bug), bug);

        assertThat(third.shouldEnqueue()).isTrue();
        assertThat(third.enqueueCause()).hasValueSatisfying(cause -> assertThat(cause).hasMessage("cannot fold"));
        assertThat(third.withDiagnostics(failing(bug)).diagnostics()).containsEntry(PoisonEventPolicy.ATTEMPTS, 3);
    }

    @Test
    void a_database_error_even_wrapped_never_parks_the_event_however_often_it_fails() {
        RuntimeException unreachable = new IllegalStateException("write failed",
                new MongoSocketReadException("end of stream", new ServerAddress()));
        MongoTimeoutException timeout = new MongoTimeoutException("no server");

        for (int attempt = 0; attempt < 10; attempt++) {
            assertThatThrownBy(() -> policy.decide(failing(unreachable), unreachable)).isSameAs(unreachable);
            assertThatThrownBy(() -> policy.decide(failing(timeout), timeout)).isSameAs(timeout);
        }
    }

    @Test
    void a_database_error_that_fails_the_same_way_every_time_parks_the_event_like_a_bug() {
        RuntimeException duplicateKey = new IllegalStateException("upsert failed", new MongoWriteException(
                new WriteError(11000, "E11000 duplicate key error collection: dossiers index: code_1",
                               new BsonDocument()), new ServerAddress(), Set.of()));

        assertThatThrownBy(() -> policy.decide(failing(duplicateKey), duplicateKey)).isSameAs(duplicateKey);
        assertThatThrownBy(() -> policy.decide(failing(duplicateKey), duplicateKey)).isSameAs(duplicateKey);
        EnqueueDecision<EventMessage<?>> third = policy.decide(failing(duplicateKey), duplicateKey);

        assertThat(third.shouldEnqueue()).isTrue();
    }

    @Test
    void a_query_the_server_rejects_counts_toward_parking() {
        MongoCommandException badQuery = new MongoCommandException(
                BsonDocument.parse("{ok: 0, code: 2, codeName: 'BadValue', errmsg: 'unknown operator: $eqq'}"),
                new ServerAddress());

        assertThatThrownBy(() -> policy.decide(failing(badQuery), badQuery)).isSameAs(badQuery);
        assertThatThrownBy(() -> policy.decide(failing(badQuery), badQuery)).isSameAs(badQuery);

        assertThat(policy.decide(failing(badQuery), badQuery).shouldEnqueue()).isTrue();
    }

    @Test
    void failures_are_counted_per_event() {
        IllegalStateException bug = new IllegalStateException("cannot fold");
        EventMessage<?> other = GenericEventMessage.asEventMessage("other");

        assertThatThrownBy(() -> policy.decide(failing(bug), bug)).isSameAs(bug);
        assertThatThrownBy(() -> policy.decide(failing(bug), bug)).isSameAs(bug);
        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("s", other, bug), bug)).isSameAs(bug);
    }

    @Test
    void a_parked_letter_whose_retry_fails_stays_parked_with_one_attempt_more_even_on_a_database_error() {
        DeadLetter<EventMessage<?>> parked = failing(new IllegalStateException("cannot fold"))
                .withDiagnostics(MetaData.with(PoisonEventPolicy.ATTEMPTS, 3));
        MongoTimeoutException timeout = new MongoTimeoutException("no server");

        EnqueueDecision<EventMessage<?>> decision = policy.decide(parked, timeout);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.withDiagnostics(parked).diagnostics()).containsEntry(PoisonEventPolicy.ATTEMPTS, 4);
    }

    private DeadLetter<EventMessage<?>> failing(Throwable cause) {
        return new GenericDeadLetter<>("stream", event, cause);
    }
}
