package vn.province.govtrack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteConcernResult;
import com.mongodb.WriteError;
import com.mongodb.assertions.Assertions;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.WriteConcernError;

/** A database out of reach is a 503 with Retry-After wherever it surfaces, however it is wrapped. */
class DatabaseUnavailableTest {

    private static final ServerAddress SERVER = new ServerAddress("127.0.0.1", 27027);
    private static final URI UNAVAILABLE = URI.create("https://govtrack.example/problems/unavailable");

    private final DatabaseUnavailable mapping = new DatabaseUnavailable();

    @AfterEach
    void forgetTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void everyWayTheDriverSaysTheDatabaseIsOutOfReachIsUnavailable() {
        List<Throwable> failures = List.of(
                new MongoTimeoutException("Timed out while waiting for a server"),
                new MongoTimeoutException("Timed out while waiting for a connection from the pool"),
                new MongoSocketOpenException("Exception opening socket", SERVER, new ConnectException("refused")),
                new MongoSocketReadException("Prematurely reached end of stream", SERVER),
                new MongoSocketReadTimeoutException("Timeout while receiving message", SERVER,
                                                    new SocketTimeoutException("Read timed out")),
                new MongoNotPrimaryException(BsonDocument.parse("{ok: 0, code: 10107}"), SERVER),
                new MongoNodeIsRecoveringException(BsonDocument.parse("{ok: 0, code: 91}"), SERVER),
                new MongoInterruptedException("Interrupted waiting for lock", new InterruptedException()));

        assertThat(failures).allSatisfy(failure -> assertThat(mapping.problemOf(failure))
                .hasValueSatisfying(problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemType.UNAVAILABLE);
                    assertThat(problem.retryAfter()).isEqualTo(DatabaseUnavailable.RETRY_AFTER);
                }));
    }

    /** The codes by which a server says that it, its primary or the network, not the request, failed. */
    private static final List<Integer> PRIMARY_GONE_CODES =
            List.of(91, 189, 11602, 10107, 13435, 11600, 13436, 6, 7, 89, 9001);

    @Test
    void aServerTheDriverNoLongerUsesIsUnavailable() {
        assertThat(DatabaseUnavailable.causedByUnavailableDatabase(
                new MongoServerUnavailableException("The server at 127.0.0.1:27027 is no longer available")))
                .isTrue();
    }

    @Test
    void aWriteConcernErrorSayingThePrimaryWentAwayIsUnavailable() {
        assertThat(PRIMARY_GONE_CODES).allSatisfy(code -> {
            assertThat(DatabaseUnavailable.causedByUnavailableDatabase(new MongoWriteConcernException(
                    new WriteConcernError(code, "", "primary went away", new BsonDocument()),
                    WriteConcernResult.unacknowledged(), SERVER))).as("write concern error %d", code).isTrue();
            assertThat(DatabaseUnavailable.causedByUnavailableDatabase(new MongoBulkWriteException(
                    BulkWriteResult.unacknowledged(), List.of(),
                    new WriteConcernError(code, "", "primary went away", new BsonDocument()), SERVER, Set.of())))
                    .as("bulk write concern error %d", code).isTrue();
        });
    }

    @Test
    void aCommandRefusedBecauseTheServerIsNotPrimaryRecoveringOrStoppingIsUnavailable() {
        assertThat(PRIMARY_GONE_CODES).allSatisfy(code -> assertThat(mapping.problemOf(new RuntimeException(
                new MongoCommandException(BsonDocument.parse("{ok: 0, code: " + code + "}"), SERVER))))
                .as("command error %d", code).isPresent());
    }

    @Test
    void anyErrorTheDriverLabelsARetryableWriteIsUnavailable() {
        MongoException labelled = new MongoException(0, "connection closed during the write");
        labelled.addLabel("RetryableWriteError");
        MongoWriteException labelledWrite = new MongoWriteException(
                new WriteError(11000, "duplicate key", new BsonDocument()), SERVER, Set.of("RetryableWriteError"));

        assertThat(DatabaseUnavailable.causedByUnavailableDatabase(labelled)).isTrue();
        assertThat(DatabaseUnavailable.causedByUnavailableDatabase(labelledWrite)).isTrue();
        assertThat(DatabaseUnavailable.causedByUnavailableDatabase(new MongoException(0, "no label"))).isFalse();
    }

    @Test
    void theDriverRefusingARequestBecauseTheServiceClosedItsClientIsUnavailable() {
        IllegalStateException closed = catchThrowableOfType(IllegalStateException.class,
                                                            () -> Assertions.isTrue("open", false));

        assertThat(closed).hasMessage("state should be: open");
        assertThat(mapping.problemOf(new RuntimeException("event store", closed))).isPresent();
    }

    @Test
    void theSameMessageFromOutsideTheDriverOrAnotherDriverStateIsNoOutage() {
        IllegalStateException notClosed = catchThrowableOfType(IllegalStateException.class,
                                                               () -> Assertions.isTrue("connected", false));

        assertThat(DatabaseUnavailable.causedByUnavailableDatabase(new IllegalStateException("state should be: open")))
                .isFalse();
        assertThat(DatabaseUnavailable.causedByUnavailableDatabase(notClosed)).isFalse();
    }

    @Test
    void aCauseDeepInsideTheFrameworksWrappersIsFound() {
        Throwable wrapped = new CompletionException(new IllegalStateException("rolled back",
                new ExecutionException(new RuntimeException("event store",
                        new MongoSocketReadException("Prematurely reached end of stream", SERVER)))));

        assertThat(mapping.problemOf(wrapped)).isPresent();
        assertThat(mapping.problemOf(new ServletException(new IOException(new MongoTimeoutException("no server")))))
                .isPresent();
    }

    @Test
    void theDatabaseAnsweringWithAnErrorIsNoOutage() {
        assertThat(mapping.problemOf(new IllegalStateException("a fault"))).isEmpty();
        assertThat(mapping.problemOf(new MongoCommandException(BsonDocument.parse("{ok: 0, code: 2}"), SERVER)))
                .isEmpty();
        assertThat(mapping.problemOf(new RuntimeException(new MongoWriteException(
                new WriteError(11000, "duplicate key", new BsonDocument()), SERVER, Set.of())))).isEmpty();
        assertThat(mapping.problemOf(new MongoWriteConcernException(
                new WriteConcernError(100, "UnsatisfiableWriteConcern", "Not enough data-bearing nodes",
                                      new BsonDocument()), WriteConcernResult.unacknowledged(), SERVER))).isEmpty();
    }

    @Test
    void aCommandThatFailedSoMayHaveBeenRecordedAndTheProblemSaysSo() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(
                new MockHttpServletRequest("POST", "/api/v1/dossiers")));

        assertThat(mapping.problemOf(new MongoTimeoutException("no server")).orElseThrow().detail())
                .contains("whether this command was recorded is unknown").contains("same Idempotency-Key");
    }

    @Test
    void aQueryThatFailedSoIsSimplyToBeRetried() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(
                new MockHttpServletRequest("GET", "/api/v1/dossiers/D-1")));

        assertThat(mapping.problemOf(new MongoTimeoutException("no server")).orElseThrow().detail())
                .isEqualTo("the database did not answer in time; retry later");
    }

    @Test
    void theAdviceAnswersItWithRetryAfter() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/dossiers/D-1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        ProblemAdvice advice = new ProblemAdvice(List.of(mapping));

        ResponseEntity<Object> answer = advice.mappedOrFault(
                new RuntimeException(new MongoTimeoutException("no server")), new ServletWebRequest(request, response));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(((ProblemDetail) answer.getBody()).getType()).isEqualTo(UNAVAILABLE);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
    }

    @Test
    void everyOther503GetsARetryAfterUnlessItNamedItsOwn() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/timeliness");
        ProblemAdvice advice = new ProblemAdvice(List.of(mapping));

        MockHttpServletResponse plain = new MockHttpServletResponse();
        advice.problem(ProblemType.UNAVAILABLE.exception("queued"), new ServletWebRequest(request, plain));
        MockHttpServletResponse named = new MockHttpServletResponse();
        named.setHeader(HttpHeaders.RETRY_AFTER, "7");
        advice.problem(ProblemType.UNAVAILABLE.exception("behind"), new ServletWebRequest(request, named));
        MockHttpServletResponse notFound = new MockHttpServletResponse();
        advice.problem(ProblemType.NOT_FOUND.exception("none"), new ServletWebRequest(request, notFound));

        assertThat(plain.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(named.getHeaders(HttpHeaders.RETRY_AFTER)).containsExactly("7");
        assertThat(notFound.getHeader(HttpHeaders.RETRY_AFTER)).isNull();
    }

    @Test
    void aFiltersFailureReachesTheErrorPageAndIsAnsweredAsUnavailableNotAsAFault() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/units");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
                             new ServletException(new MongoSocketReadException("end of stream", SERVER)));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        MockHttpServletResponse response = new MockHttpServletResponse();

        ResponseEntity<ProblemDetail> answer = new ProblemErrorController(List.of(mapping)).error(request, response);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().getType()).isEqualTo(UNAVAILABLE);
        assertThat(answer.getBody().getInstance()).isEqualTo(URI.create("/api/v1/units"));
        assertThat(answer.getBody().getDetail()).contains("unknown");
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
    }

    @Test
    void aFilterWritingA503GivesItARetryAfter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new FilterProblems(new ObjectMapper()).write(new MockHttpServletRequest("GET", "/api/v1/dossiers"), response,
                                                      ProblemType.UNAVAILABLE, "behind");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }
}
