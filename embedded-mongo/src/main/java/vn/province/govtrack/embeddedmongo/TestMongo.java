package vn.province.govtrack.embeddedmongo;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The MongoDB that tests talk to over the wire protocol, chosen once per JVM:
 *
 * <ol>
 *   <li>{@code MONGODB_URI} when that environment variable is set, so CI can run every test
 *       against a real MongoDB (standalone or replica set);</li>
 *   <li>otherwise a real MongoDB replica set in Docker, through Testcontainers, when Docker is
 *       reachable and the module's tests have {@code org.testcontainers:mongodb} on their class
 *       path ({@code GOVTRACK_TEST_MONGO=embedded} turns this off,
 *       {@code GOVTRACK_TEST_MONGO=testcontainers} makes a missing Docker an error);</li>
 *   <li>otherwise an in-memory mongo-java-server on a free port of 127.0.0.1.</li>
 * </ol>
 *
 * <p>The server starts on first use and is shared by the whole JVM until it exits. Tests isolate
 * themselves by database, not by server: give each test class (or test) its own
 * {@link #freshDatabaseName(String)}, and each Spring test context one through {@link FreshTestDatabase}.
 */
public final class TestMongo {

    private static final String ENVIRONMENT_VARIABLE = "MONGODB_URI";
    private static final String CHOICE_VARIABLE = "GOVTRACK_TEST_MONGO";
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
        return Choice.URI;
    }

    /** Which server {@link #uri()} answers without {@code MONGODB_URI}: "testcontainers" or "in-memory". */
    public static String kind() {
        String configured = System.getenv(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return "MONGODB_URI";
        }
        return Choice.KIND;
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

    /** Holder idiom: the server is chosen and started when {@link #uri()} first needs it, exactly once. */
    private static final class Choice {

        static final String KIND;
        static final String URI;

        static {
            String choice = System.getenv().getOrDefault(CHOICE_VARIABLE, "auto").trim().toLowerCase(Locale.ROOT);
            boolean wanted = switch (choice) {
                case "embedded", "in-memory" -> false;
                case "testcontainers" -> true;
                default -> dockerPlausiblyReachable() && testcontainersPresent() && Docker.available();
            };
            if (wanted) {
                KIND = "testcontainers";
                URI = Docker.startReplicaSet();
            } else {
                KIND = "in-memory";
                URI = startInMemory();
            }
        }

        /** A cheap look first, so machines without Docker don't pay for (or log) Testcontainers' probing. */
        static boolean dockerPlausiblyReachable() {
            return System.getenv("DOCKER_HOST") != null
                    || new java.io.File("/var/run/docker.sock").exists()
                    || new java.io.File(System.getProperty("user.home"), ".testcontainers.properties").exists();
        }

        static boolean testcontainersPresent() {
            try {
                Class.forName("org.testcontainers.containers.MongoDBContainer", false, TestMongo.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException absent) {
                return false;
            }
        }

        /**
         * Left running until the JVM halts: it holds nothing worth flushing, and stopping it in a shutdown
         * hook would race Spring's, which closes the cached application contexts; their tracking processors
         * release their token claims on the way out and would each wait the driver's 30 s server selection
         * for a server already gone, longer than the test runner waits for its fork to exit.
         */
        private static String startInMemory() {
            MongoServer server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        }
    }

    /**
     * The Testcontainers path. Only this class names Testcontainers types, and it is loaded only
     * once {@link Choice#testcontainersPresent()} said they are on the class path.
     */
    private static final class Docker {

        /** The MongoDB the production compose file runs. */
        private static final String IMAGE = "mongo:7.0";

        static boolean available() {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        }

        /** A single-node replica set (Testcontainers' MongoDB default), stopped by Testcontainers' reaper. */
        static String startReplicaSet() {
            var container = new org.testcontainers.containers.MongoDBContainer(
                    org.testcontainers.utility.DockerImageName.parse(IMAGE));
            container.start();
            return container.getConnectionString();
        }
    }
}
