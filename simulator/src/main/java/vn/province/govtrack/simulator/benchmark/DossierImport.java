package vn.province.govtrack.simulator.benchmark;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.province.govtrack.simulator.HistoryExport;
import vn.province.govtrack.simulator.dossier.Scenario;
import vn.province.govtrack.simulator.report.Projections;

/**
 * Loads a size's dossiers as a province would bring its history (docs/import.md): the simulator
 * writes them to an NDJSON file ({@code simulator export}), and the command side's importer
 * ({@code java -jar command-side.jar import FILE}, a JVM of its own with the services' options,
 * profile and secrets) feeds the file through the dossiers' command handlers into the running
 * product's store, while the services run and their projections follow.
 */
final class DossierImport {

    /** A written history file: {@code records} lines, written in {@code seconds}. */
    record Exported(Path file, long records, long bytes, double seconds) {
    }

    private static final Pattern IMPORT_TIME = Pattern.compile("records in ([0-9][0-9.,\\s\\u00a0\\u202f]*) s \\(");
    private static final Pattern REJECTED = Pattern.compile("^\\s*rejected\\s+([0-9][0-9.,\\s\\u00a0\\u202f]*) records");

    private DossierImport() {
    }

    /** Writes the dossiers of {@code scenario} to {@code file}, as {@code simulator export} does. */
    static Exported export(Scenario scenario, Path file, PrintStream out) {
        long startNanos = System.nanoTime();
        try {
            long records = HistoryExport.write(scenario, file);
            Exported exported = new Exported(file, records, Files.size(file), (System.nanoTime() - startNanos) / 1e9);
            out.printf("exported %,d records (%,d MiB) to %s in %.1f s%n", records, exported.bytes() >> 20, file,
                       exported.seconds());
            return exported;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Imports {@code exported} into the product's store and waits for the importer to exit; its output
     * is shown, indented, and kept in {@code log}. The events it appended are the head position after
     * it less the one before (nothing else appends meanwhile).
     *
     * @throws IllegalStateException when the importer fails (exit status other than 0, or 3: some rejected)
     */
    static DemoResults.Import run(Product product, Exported exported, Projections projections, Path log,
                                  ResourceMonitor monitor, String maxHeap, PrintStream out) {
        long headBefore = projections.headPosition();
        long startNanos = System.nanoTime();
        Process importer = product.startImport(exported.file());
        monitor.watch(Product.IMPORTER, importer, maxHeap);
        Double importSeconds = null;
        long rejected = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(importer.getInputStream(),
                                                                             StandardCharsets.UTF_8));
             BufferedWriter kept = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println("  | " + line);
                kept.write(line);
                kept.newLine();
                Double seconds = importSeconds(line);
                importSeconds = seconds != null ? seconds : importSeconds;
                rejected = Math.max(rejected, rejected(line));
            }
            int status = importer.waitFor();
            double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
            if (status != 0 && status != 3) {
                throw new IllegalStateException("the importer stopped with exit status " + status + "; see " + log);
            }
            long events = projections.headPosition() - headBefore;
            out.printf("imported %,d events in %.1f s (importer JVM, start included): %,.0f events/s%n", events,
                       wallSeconds, events / wallSeconds);
            return new DemoResults.Import(exported.records(), exported.bytes(), exported.seconds(), events, wallSeconds,
                                          importSeconds, rejected, status);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the importer's output", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The import's own time from the importer's summary line ("Imported FILE: … records in 24.2 s
     * (… records/s)"), whatever digit grouping its locale uses; null for any other line.
     */
    static Double importSeconds(String line) {
        Matcher matcher = IMPORT_TIME.matcher(line);
        if (!line.startsWith("Imported ") || !matcher.find()) {
            return null;
        }
        String number = matcher.group(1).trim();
        // %.1f: the decimal separator is the one before the last digit
        String whole = number.substring(0, number.length() - 2).replaceAll("\\D", "");
        return Double.parseDouble(whole + "." + number.charAt(number.length() - 1));
    }

    /** The count of the summary's "rejected N records" line; -1 for any other line. */
    static long rejected(String line) {
        Matcher matcher = REJECTED.matcher(line);
        return matcher.find() ? Long.parseLong(matcher.group(1).replaceAll("\\D", "")) : -1;
    }
}
