package vn.province.govtrack.simulator.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>A cluster ({@link #startCluster}) runs several command sides and query sides on one store, each
 * on a free port; it is the harness of the crash and the several-instance suites, which {@link #kill}
 * a part with SIGKILL and {@link #restart} it on the same port, data and arguments. Parts are named
 * {@code mongo}, {@code command-N} and {@code query-N} (N from 1); each writes its own log under
 * {@link #logs()}, a restarted part appending to it.
 */
public final class Product implements AutoCloseable {

    static final String MONGO = "embedded MongoDB";
    static final String COMMAND_SIDE = "command side";
    static final String QUERY_SIDE = "query side";
    static final String IMPORTER = "importer";

    /** The database the services use when given none (their {@code MONGODB_DATABASE} default). */
    private static final String DEFAULT_DATABASE = "govtrack";
    private static final String MONGO_PART = "mongo";
    private static final long START_TIMEOUT_MILLIS = 300_000;
    /** How often a restart is tried when the process exits while starting (e.g. its port not yet free). */
    private static final int RESTART_ATTEMPTS = 3;
    private static final String LOCAL_PROFILE = "--spring.profiles.active=local";
    /** The embedded server's line once it accepts connections (EmbeddedMongoServer's ready marker). */
    private static final String READY_MARKER = "ready on mongodb://";

    /** Every process started, by label, in the order started; a restarted part keeps its place. */
    private final Map<String, Process> processes = new LinkedHashMap<>();
    /** The parts that can be killed and restarted, by name. */
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final List<String> javaOptions;
    private final Path commandJar;
    private final Path queryJar;
    private final String mongoUri;
    private final String database;
    /** Where the local profile keeps its generated secrets, shared by both services and the importer. */
    private final Path secretsDir;
    private final Path logs;
    private final List<Http> commands = new ArrayList<>();
    private final List<Http> queries = new ArrayList<>();
    private final DevTokens tokens;
    private final Thread shutdownHook = new Thread(this::stopAll, "stop-product");

    private Product(Path repository, List<String> javaOptions, String mongoUri, String database, Path secretsDir,
                    Path logs, List<Integer> commandPorts, List<Integer> queryPorts) {
        this.javaOptions = List.copyOf(javaOptions);
        this.commandJar = jar(repository.resolve("command-side/target"), "command-side-", "SNAPSHOT.jar");
        this.queryJar = jar(repository.resolve("query-side/target"), "query-side-", "SNAPSHOT.jar");
        this.mongoUri = mongoUri;
        this.database = database;
        this.secretsDir = secretsDir;
        this.logs = logs.toAbsolutePath();
        for (int port : commandPorts) {
            commands.add(new Http("http://127.0.0.1:" + port));
        }
        this.tokens = new DevTokens(commands.get(0));
        for (int port : queryPorts) {
            queries.add(new Http("http://127.0.0.1:" + port, () -> tokens.of(Official.AUDITOR)));
        }
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the three processes on an empty {@code dataDir} and waits until both services are UP. */
    static Product start(Path repository, Path dataDir, Ports ports, List<String> javaOptions) {
        deleteRecursively(dataDir);
        Product product = new Product(repository, javaOptions, "mongodb://127.0.0.1:" + ports.mongo(), null,
                                      dataDir.toAbsolutePath(), dataDir.resolve("logs"), List.of(ports.command()),
                                      List.of(ports.query()));
        return product.launchAll(repository, dataDir, ports.mongo());
    }

    /**
     * Starts the command side and the query side from the jars under {@code repository} on the MongoDB at
     * {@code mongoUri} (database {@code database}), in the local profile as {@code ./run} does, logging to
     * {@code logs}, and waits until both are UP.
     */
    public static Product startServices(Path repository, String mongoUri, String database, Ports ports,
                                        List<String> javaOptions, Path logs) {
        Product product = new Product(repository, javaOptions, mongoUri, database, logs.toAbsolutePath().getParent(),
                                      logs, List.of(ports.command()), List.of(ports.query()));
        return product.launchAll(repository, null, 0);
    }

    /**
     * Starts on an empty {@code dataDir} the embedded MongoDB (its durable file store there) and
     * {@code instances} command sides and query sides on it, each on a free port, and waits until every
     * service is UP. Instance 1 starts first, the others once it is UP, so that only one of them
     * initialises a fresh store. The logs go to {@code dataDir/logs}.
     */
    public static Product startCluster(Path repository, Path dataDir, int instances, List<String> javaOptions) {
        deleteRecursively(dataDir);
        int mongoPort = freePort();
        Product product = new Product(repository, javaOptions, "mongodb://127.0.0.1:" + mongoPort, DEFAULT_DATABASE,
                                      dataDir.toAbsolutePath(), dataDir.resolve("logs"), freePorts(instances),
                                      freePorts(instances));
        return product.launchAll(repository, dataDir, mongoPort);
    }

    /**
     * As {@link #startCluster}, but on a MongoDB that is already running ({@code mongoUri}, database
     * {@code database}), which this product therefore cannot kill; the secrets and the logs go to
     * {@code dir}.
     */
    public static Product startCluster(Path repository, String mongoUri, String database, Path dir, int instances,
                                       List<String> javaOptions) {
        deleteRecursively(dir);
        Product product = new Product(repository, javaOptions, mongoUri, database, dir.toAbsolutePath(),
                                      dir.resolve("logs"), freePorts(instances), freePorts(instances));
        return product.launchAll(repository, null, 0);
    }

    /** The embedded MongoDB when {@code dataDir} is given, then the services, instance by instance. */
    private Product launchAll(Path repository, Path dataDir, int mongoPort) {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            if (dataDir != null) {
                Path mongoJar = jar(repository.resolve("embedded-mongo/target"), "embedded-mongo-", "-exec.jar");
                Part mongo = new Part(MONGO_PART, MONGO, mongoJar, "mongo.log", null, "--port=" + mongoPort,
                                      "--data-dir=" + dataDir.toAbsolutePath());
                launch(mongo);
                awaitReady(mongo);
            }
            for (int instance = 1; instance <= commands.size(); instance++) {
                String suffix = instance == 1 ? "" : " " + instance;
                String logSuffix = instance == 1 ? "" : "-" + instance;
                Http query = queries(instance);
                Part command = new Part("command-" + instance, COMMAND_SIDE + suffix, commandJar,
                                        "command-side" + logSuffix + ".log", commands(instance),
                                        "--server.port=" + port(commands(instance)), LOCAL_PROFILE, secrets(),
                                        "--govtrack.query-side.base-url=" + query.baseUrl());
                Part queryPart = new Part("query-" + instance, QUERY_SIDE + suffix, queryJar,
                                          "query-side" + logSuffix + ".log", query,
                                          "--server.port=" + port(query), LOCAL_PROFILE, secrets());
                launch(command);
                launch(queryPart);
                if (instance == 1 || instance == commands.size()) {
                    for (Part part : parts.values()) {
                        if (!part.ready) {
                            awaitReady(part);
                        }
                    }
                }
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Command side {@code instance} (from 1), without a default token. */
    public Http commands(int instance) {
        return commands.get(instance - 1);
    }

    /** Query side {@code instance} (from 1), as an auditor (who may read everything). */
    public Http queries(int instance) {
        return queries.get(instance - 1);
    }

    /** How many command sides (and as many query sides) the product runs. */
    public int instances() {
        return commands.size();
    }

    /** The store the services use. */
    public String mongoUri() {
        return mongoUri;
    }

    /** The database the services use. */
    public String database() {
        return database != null ? database : DEFAULT_DATABASE;
    }

    /** Where each part writes its log ({@code mongo.log}, {@code command-side.log}, {@code query-side-2.log} …). */
    public Path logs() {
        return logs;
    }

    /** The names of the parts {@link #kill} and {@link #restart} know, in the order started. */
    public synchronized List<String> parts() {
        return List.copyOf(parts.keySet());
    }

    /**
     * Kills {@code part} with SIGKILL ({@code kill -9}) and waits until its process is gone.
     *
     * @throws IllegalArgumentException when this product has no such part (e.g. "mongo" on a MongoDB
     *         it did not start)
     */
    public void kill(String part) {
        Process process;
        synchronized (this) {
            process = part(part).process;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(part + " still runs 60 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Starts {@code part} again, with the same port, data and arguments, its output appended to its
     * log, and waits until it is ready (the database: its ready line; a service: health UP). A part
     * that still runs is killed first.
     */
    public void restart(String part) {
        Part restarted;
        synchronized (this) {
            restarted = part(part);
        }
        if (restarted.process.isAlive()) {
            kill(part);
        }
        for (int attempt = 1; ; attempt++) {
            launch(restarted);
            try {
                awaitReady(restarted);
                return;
            } catch (IllegalStateException e) {
                if (restarted.process.isAlive() || attempt == RESTART_ATTEMPTS) {
                    throw e;
                }
                sleep(1_000);
            }
        }
    }

    /** Whether {@code part}'s process runs. */
    public synchronized boolean alive(String part) {
        return part(part).process.isAlive();
    }

    private Part part(String name) {
        Part part = parts.get(name);
        if (part == null) {
            throw new IllegalArgumentException("no part " + name + "; this product has " + parts.keySet());
        }
        return part;
    }

    /**
     * A process the product can start again: its command line, its log, and how to tell it is ready
     * ({@code health} UP for a service, else the database's ready line).
     */
    private final class Part {

        final String name;
        final String label;
        final Path jar;
        final List<String> command;
        final Path log;
        final Http health;
        Process process;
        /** The ready lines in the log before the latest start. */
        long readyLinesBefore;
        boolean ready;

        Part(String name, String label, Path jar, String logName, Http health, String... args) {
            this.name = name;
            this.label = label;
            this.jar = jar;
            this.command = javaCommand(jar);
            this.command.addAll(List.of(args));
            this.log = logs.resolve(logName);
            this.health = health;
        }

        boolean readyNow() throws IOException {
            if (health != null) {
                return up(health);
            }
            return readyLines() > readyLinesBefore;
        }

        long readyLines() throws IOException {
            if (!Files.exists(log)) {
                return 0;
            }
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            long count = 0;
            for (int at = text.indexOf(READY_MARKER); at >= 0; at = text.indexOf(READY_MARKER, at + 1)) {
                count++;
            }
            return count;
        }
    }

    /** Starts the part's process, appending its output to its log when it ran before. */
    private void launch(Part part) {
        ProcessBuilder builder = new ProcessBuilder(part.command).redirectErrorStream(true);
        try {
            part.readyLinesBefore = part.readyLines();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        builder.redirectOutput(part.process == null ? ProcessBuilder.Redirect.to(part.log.toFile())
                                                    : ProcessBuilder.Redirect.appendTo(part.log.toFile()));
        if (part.health != null) {
            onStore(builder);
        }
        synchronized (this) {
            part.ready = false;
            part.process = start(part.label, builder, part.jar);
            parts.put(part.name, part);
        }
    }

    private void awaitReady(Part part) {
        waitFor(part::readyNow, part.process, part.label);
        part.ready = true;
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

    /** Command side 1. */
    public Http commands() {
        return commands(1);
    }

    /** Tokens from command side 1's {@code /dev/tokens}: the services run in the local profile. */
    public DevTokens tokens() {
        return tokens;
    }

    /** Query side 1, as an auditor (who may read everything). */
    public Http queries() {
        return queries(1);
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

    private static String port(Http service) {
        return service.baseUrl().substring(service.baseUrl().lastIndexOf(':') + 1);
    }

    private static List<Integer> freePorts(int count) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(freePort());
        }
        return ports;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Where the three processes listen ({@code mongo} unused by {@link #startServices}). */
    public record Ports(int mongo, int command, int query) {
    }
}
