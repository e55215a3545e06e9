package vn.province.govtrack.command.history;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Shows an import as it goes, as the simulator shows seeding: on a terminal one line redrawn at most
 * four times a second, otherwise a line every five seconds (lines of the file done, events appended per
 * second, time left), and every rejection on a line of its own as it happens.
 */
final class ConsoleProgress implements ImportListener, AutoCloseable {

    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final long totalLines;
    private final boolean terminal = System.console() != null;
    private final long periodNanos;
    private long lastPrintNanos = System.nanoTime();
    private ImportReport last;
    private int drawnWidth;

    ConsoleProgress(Path file, long totalLines, PrintStream out) {
        this.out = out;
        this.totalLines = totalLines;
        this.periodNanos = (terminal ? 250 : 5000) * 1_000_000L;
        out.printf("Importing %s (%,d lines)%n", file, totalLines);
    }

    @Override
    public void rejected(Rejection rejection) {
        clearLine();
        out.println("rejected " + rejection.describe());
    }

    @Override
    public void progressed(ImportReport soFar) {
        last = soFar;
        if (System.nanoTime() - lastPrintNanos >= periodNanos) {
            print(soFar);
        }
    }

    @Override
    public void close() {
        if (last != null) {
            print(last);
        }
        if (terminal && drawnWidth > 0) {
            out.println();
        }
    }

    /** What the import did, with its rates: the one report on standard output. */
    static void summary(Path file, ImportReport report, PrintStream out) {
        out.printf("Imported %s: %,d lines, %,d records in %.1f s (%,.0f records/s)%n", file, report.lines(),
                   report.records(), report.seconds(), report.recordsPerSecond());
        out.printf("  imported now      %,10d records = events appended (%,.0f events/s), in %,d batches%n",
                   report.imported(), report.eventsPerSecond(), report.batches());
        out.printf("  already imported  %,10d records (by an earlier run: nothing appended)%n", report.alreadyImported());
        out.printf("  rejected          %,10d records%s%n", report.rejected(), report.rejected() == 0 ? ""
                : " (listed above on standard error): " + report.rejectedByReason());
        out.printf("  correlationId     %s (on every event this run appended)%n", report.correlationId());
    }

    private void print(ImportReport soFar) {
        lastPrintNanos = System.nanoTime();
        double share = totalLines == 0 ? 1 : Math.min(1, (double) soFar.lines() / totalLines);
        int filled = (int) Math.round(share * BAR_WIDTH);
        double linesPerSecond = soFar.seconds() == 0 ? 0 : soFar.lines() / soFar.seconds();
        String eta = share >= 1 ? "done " + clock(soFar.seconds())
                : linesPerSecond > 0 ? "ETA " + clock((totalLines - soFar.lines()) / linesPerSecond) : "ETA --:--";
        String line = String.format("import %,9d / %,d lines %3.0f%% [%s%s] %,7.0f events/s  %s", soFar.lines(),
                                    totalLines, share * 100, "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
                                    soFar.eventsPerSecond(), eta);
        if (terminal) {
            out.print("\r" + line);
            drawnWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    private void clearLine() {
        if (terminal && drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
    }

    private static String clock(double seconds) {
        long whole = (long) seconds;
        return whole >= 3600 ? String.format("%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format("%d:%02d", whole / 60, whole % 60);
    }
}
