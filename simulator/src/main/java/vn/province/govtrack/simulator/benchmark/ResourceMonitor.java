package vn.province.govtrack.simulator.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches, every few seconds while a size is measured, the heap each of the product's JVMs uses and
 * the size of the data directory, keeping the largest of each. The heap comes from {@code jstat -gc
 * PID INTERVAL}, one long-running {@code jstat} per JVM: it reads the JVM's performance counters from
 * shared memory, without attaching to it or stopping it. Without {@code jstat} (a runtime without the
 * JDK tools) the heaps are reported as not measured.
 */
final class ResourceMonitor implements AutoCloseable {

    static final long PERIOD_MILLIS = 5000;

    private static final Path JSTAT = Path.of(System.getProperty("java.home"), "bin", "jstat");
    /** {@code jstat} (and the soak's {@code jcmd}) is a JVM too: a small one, that leaves the cores to the product. */
    static final List<String> JSTAT_OPTIONS = List.of("-J-Xmx32m", "-J-XX:+UseSerialGC",
                                                              "-J-XX:TieredStopAtLevel=1");
    /** Starts of {@code jstat} in a row that gave no sample, after which a JVM's heap is not sampled any more. */
    private static final int FRUITLESS_STARTS = 10;

    private final Path dataDir;
    private final Map<String, Watched> jvms = new LinkedHashMap<>();
    private final AtomicLong maxStoreBytes = new AtomicLong(-1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "store-size-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    /** Starts sampling the size of {@code dataDir} ({@link Product#storeBytes}) at once. */
    ResourceMonitor(Path dataDir) {
        this.dataDir = dataDir;
        timer.scheduleAtFixedRate(() -> maxStoreBytes.accumulateAndGet(Product.storeBytes(dataDir), Math::max), 0,
                                  PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Whether heaps can be measured here. */
    static boolean available() {
        return Files.isExecutable(JSTAT);
    }

    /** Samples the heap of {@code process}, a JVM started with {@code -Xmx} {@code maxHeap}, until it exits. */
    synchronized void watch(String name, Process process, String maxHeap) {
        Watched watched = new Watched(maxHeap);
        jvms.put(name, watched);
        if (!available()) {
            return;
        }
        Thread thread = new Thread(() -> sample(process, watched), "heap-sampler-" + process.pid());
        thread.setDaemon(true);
        thread.start();
    }

    /** The heap of every JVM watched, by name; a JVM with no sample shows 0 samples. */
    synchronized Map<String, DemoResults.Heap> heaps() {
        Map<String, DemoResults.Heap> heaps = new LinkedHashMap<>();
        jvms.forEach((name, watched) -> heaps.put(name, watched.heap()));
        return heaps;
    }

    /** The largest size of the data directory in any sample so far. */
    long maxStoreBytes() {
        return Math.max(maxStoreBytes.get(), Product.storeBytes(dataDir));
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        synchronized (this) {
            jvms.values().forEach(Watched::stop);
        }
    }

    /**
     * Runs {@code jstat} on the process until it exits. A {@code jstat} started before the JVM has
     * published its counters gives up at once: it is started again a second later, up to
     * {@link #FRUITLESS_STARTS} times in a row (a JVM without performance counters never has any).
     */
    private void sample(Process process, Watched watched) {
        int fruitless = 0;
        while (!closed && process.isAlive() && fruitless < FRUITLESS_STARTS) {
            try {
                List<String> command = new ArrayList<>();
                command.add(JSTAT.toString());
                command.addAll(JSTAT_OPTIONS);
                command.addAll(List.of("-gc", String.valueOf(process.pid()), String.valueOf(PERIOD_MILLIS)));
                Process jstat = new ProcessBuilder(command).redirectErrorStream(true).start();
                watched.running(jstat);
                int samplesBefore = watched.heap().samples();
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                    String header = null;
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.trim().startsWith("S0C")) {
                            header = line;
                        } else if (header != null) {
                            watched.add(JstatGc.parse(header, line));
                        }
                    }
                }
                jstat.waitFor();
                fruitless = watched.heap().samples() > samplesBefore ? 0 : fruitless + 1;
                Thread.sleep(1000);
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One line of {@code jstat -gc}: its columns by header name, sizes in KiB. */
    record JstatGc(long usedBytes, long oldBytes) {

        /** @return null for a line that is not a sample (an error message, say) */
        static JstatGc parse(String header, String line) {
            List<String> names = Arrays.asList(header.trim().split("\\s+"));
            String[] values = line.trim().split("\\s+");
            if (values.length != names.size()) {
                return null;
            }
            try {
                double kib = 0;
                for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                    kib += Double.parseDouble(values[names.indexOf(column)]);
                }
                double old = Double.parseDouble(values[names.indexOf("OU")]);
                return new JstatGc(Math.round(kib * 1024), Math.round(old * 1024));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /** What is known of one JVM's heap; updated by its sampler thread, read by the benchmark. */
    private static final class Watched {

        private final String maxHeap;
        private final List<Process> jstats = new ArrayList<>();
        private int samples;
        private long maxUsed;
        private long maxOld;

        Watched(String maxHeap) {
            this.maxHeap = maxHeap;
        }

        synchronized void running(Process jstat) {
            jstats.add(jstat);
        }

        synchronized void add(JstatGc sample) {
            if (sample != null) {
                samples++;
                maxUsed = Math.max(maxUsed, sample.usedBytes());
                maxOld = Math.max(maxOld, sample.oldBytes());
            }
        }

        synchronized DemoResults.Heap heap() {
            return new DemoResults.Heap(maxHeap, samples, maxUsed, maxOld);
        }

        synchronized void stop() {
            jstats.forEach(Process::destroy);
        }
    }
}
