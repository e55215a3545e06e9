package vn.province.govtrack.web;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;

/**
 * Answers 503 {@code unavailable} with {@code Retry-After} for every failure that means the database
 * could not be reached or did not answer in time, however deeply wrapped (by Axon's command bus, unit
 * of work or event store, by a servlet filter): the driver found no server within its server selection
 * timeout, a connection failed or its answer did not come within the socket timeout
 * ({@code govtrack.mongo.*}), no connection of the pool became free, a replica set is electing a
 * primary (also when the server says so in a command's or a write concern's error code, or labels the
 * error {@code RetryableWriteError}), the server gave up an operation at its time limit, or the wait was
 * interrupted or the client closed under a running request because the service is stopping. None of
 * these is a fault of the service or of the request.
 *
 * <p>{@link #causedByUnavailableDatabase} is also how other parts tell a transient failure from a
 * lasting one.
 *
 * <p>A command ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) that fails so may or may not
 * have been recorded: the database may have written it and only its answer been lost. The problem says
 * so, and that sending it again with the same {@code Idempotency-Key} records it at most once
 * (docs/adr/0005-idempotency.md).
 */
public final class DatabaseUnavailable implements ProblemMapping {

    /** When a client may try again: about when a database that restarts or a replica set that elects is back. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private static final List<Class<? extends Throwable>> UNAVAILABLE = List.of(
            MongoTimeoutException.class,               // no server selected, no pooled connection free in time
            MongoSocketException.class,                // refused, reset, closed, read timed out
            MongoConnectionPoolClearedException.class, // the pool was cleared after a network error
            MongoServerUnavailableException.class,     // the server was removed or its pool closed
            MongoNotPrimaryException.class,            // a replica set between primaries
            MongoNodeIsRecoveringException.class,
            MongoExecutionTimeoutException.class,      // the server gave up at the operation's time limit
            MongoInterruptedException.class);          // the wait was cut short: the service is stopping

    /**
     * The server error codes that mean the server or the network, not the request, failed: the primary
     * stepped down, is shutting down or is not primary (any more), or the host could not be reached. The
     * driver's own retryable-write codes without the write-conflict and limit codes.
     */
    private static final Set<Integer> UNAVAILABLE_CODES = Set.of(
            91,    // ShutdownInProgress
            189,   // PrimarySteppedDown
            11602, // InterruptedDueToReplStateChange
            10107, // NotWritablePrimary
            13435, // NotPrimaryNoSecondaryOk
            11600, // InterruptedAtShutdown
            13436, // NotPrimaryOrSecondary
            6,     // HostUnreachable
            7,     // HostNotFound
            89,    // NetworkTimeout
            9001); // SocketException

    /** The driver's label on a write that failed in a way a retry may cure (a network error, a lost primary). */
    private static final String RETRYABLE_WRITE_ERROR = "RetryableWriteError";

    /**
     * What {@code com.mongodb.assertions.Assertions.isTrue("open", ...)} throws when a request still runs
     * as the service closes its client: a plain {@link IllegalStateException}, recognised only with this
     * exact message and thrown from the driver's code, so that no other illegal state passes for an outage.
     */
    private static final String CLIENT_CLOSED = "state should be: open";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public Optional<ProblemException> problemOf(Throwable failure) {
        if (!causedByUnavailableDatabase(failure)) {
            return Optional.empty();
        }
        String detail = command()
                ? "the database did not answer in time, so whether this command was recorded is unknown; send it "
                  + "again with the same Idempotency-Key, which records it at most once (without a key, look for "
                  + "its effect before sending it again)"
                : "the database did not answer in time; retry later";
        return Optional.of(ProblemType.UNAVAILABLE.exception(detail).retryAfter(RETRY_AFTER));
    }

    DatabaseUnavailable() {
    }

    /** Whether {@code failure} or any of its causes says the database was out of reach. */
    public static boolean causedByUnavailableDatabase(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (unavailable(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailable(Throwable failure) {
        for (Class<? extends Throwable> type : UNAVAILABLE) {
            if (type.isInstance(failure)) {
                return true;
            }
        }
        if (failure instanceof MongoException mongo && mongo.hasErrorLabel(RETRYABLE_WRITE_ERROR)) {
            return true;
        }
        if (failure instanceof MongoCommandException command) {
            return UNAVAILABLE_CODES.contains(command.getErrorCode());
        }
        if (failure instanceof MongoWriteConcernException writeConcern) {
            return UNAVAILABLE_CODES.contains(writeConcern.getWriteConcernError().getCode());
        }
        if (failure instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() != null) {
            return UNAVAILABLE_CODES.contains(bulk.getWriteConcernError().getCode());
        }
        return failure instanceof IllegalStateException
               && CLIENT_CLOSED.equals(failure.getMessage())
               && thrownByTheDriver(failure);
    }

    private static boolean thrownByTheDriver(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("com.mongodb.");
    }

    /** Whether the request being answered asks for a change (the mapping is also asked outside requests). */
    private static boolean command() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
               && !SAFE_METHODS.contains(attributes.getRequest().getMethod());
    }
}
