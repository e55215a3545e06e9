package vn.province.govtrack.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.province.govtrack.embeddedmongo.EmbeddedMongoServer;

/**
 * The embedded MongoDB launcher in a JVM of its own, as {@code ./run} starts it: the benchmark
 * talks to it over TCP, and the server's work and garbage stay out of the client's JVM.
 */
final class EmbeddedServerProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    /** The launcher's ready line ends with the address it listens on ({@code --port=0}: a free one). */
    private static final Pattern READY = Pattern.compile("ready on (mongodb://[^\\s]+)");

    private final Process process;
    private final Path log;
    private final String uri;

    private EmbeddedServerProcess(Process process, Path log, String uri) {
        this.process = process;
        this.log = log;
        this.uri = uri;
    }

    /** How the child JVM is started, for the report. */
    static final String JVM_OPTIONS = "-Xmx1g -Xbatch";

    /**
     * Starts the launcher on a free port of 127.0.0.1: with the durable H2 file backend in
     * {@code workDir} unless {@code memory}. Waits until it accepts connections.
     */
    static EmbeddedServerProcess start(boolean memory, Path workDir) throws IOException, InterruptedException {
        Path log = workDir.resolve(memory ? "memory-server.log" : "h2-server.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                // JIT in the foreground, as in the benchmark's own JVM: warm-up then takes a number of
                // calls rather than of seconds, however busy the machine is.
                "-Xbatch",
                "-cp", System.getProperty("java.class.path"),
                EmbeddedMongoServer.class.getName(),
                "--port=0"));
        command.add(memory ? "--memory" : "--data-dir=" + workDir.resolve("h2-data"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (true) {
            Matcher ready = READY.matcher(read(log));
            if (ready.find()) {
                return new EmbeddedServerProcess(process, log, ready.group(1));
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("embedded MongoDB did not become ready:\n" + read(log));
            }
            Thread.sleep(50);
        }
    }

    String uri() {
        return uri;
    }

    /** CPU nanoseconds the server has used so far, or -1 if the platform does not tell. */
    long cpuNanos() {
        return CpuTime.ofProcess(process.pid());
    }

    /** SIGTERM (the launcher closes its store), then waits for the process to end. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("embedded MongoDB ignored SIGTERM for 30 s:\n" + read(log));
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
