package vn.province.govtrack.embeddedmongo;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Runs mongo-java-server as the local MongoDB of {@code ./run}.
 *
 * <p>By default it listens on 127.0.0.1:27027 and keeps its data in {@code data/govtrack.mv}
 * (H2 MVStore file, relative to the working directory); a write is acknowledged only after it
 * reached that file, so it survives {@code kill -9} of this process (see
 * {@link DurableH2Backend}). {@code --memory} keeps everything in memory instead. SIGTERM and
 * Ctrl-C close the store cleanly. Options are described by {@link LaunchOptions#USAGE}.
 */
public final class EmbeddedMongoServer {

    static {
        // Before the first logger exists: the launcher's own logging setup, which other modules
        // that have this jar on their test classpath must not pick up as "logback.xml".
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "embedded-mongo-logback.xml");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    static final String DATA_FILE_NAME = "govtrack.mv";

    /**
     * Netty threads that run commands (its default: two per core). A write command holds its thread
     * until the file commit that covers it is written, and while one commit runs the writes that
     * arrive on other threads wait to share the next one; with more threads than the clients have
     * commands in flight, a commit covers every write that arrived during the one before it.
     */
    private static final int WORKER_THREADS = 32;

    /** Logged once the server accepts connections; scripts and tests wait for it. */
    static final String READY_MARKER = "ready on mongodb://";

    private EmbeddedMongoServer() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        try {
            run(options);
        } catch (Exception e) {
            log.error("Embedded MongoDB could not start: {}", e.toString());
            System.exit(1);
        }
    }

    private static void run(LaunchOptions options) throws Exception {
        String description;
        MongoBackend backend;
        if (options.memory()) {
            backend = new MemoryBackend();
            description = "memory backend: nothing is kept after it stops";
        } else {
            Files.createDirectories(options.dataDir());
            Path file = options.dataDir().resolve(DATA_FILE_NAME).toAbsolutePath();
            try {
                backend = DurableH2Backend.open(file, options.fsync());
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot open " + file
                        + " (is another embedded MongoDB using this data directory?): " + e.getMessage(), e);
            }
            description = "H2 file " + file + ", each write committed before it is acknowledged"
                    + (options.fsync() ? " and forced to disk" : "");
        }

        MongoServer server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress(options.host(), options.port()), 0, WORKER_THREADS);
        } catch (Exception e) {
            backend.close();
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port()
                    + " (port in use?): " + e, e);
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Embedded MongoDB stopping");
            server.shutdownNow();
            log.info("Embedded MongoDB stopped");
            stopped.countDown();
        }, "embedded-mongo-shutdown"));

        log.info("Embedded MongoDB {}{}:{} ({})", READY_MARKER, options.host(), server.getLocalAddress().getPort(),
                description);
        stopped.await();
    }
}
