package vn.province.govtrack.simulator.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import vn.province.govtrack.simulator.http.DevTokens;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;

/**
 * The product as {@code ./run} starts it — the embedded MongoDB with its durable file store, the
 * command side and the query side, each its own JVM — but on the benchmark's own ports and data
 * directory, so that it neither meets a running {@code ./run} nor reuses its data; or only the two
 * services, on a MongoDB that is already running (end-to-end tests). It also runs the command side's
 * history import against the same store, as {@code ./run --import} does.
 */
public final class Product implements AutoCloseable {

    static final String MONGO = "embedded MongoDB";
    static final String COMMAND_SIDE = "command side";
    static final String QUERY_SIDE = "query side";
    static final String IMPORTER = "importer";

    private static final long START_TIMEOUT_MILLIS = 300_000;
    private static final String LOCAL_PROFILE = "--spring.profiles.active=local";

    /** Every process started, by name, in the order started. */
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final List<String> javaOptions;
    private final Path commandJar;
    private final String mongoUri;
    private final String database;
    /** Where the local profile keeps its generated secrets, shared by both services and the importer. */
    private final Path secretsDir;
    private final Http commands;
    private final DevTokens tokens;
    private final Http queries;
    private final Thread shutdownHook = new Thread(this::stopAll, "stop-product");

    private Product(List<String> javaOptions, Path commandJar, String mongoUri, String database, Path secretsDir,
                    Http commands, String queryUrl) {
        this.javaOptions = List.copyOf(javaOptions);
        this.commandJar = commandJar;
        this.mongoUri = mongoUri;
        this.database = database;
        this.secretsDir = secretsDir;
        this.commands = commands;
        this.tokens = new DevTokens(commands);
        this.queries = new Http(queryUrl, () -> tokens.of(Official.AUDITOR));
    }

    /** Starts the three processes on an empty {@code dataDir} and waits until both services are UP. */
    static Product start(Path repository, Path dataDir, Ports ports, List<String> javaOptions) {
        Path mongoJar = jar(repository.resolve("embedded-mongo/target"), "embedded-mongo-", "-exec.jar");
        Path commandJar = jar(repository.resolve("command-side/target"), "command-side-", "SNAPSHOT.jar");
        Path queryJar = jar(repository.resolve("query-side/target"), "query-side-", "SNAPSHOT.jar");
        Path logs = dataDir.resolve("logs");
        deleteRecursively(dataDir);
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Product product = new Product(javaOptions, commandJar, "mongodb://127.0.0.1:" + ports.mongo(), null,
                                      dataDir.toAbsolutePath(), new Http("http://127.0.0.1:" + ports.command()),
                                      "http://127.0.0.1:" + ports.query());
        Runtime.getRuntime().addShutdownHook(product.shutdownHook);
        try {
            Process mongo = product.launch(MONGO, mongoJar, logs.resolve("mongo.log"), false,
                                           "--port=" + ports.mongo(), "--data-dir=" + dataDir.toAbsolutePath());
            waitFor(() -> Files.readString(logs.resolve("mongo.log")).contains("ready on mongodb://"), mongo,
                    "embedded MongoDB");
            product.startServices(queryJar, logs, ports);
            return product;
        } catch (RuntimeException e) {
            product.close();
            throw e;
        }
    }

    /**
     * Starts the command side and the query side from the jars under {@code repository} on the MongoDB at
     * {@code mongoUri} (database {@code database}), in the local profile as {@code ./run} does, logging to
     * {@code logs}, and waits until both are UP.
     */
    public static Product startServices(Path repository, String mongoUri, String database, Ports ports,
                                        List<String> javaOptions, Path logs) {
        Path commandJar = jar(repository.resolve("command-side/target"), "command-side-", "SNAPSHOT.jar");
        Path queryJar = jar(repository.resolve("query-side/target"), "query-side-", "SNAPSHOT.jar");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Product product = new Product(javaOptions, commandJar, mongoUri, database, logs.toAbsolutePath().getParent(),
                                      new Http("http://127.0.0.1:" + ports.command()),
                                      "http://127.0.0.1:" + ports.query());
        Runtime.getRuntime().addShutdownHook(product.shutdownHook);
        try {
            product.startServices(queryJar, logs, ports);
            return product;
        } catch (RuntimeException e) {
            product.close();
            throw e;
        }
    }

    private void startServices(Path queryJar, Path logs, Ports ports) {
        Process command = launch(COMMAND_SIDE, commandJar, logs.resolve("command-side.log"), true,
                                 "--server.port=" + ports.command(), LOCAL_PROFILE, secrets(),
                                 "--govtrack.query-side.base-url=http://127.0.0.1:" + ports.query());
        Process query = launch(QUERY_SIDE, queryJar, logs.resolve("query-side.log"), true,
                               "--server.port=" + ports.query(), LOCAL_PROFILE, secrets());
        waitFor(() -> up(commands), command, "command side");
        waitFor(() -> up(queries), query, "query side");
    }

    /**
     * Starts {@code java -jar command-side.jar import FILE} on the product's store, with the same JVM
     * options, profile and secrets as the services ({@code ./run --import}), its standard output and
     * error together on the returned process's input stream. The caller waits for it;
     * {@link #close} stops it if it still runs.
     */
    Process startImport(Path file) {
        List<String> command = javaCommand(commandJar);
        command.addAll(List.of("import", file.toAbsolutePath().toString(), LOCAL_PROFILE, secrets()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        onStore(builder);
        return start(IMPORTER, builder, commandJar);
    }

    /** The product's JVMs by name ({@link #MONGO}, {@link #COMMAND_SIDE}, {@link #QUERY_SIDE}, {@link #IMPORTER}). */
    synchronized Map<String, Process> processes() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(processes));
    }

    private String secrets() {
        return "--govtrack.local.data-dir=" + secretsDir;
    }

    public Http commands() {
        return commands;
    }

    /** Tokens from the command side's {@code /dev/tokens}: the services run in the local profile. */
    public DevTokens tokens() {
        return tokens;
    }

    /** The query side, as an auditor (who may read everything). */
    public Http queries() {
        return queries;
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs stopAll itself
        }
    }

    /** The importer and the services first, so that they do not lose their database while shutting down. */
    private synchronized void stopAll() {
        List<Process> started = new ArrayList<>(processes.values());
        for (int i = started.size() - 1; i >= 0; i--) {
            Process process = started.get(i);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    /** A service (not the database itself) gets the store as MONGODB_URI and, when given, MONGODB_DATABASE. */
    private Process launch(String name, Path jar, Path log, boolean service, String... args) {
        List<String> command = javaCommand(jar);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (service) {
            onStore(builder);
        }
        return start(name, builder, jar);
    }

    private void onStore(ProcessBuilder builder) {
        builder.environment().put("MONGODB_URI", mongoUri);
        if (database != null) {
            builder.environment().put("MONGODB_DATABASE", database);
        }
    }

    private List<String> javaCommand(Path jar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private synchronized Process start(String name, ProcessBuilder builder, Path jar) {
        try {
            Process process = builder.start();
            processes.put(name, process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    private static boolean up(Http service) {
        try {
            return service.get("/actuator/health").body().path("status").asText().equals("UP");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private interface Check {
        boolean ok() throws IOException;
    }

    private static void waitFor(Check check, Process process, String name) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        try {
            while (!check.ok()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited during start-up; see its log");
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(name + " not ready after " + START_TIMEOUT_MILLIS / 1000 + " s");
                }
                Thread.sleep(500);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The newest jar in {@code dir} whose name starts and ends as given. */
    private static Path jar(Path dir, String prefix, String suffix) {
        Path newest = null;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, prefix + "*" + suffix)) {
            for (Path jar : jars) {
                if (newest == null || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(newest)) > 0) {
                    newest = jar;
                }
            }
        } catch (IOException e) {
            newest = null;
        }
        if (newest == null) {
            throw new IllegalStateException("no " + prefix + "*" + suffix + " in " + dir + "; build the product first");
        }
        return newest;
    }

    /**
     * The bytes of the files in a data directory {@link #start} used, its logs excluded: the embedded
     * server's store and the local secrets. -1 when it cannot be read; files that vanish while it is
     * read (the store's temporary files) count as empty.
     */
    static long storeBytes(Path dataDir) {
        Path logs = dataDir.resolve("logs");
        try (var files = Files.walk(dataDir)) {
            return files.filter(file -> !file.startsWith(logs)).filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }

    /** Where the three processes listen ({@code mongo} unused by {@link #startServices}). */
    public record Ports(int mongo, int command, int query) {
    }
}
