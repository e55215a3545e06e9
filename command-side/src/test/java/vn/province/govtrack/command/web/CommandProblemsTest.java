package vn.province.govtrack.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateRolledBackException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;

import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.web.DatabaseUnavailable;
import vn.province.govtrack.web.ProblemException;

/** The problems of refused commands that a single HTTP request cannot provoke on demand. */
class CommandProblemsTest {

    private final CommandProblems problems = new CommandProblems();

    @Test
    void aCommandThatLostARaceOnItsAggregateIsAConflictThatARetryMayOvercome() {
        ProblemException problem = problems.problemOf(new ConcurrencyException("seq 3 taken")).orElseThrow();

        assertThat(problem.type().status()).isEqualTo(409);
        assertThat(problem.type().uri()).isEqualTo(URI.create("https://govtrack.example/problems/concurrent-change"));
        assertThat(problem.type().retryMaySucceed()).isTrue();
    }

    @Test
    void twoCommandsCreatingTheSameStreamAtOnceIsAConflict() {
        ProblemException problem = problems.problemOf(
                new AggregateStreamCreationException("Aggregate unit:X already exists")).orElseThrow();

        assertThat(problem.type().status()).isEqualTo(409);
        assertThat(problem.type().slug()).isEqualTo("concurrent-change");
    }

    @Test
    void aCommandOnAnAggregateNothingIsRecordedForIsNotFound() {
        ProblemException problem = problems.problemOf(new AggregateNotFoundException("HS-9", "no events")).orElseThrow();

        assertThat(problem.type().status()).isEqualTo(404);
        assertThat(problem.type().slug()).isEqualTo("not-found");
        assertThat(problem.detail()).isEqualTo("nothing is recorded under 'HS-9'");
    }

    @Test
    void aRuleViolationSaysWhichRuleAndIsNotRetried() {
        ProblemException problem = problems.problemOf(new RuleViolationException("already resolved")).orElseThrow();

        assertThat(problem.type().slug()).isEqualTo("rule-violation");
        assertThat(problem.detail()).isEqualTo("already resolved");
        assertThat(problem.type().retryMaySucceed()).isFalse();
    }

    @Test
    void aDatabaseOutageWrappedByAxonIsNoRefusalButRecognisedAsTheDatabaseOutOfReach() {
        ServerAddress server = new ServerAddress("127.0.0.1", 27027);
        RuntimeException rolledBack = new AggregateRolledBackException("unit:X");
        rolledBack.initCause(new MongoSocketReadException("Prematurely reached end of stream", server));
        List<RuntimeException> outages = List.of(
                new EventStoreException("An event for aggregate [unit:X] at sequence [0] could not be persisted",
                                        new MongoSocketReadTimeoutException("Timeout while receiving message", server,
                                                                            new SocketTimeoutException())),
                new CommandExecutionException("command failed", new EventStoreException("could not be persisted",
                        new MongoTimeoutException("Timed out while waiting for a server"))),
                new CommandExecutionException("command failed",
                        new MongoNotPrimaryException(BsonDocument.parse("{ok: 0, code: 10107}"), server)),
                rolledBack);

        assertThat(outages).allSatisfy(failure -> {
            assertThat(problems.problemOf(failure)).isEmpty();
            assertThat(DatabaseUnavailable.causedByUnavailableDatabase(failure)).isTrue();
        });
        assertThat(DatabaseUnavailable.causedByUnavailableDatabase(new ConcurrencyException("seq 3 taken"))).isFalse();
    }

    @Test
    void aFaultThatIsNoRefusalIsLeftToTheLastResort() {
        assertThat(problems.problemOf(new IllegalStateException("secret internals"))).isEmpty();
    }
}
