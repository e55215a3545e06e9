package vn.province.govtrack.simulator.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * {@code ./run} itself, started as an operator starts it, but with the jars already built
 * ({@code --no-build}), on free ports ({@code GOVTRACK_BASE_PORT}, {@code EMBEDDED_MONGO_PORT}) and a
 * data directory of its own under {@code target/} ({@code GOVTRACK_DATA_DIR}), with small heaps. It
 * always starts its own embedded MongoDB: {@code MONGODB_URI} is removed from its environment. Its
 * console (standard output and error) goes to {@code console.txt} in the data directory; the process
 * ids of its parts are read from the pid files it keeps ({@code run/<part>.pid}). The commands that run
 * to their end beside it or on a data directory of their own ({@code ./run backup FILE},
 * {@code ./run restore FILE}) get the same environment.
 */
final class RunScript implements AutoCloseable {

    /**
     * Small heaps; and a checkpoint of the log signed every 3 s (instead of 5 minutes), looked for every
     * second, so that the short log of a test is signed as a long-running store's is.
     */
    private static final String JAVA_OPTS = "-XX:+UseSerialGC -Xmx384m -XX:TieredStopAtLevel=1"
                                            + " -Dgovtrack.audit.checkpoint-every=PT3S -Dgovtrack.audit.check-interval=PT1S";

    private final Process process;
    private final Path dataDir;
    private final Path console;
    private final int basePort;
    private final int mongoPort;

    private RunScript(Process process, Path dataDir, Path console, int basePort, int mongoPort) {
        this.process = process;
        this.dataDir = dataDir;
        this.console = console;
        this.basePort = basePort;
        this.mongoPort = mongoPort;
    }

    /**
     * Runs {@code ./run} with {@code arguments} and {@code environment} (over this JVM's) to its end, for
     * what it answers before starting anything: help and refused options.
     */
    static Ended runToEnd(Map<String, String> environment, String... arguments) {
        ProcessBuilder builder = builder(arguments);
        builder.environment().putAll(environment);
        return runToEnd(builder, Duration.ofSeconds(60), arguments);
    }

    /**
     * Runs {@code ./run} with {@code arguments} beside this one, to its end: on the same embedded MongoDB
     * port, service ports and data directory ({@code ./run backup FILE}).
     */
    Ended runBeside(Duration timeout, String... arguments) {
        ProcessBuilder builder = builder(arguments);
        operatorEnvironment(builder, basePort, mongoPort, dataDir);
        return runToEnd(builder, timeout, arguments);
    }

    /**
     * Runs {@code ./run} with {@code arguments} on {@code dataDir}, with an embedded MongoDB port of its own,
     * to its end ({@code ./run restore FILE}, while no {@code ./run} uses that directory).
     */
    static Ended runOn(Path dataDir, Duration timeout, String... arguments) {
        ProcessBuilder builder = builder(arguments);
        operatorEnvironment(builder, consecutiveFreePorts(4), consecutiveFreePorts(1), dataDir);
        return runToEnd(builder, timeout, arguments);
    }

    private static ProcessBuilder builder(String... arguments) {
        List<String> command = new ArrayList<>(List.of(repository().resolve("run").toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(repository().toFile()).redirectErrorStream(true);
    }

    /**
     * Waits for the end of what {@code builder} starts; its output goes through a file, so that one that
     * never ends fails the test after {@code timeout} instead of blocking a read, and is killed with every
     * process it started.
     */
    static Ended runToEnd(ProcessBuilder builder, Duration timeout, String... arguments) {
        try {
            Path output = Files.createTempFile(Files.createDirectories(Path.of("target").toAbsolutePath()), "run-", ".txt");
            Process process = builder.redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new AssertionError("./run " + String.join(" ", arguments) + " did not end within "
                                         + timeout.toSeconds() + " s; it said:\n" + read(output));
            }
            return new Ended(process.exitValue(), read(output));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ./run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** How {@code ./run} ended: its exit status and everything it printed. */
    record Ended(int status, String output) {
    }

    /** Starts {@code ./run --no-build} with {@code options} on a new data directory. */
    static RunScript start(String name, String... options) {
        return startOn(newDataDir(name), options);
    }

    /** A new, empty data directory under {@code target/}, named after {@code name}. */
    static Path newDataDir(String name) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory", e);
        }
    }

    /**
     * Starts {@code ./run --no-build} with {@code options} from the repository the build runs in, on
     * {@code dataDir}, which may hold a store already.
     */
    static RunScript startOn(Path dataDir, String... options) {
        return startWithJavaOpts(dataDir, JAVA_OPTS, options);
    }

    /** As {@link #startOn}, the JVMs with {@code javaOpts} instead of the small heaps. */
    static RunScript startWithJavaOpts(Path dataDir, String javaOpts, String... options) {
        Path console = dataDir.resolve("console.txt");
        int basePort = consecutiveFreePorts(4);
        int mongoPort = consecutiveFreePorts(1);
        List<String> arguments = new ArrayList<>(List.of("--no-build"));
        arguments.addAll(List.of(options));
        ProcessBuilder builder = builder(arguments.toArray(String[]::new)).redirectOutput(console.toFile());
        operatorEnvironment(builder, basePort, mongoPort, dataDir);
        builder.environment().put("JAVA_OPTS", javaOpts);
        try {
            return new RunScript(builder.start(), dataDir, console, basePort, mongoPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ./run", e);
        }
    }

    /** The environment of a {@code ./run} of the test's: its own ports, data directory and embedded MongoDB. */
    private static void operatorEnvironment(ProcessBuilder builder, int basePort, int mongoPort, Path dataDir) {
        Map<String, String> environment = builder.environment();
        environment.keySet().removeAll(List.of("MONGODB_URI", "MONGODB_DATABASE", "GOVTRACK_QUERY_BASE_URL"));
        environment.put("GOVTRACK_BASE_PORT", String.valueOf(basePort));
        environment.put("EMBEDDED_MONGO_PORT", String.valueOf(mongoPort));
        environment.put("GOVTRACK_DATA_DIR", dataDir.toString());
        environment.put("JAVA_OPTS", JAVA_OPTS);
        // the JVMs of ./run are this build's Java
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + environment.get("PATH"));
    }

    /** The command side ({@code instance} 1, 2 ...) as {@code ./run} places it. */
    String commandSideUrl(int instance) {
        return "http://127.0.0.1:" + (basePort + 2 * (instance - 1));
    }

    String querySideUrl(int instance) {
        return "http://127.0.0.1:" + (basePort + 2 * (instance - 1) + 1);
    }

    int basePort() {
        return basePort;
    }

    Process process() {
        return process;
    }

    Path dataDir() {
        return dataDir;
    }

    /** What {@code ./run} printed so far. */
    String console() {
        return read(console);
    }

    /** {@code ./run}'s own log of starts, deaths, restarts and stops. */
    String runLog() {
        return read(dataDir.resolve("logs/run.log"));
    }

    /** The process id in {@code run/<part>.pid}; empty while the part is down and not yet started again. */
    OptionalLong pid(String part) {
        String text = read(dataDir.resolve("run/" + part + ".pid")).strip();
        return text.matches("[0-9]+") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }

    /** Waits until {@code condition} holds, failing after {@code timeout} or when {@code ./run} has exited. */
    void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("./run exited (" + process.exitValue() + ") while waiting until " + what
                        + "; its console:\n" + console());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "; ./run's console:\n"
                        + console());
            }
            pause(Duration.ofMillis(250));
        }
    }

    /** The last resort after a failed test: nothing this started may outlive the build. */
    @Override
    public void close() {
        if (process.isAlive()) {
            List<ProcessHandle> descendants = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    kill(process);
                }
            } catch (InterruptedException e) {
                kill(process);
                Thread.currentThread().interrupt();
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * Kills {@code process} and every process it started (the script's JVMs and what they run): the script
     * first, so that it starts none again; the descendants found before, which it leaves behind. Returns
     * when all are gone, or after 30 s.
     */
    private static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (ProcessHandle handle : descendants) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path repository() {
        return Path.of(System.getProperty("govtrack.repository", "..")).toAbsolutePath().normalize();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first of {@code count} consecutive ports free on the loopback interface now, below Linux's ephemeral range. */
    private static int consecutiveFreePorts(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            boolean free = true;
            for (int port = first; port < first + count && free; port++) {
                try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                } catch (IOException inUse) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found");
    }
}
