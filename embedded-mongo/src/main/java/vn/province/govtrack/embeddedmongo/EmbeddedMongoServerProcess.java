package vn.province.govtrack.embeddedmongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The launcher in a JVM of its own, so that a test can do to it what happens to a database in
 * production: kill it ({@code kill -9}), start it again on the same port and data, freeze it
 * ({@code kill -STOP}: connections stay open and nothing answers) and let it go on ({@code kill -CONT}).
 * Test support, like {@link TestMongo}: in the main source set so that other modules' tests can use it
 * without a test jar (whose test resources, the logging set-up among them, would come along). It starts
 * the launcher from the class path of the JVM that calls it.
 */
public final class EmbeddedMongoServerProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;
    private boolean frozen;

    private EmbeddedMongoServerProcess(List<String> command, Path log, int port) {
        this.command = command;
        this.log = log;
        this.port = port;
    }

    /** Starts the launcher on a free port with these extra arguments and waits until it is ready. */
    public static EmbeddedMongoServerProcess start(Path log, String... arguments) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                EmbeddedMongoServer.class.getName(),
                "--port=" + port));
        command.addAll(List.of(arguments));
        EmbeddedMongoServerProcess server = new EmbeddedMongoServerProcess(List.copyOf(command), log, port);
        server.launch();
        return server;
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** The process id of the server now running, for {@code kill} by hand. */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        frozen = false;
    }

    /**
     * Starts the server again, after {@link #killHard()} or {@link #stop()}, on the same port with the same
     * arguments (hence the same data directory), and waits until it is ready.
     */
    public void restart() throws Exception {
        if (process.isAlive()) {
            throw new IllegalStateException("the server still runs; kill or stop it first");
        }
        launch();
    }

    /** SIGSTOP: the process stops running; its sockets stay open, so connections hang instead of failing. */
    public void freeze() throws Exception {
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT: a frozen server runs on from where it stood. */
    public void resume() throws Exception {
        signal("CONT");
        frozen = false;
    }

    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** SIGTERM, and waits for the process to end. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("embedded MongoDB ignored SIGTERM for 30 s\n" + output());
        }
    }

    /** What the server has logged, over all its runs. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            if (frozen) {
                resume();
            }
            killHard();
        }
    }

    /**
     * Runs the command, its output appended to the log, until the server says it is ready. A port the
     * previous run held may take a moment to be free again: the launch is retried until the deadline.
     */
    private void launch() throws Exception {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (true) {
            int logged = Files.exists(log) ? output().length() : 0;
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (awaitReady(logged, deadline)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("embedded MongoDB did not become ready\n" + output());
            }
            Thread.sleep(200);
        }
    }

    /** Whether this run said it is ready; false when it ended first (or the deadline passed). */
    private boolean awaitReady(int logged, Instant deadline) throws InterruptedException {
        while (!output().substring(Math.min(logged, output().length())).contains(EmbeddedMongoServer.READY_MARKER)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
