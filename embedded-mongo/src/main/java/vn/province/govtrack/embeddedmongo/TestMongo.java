package vn.province.govtrack.embeddedmongo;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The MongoDB that tests talk to over the wire protocol.
 *
 * <p>{@link #uri()} is {@code MONGODB_URI} when that environment variable is set (so CI can run
 * every test against a real MongoDB), otherwise an in-memory mongo-java-server on a free port of
 * 127.0.0.1, started on first use and shared by the whole JVM until it exits. Tests isolate
 * themselves by database, not by server: give each test class (or test) its own
 * {@link #freshDatabaseName(String)}.
 */
public final class TestMongo {

    private static final String ENVIRONMENT_VARIABLE = "MONGODB_URI";
    private static final int MAX_DATABASE_NAME_LENGTH = 63;

    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicLong DATABASE_COUNTER = new AtomicLong();

    private TestMongo() {
    }

    /** The connection string of the MongoDB under test; starts the shared in-memory server on first call. */
    public static String uri() {
        String configured = System.getenv(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return SharedInMemoryServer.URI;
    }

    /**
     * A database name no other call returns, in this JVM or (through a random run id) in another
     * one sharing the same {@code MONGODB_URI}. Characters MongoDB forbids in database names are
     * replaced by {@code _}.
     */
    public static String freshDatabaseName(String prefix) {
        String safePrefix = prefix == null || prefix.isBlank()
                ? "test"
                : prefix.replaceAll("[^A-Za-z0-9_-]", "_").toLowerCase(Locale.ROOT);
        String suffix = "_" + RUN_ID + "_" + DATABASE_COUNTER.incrementAndGet();
        int room = MAX_DATABASE_NAME_LENGTH - suffix.length();
        return (safePrefix.length() > room ? safePrefix.substring(0, room) : safePrefix) + suffix;
    }

    /** Holder idiom: the server starts when {@link #uri()} first needs it, exactly once. */
    private static final class SharedInMemoryServer {

        static final String URI = start();

        private static String start() {
            MongoServer server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "test-mongo-shutdown"));
            return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        }
    }
}
