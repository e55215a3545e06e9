package vn.province.govtrack.simulator;

import static vn.province.govtrack.simulator.SimulatorOptions.date;
import static vn.province.govtrack.simulator.SimulatorOptions.number;
import static vn.province.govtrack.simulator.SimulatorOptions.queue;
import static vn.province.govtrack.simulator.SimulatorOptions.value;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Deque;

import vn.province.govtrack.simulator.dossier.DossierPlanner;
import vn.province.govtrack.simulator.dossier.HistoryWriter;
import vn.province.govtrack.simulator.dossier.Scenario;
import vn.province.govtrack.simulator.province.Province;
import vn.province.govtrack.simulator.province.ProvinceCatalogue;

/**
 * {@code java -jar simulator.jar export}: writes the scenario's dossier history to a file that the
 * command side imports ({@code java -jar command-side.jar import FILE}; docs/import.md) instead of
 * receiving it over HTTP. Same planner and seed as seeding: the same dossiers with the same ids. The
 * file is written beside its destination and moved there when complete.
 */
public final class HistoryExport {

    static final String USAGE = """
            usage: java -jar simulator.jar export --out FILE [options]

            Writes the simulated province's dossiers, one step per line (NDJSON, docs/import.md), for the
            command side's import: java -jar command-side.jar import FILE. Only dossiers: the units,
            holidays, procedures and staff they refer to must be in the store first (seed them with
            java -jar simulator.jar --reference-only).
              --out FILE          where to write the history (required)
              --seed N            random seed; the same seed draws the same dossiers and ids (default 42)
              --dossiers N        dossiers to simulate (default 30000)
              --days D            length of the period in days (default 16)
              --start YYYY-MM-DD  first day of the period (default 2025-07-01)
              --help              print this text""";

    private HistoryExport() {
    }

    /** Exit status: 0 written, 1 failed, 2 bad usage. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("simulator export: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(USAGE);
            return 0;
        }
        Scenario scenario = options.scenario();
        Path target = options.out().toAbsolutePath();
        long startNanos = System.nanoTime();
        try {
            long records = write(scenario, target);
            out.printf("Wrote %,d records of %,d dossiers (%s to %s, seed %d) to %s in %.1f s%n", records,
                       scenario.dossiers(), scenario.firstDay(), scenario.lastDay(), scenario.seed(), target,
                       (System.nanoTime() - startNanos) / 1e9);
            return 0;
        } catch (IOException e) {
            err.println("simulator export: cannot write " + target + ": " + e);
            return 1;
        }
    }

    /**
     * Writes the dossier history of {@code scenario} to {@code target}, replacing it only once complete;
     * returns the number of records (lines) written.
     */
    public static long write(Scenario scenario, Path target) throws IOException {
        Province province = ProvinceCatalogue.province();
        DossierPlanner planner = new DossierPlanner(province, scenario, Simulator.officeHours(scenario));
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path draft = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
        long records;
        try (BufferedWriter writer = Files.newBufferedWriter(draft, StandardCharsets.UTF_8)) {
            records = new HistoryWriter(planner).write(writer, () -> { });
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(draft);
            throw e;
        }
        Files.move(draft, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return records;
    }

    record Options(Path out, Scenario scenario, boolean help) {

        static Options parse(String... args) {
            Path out = null;
            long seed = Scenario.DEFAULT_SEED;
            int dossiers = Scenario.DEFAULT_DOSSIERS;
            int days = Scenario.DEFAULT_DAYS;
            LocalDate start = Scenario.DEFAULT_FIRST_DAY;
            boolean help = false;
            Deque<String> queue = queue(args);
            while (!queue.isEmpty()) {
                String option = queue.poll();
                switch (option) {
                    case "--out" -> out = Path.of(value(queue, option));
                    case "--seed" -> seed = number(value(queue, option), option);
                    case "--dossiers" -> dossiers = (int) number(value(queue, option), option);
                    case "--days" -> days = (int) number(value(queue, option), option);
                    case "--start" -> start = date(value(queue, option), option);
                    case "-h", "--help" -> help = true;
                    default -> throw new IllegalArgumentException("unknown option: " + option);
                }
            }
            if (dossiers < 0 || days < 1) {
                throw new IllegalArgumentException("--dossiers must be >= 0 and --days >= 1");
            }
            if (out == null && !help) {
                throw new IllegalArgumentException("--out FILE is required");
            }
            return new Options(out, new Scenario(seed, dossiers, start, days), help);
        }
    }
}
