package vn.province.govtrack.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a run measured on, read from {@code /proc} where there is one. */
final class Machines {

    private Machines() {
    }

    static Results.Machine describe(String loadAtStart, String loadAtEnd) {
        return new Results.Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), memoryMib(),
                                   System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                                   System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                                   + System.getProperty("os.arch"),
                                   loadAtStart, loadAtEnd);
    }

    /** The 1, 5 and 15 minute load averages, or "unknown". */
    static String loadAverage() {
        List<String> lines = lines("/proc/loadavg");
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] fields = lines.get(0).trim().split("\\s+");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
    }

    private static String cpuModel() {
        return lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name"))
                                     .map(l -> l.substring(l.indexOf(':') + 1).trim())
                                     .findFirst().orElse(System.getProperty("os.arch"));
    }

    private static long memoryMib() {
        return lines("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:"))
                                     .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                                     .findFirst().orElse(-1L);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
