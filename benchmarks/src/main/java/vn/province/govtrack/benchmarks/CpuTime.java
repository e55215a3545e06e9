package vn.province.govtrack.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time consumed by the benchmark's own JVM and by the embedded server's process. Unlike wall
 * time it barely grows when other processes compete for the cores, so events per CPU-second
 * stay comparable on a shared, busy machine.
 */
final class CpuTime {

    private CpuTime() {
    }

    /**
     * CPU nanoseconds used so far by this JVM's live threads, like {@link #ofProcess}; where
     * {@code /proc} is missing, the JVM's own figure (which on Linux counts in 10 ms ticks).
     */
    static long ofThisProcess() {
        long fromProc = ofProcess(ProcessHandle.current().pid());
        return fromProc >= 0 ? fromProc
                : ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime();
    }

    /**
     * CPU nanoseconds used so far by the live threads of process {@code pid} (the sum of the
     * first field of each {@code /proc/<pid>/task/<tid>/schedstat}), or -1 where that is not
     * readable. Nanosecond resolution; the time of threads that ended is not counted, which for
     * both JVMs here (long-lived event loops, pools and the benchmark's own thread) is noise.
     */
    static long ofProcess(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            long total = 0;
            for (Path thread : threads.toList()) {
                try {
                    String schedstat = Files.readString(thread.resolve("schedstat")).trim();
                    total += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                } catch (IOException | RuntimeException e) {
                    // The thread ended between listing and reading: its time is gone either way.
                }
            }
            return total;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
