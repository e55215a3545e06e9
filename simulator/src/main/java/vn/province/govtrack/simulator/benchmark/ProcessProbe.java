package vn.province.govtrack.simulator.benchmark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Http;

/**
 * What the soak reads of each of the product's JVMs at a sample, without attaching to any of them:
 * the heap after its latest collection and after its latest full collection, from the JVM's own GC
 * log ({@code -Xlog:gc:file=DIR/gc-%p.log}); its threads and open file descriptors from
 * {@code /proc/PID}; for the two services, the MongoDB driver's connection pool from
 * {@code /actuator/metrics} (as ADMIN); and the TCP connections each server port has open, from
 * {@code /proc/net/tcp}. A figure that cannot be read is NaN, never a guess.
 */
final class ProcessProbe {

    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    /** One watched JVM: its process, the port it serves (-1: none) and, for a service, its actuator as ADMIN. */
    record Watched(String name, Process process, int port, Http admin) {
    }

    private final List<Watched> watched;
    private final Map<String, GcLog> gcLogs = new LinkedHashMap<>();

    ProcessProbe(List<Watched> watched, Path gcLogDir) {
        this.watched = List.copyOf(watched);
        for (Watched jvm : watched) {
            gcLogs.put(jvm.name(), new GcLog(gcLogDir.resolve("gc-" + jvm.process().pid() + ".log")));
        }
    }

    /**
     * The JVM option that makes a JVM write the GC log this probe reads, into {@code gcLogDir} (relative
     * to the working directory, which the product's JVMs share with the benchmark's).
     */
    static String gcLogOption(Path gcLogDir) {
        return "-Xlog:gc:file=" + gcLogDir.resolve("gc-%p.log") + ":uptime";
    }

    /** Every watched JVM now, by name. */
    Map<String, SoakResults.ProcessSample> sample() {
        List<TcpConnection> connections = TcpConnection.established();
        Map<String, SoakResults.ProcessSample> samples = new LinkedHashMap<>();
        for (Watched jvm : watched) {
            GcLog.Heap heap = gcLogs.get(jvm.name()).read();
            long pid = jvm.process().pid();
            samples.put(jvm.name(), new SoakResults.ProcessSample(
                    heap.afterLastMib(), heap.afterLastFullMib(), heap.collections(), heap.fullCollections(),
                    procStatus(pid, "Threads:"), openFiles(pid), procStatus(pid, "VmRSS:") / 1024,
                    jvm.port() < 0 ? Double.NaN
                            : connections.stream().filter(c -> c.localPort() == jvm.port()).count(),
                    metric(jvm.admin(), "mongodb.driver.pool.size"),
                    metric(jvm.admin(), "mongodb.driver.pool.checkedout")));
        }
        return samples;
    }

    /**
     * Asks every watched JVM for a full collection ({@code jcmd PID GC.run}, i.e. {@code System.gc()}),
     * one after the other, so that the next sample's heap after a full collection is what is live now.
     */
    void collectGarbage() {
        for (Watched jvm : watched) {
            List<String> command = new ArrayList<>();
            command.add(JCMD.toString());
            command.addAll(ResourceMonitor.JSTAT_OPTIONS);
            command.addAll(List.of(String.valueOf(jvm.process().pid()), "GC.run"));
            try {
                Process jcmd = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
                    jcmd.destroyForcibly();
                }
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A numeric field of {@code /proc/PID/status} (e.g. {@code Threads:}, {@code VmRSS:} in KiB); NaN if absent. */
    private static double procStatus(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(line -> line.startsWith(field))
                    .mapToDouble(line -> Double.parseDouble(line.substring(field.length()).replaceAll("[^0-9]", "")))
                    .findFirst().orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double openFiles(long pid) {
        try (Stream<Path> files = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return files.count();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A gauge's value summed over its tags (every pool of the client); NaN without actuator or metric. */
    private static double metric(Http admin, String name) {
        if (admin == null) {
            return Double.NaN;
        }
        try {
            Answer answer = admin.get("/actuator/metrics/" + name);
            if (!answer.ok()) {
                return Double.NaN;
            }
            return answer.body().path("measurements").path(0).path("value").asDouble(Double.NaN);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * A JVM's GC log ({@code -Xlog:gc}), read on from where the last read stopped. Each collection is
     * one line such as {@code [12.3s][info][gc] GC(7) Pause Young (Allocation Failure) 280M->95M(989M) 12.1ms};
     * the value after the arrow is the heap in use once it ended.
     */
    static final class GcLog {

        private static final Pattern PAUSE = Pattern.compile(
                "GC\\(\\d+\\) Pause (Young|Full|Remark|Cleanup)\\b.*?(\\d+)([KMG])->(\\d+)([KMG])\\(");

        /** The heap after the latest collection and the latest full one, in MiB (NaN: none yet). */
        record Heap(double afterLastMib, double afterLastFullMib, long collections, long fullCollections) {
        }

        private final Path file;
        private long offset;
        private double afterLast = Double.NaN;
        private double afterLastFull = Double.NaN;
        private long collections;
        private long fullCollections;

        GcLog(Path file) {
            this.file = file;
        }

        Heap read() {
            if (Files.isReadable(file)) {
                try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
                    if (log.length() < offset) {
                        offset = 0; // rotated
                    }
                    byte[] bytes = new byte[(int) (log.length() - offset)];
                    log.seek(offset);
                    log.readFully(bytes);
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    int complete = text.lastIndexOf('\n') + 1;
                    text.substring(0, complete).lines().forEach(this::add);
                    offset += text.substring(0, complete).getBytes(StandardCharsets.UTF_8).length;
                } catch (IOException e) {
                    // the previous values stand
                }
            }
            return new Heap(afterLast, afterLastFull, collections, fullCollections);
        }

        void add(String line) {
            Matcher pause = PAUSE.matcher(line);
            if (!pause.find()) {
                return;
            }
            double after = mib(Long.parseLong(pause.group(4)), pause.group(5));
            collections++;
            afterLast = after;
            if (pause.group(1).equals("Full")) {
                fullCollections++;
                afterLastFull = after;
            }
        }

        private static double mib(long value, String unit) {
            return switch (unit.toUpperCase(Locale.ROOT)) {
                case "K" -> value / 1024.0;
                case "G" -> value * 1024.0;
                default -> value;
            };
        }
    }

    /** An established TCP connection of this machine, by its local port ({@code /proc/net/tcp} and {@code tcp6}). */
    record TcpConnection(int localPort, int remotePort) {

        private static final String ESTABLISHED = "01";

        static List<TcpConnection> established() {
            List<TcpConnection> connections = new ArrayList<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                try {
                    connections.addAll(parse(Files.readAllLines(Path.of(table))));
                } catch (IOException | RuntimeException e) {
                    // no such table here: IPv4 only, or not Linux
                }
            }
            return connections;
        }

        /** The established connections of one table, its header line first. */
        static List<TcpConnection> parse(List<String> lines) {
            List<TcpConnection> connections = new ArrayList<>();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[3].equals(ESTABLISHED)) {
                    connections.add(new TcpConnection(port(fields[1]), port(fields[2])));
                }
            }
            return connections;
        }

        private static int port(String address) {
            return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
        }
    }
}
