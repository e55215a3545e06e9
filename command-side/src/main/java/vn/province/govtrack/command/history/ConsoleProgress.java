package vn.province.govtrack.command.history;

import java.io.PrintStream;
import java.nio.file.Path;

import vn.province.govtrack.command.console.ProgressLine;

/**
 * Shows an import as it goes, as the simulator shows seeding: on a terminal one line redrawn at most
 * four times a second, otherwise a line every five seconds (lines of the file done, events appended per
 * second, time left), and every rejection on a line of its own as it happens.
 */
final class ConsoleProgress implements ImportListener, AutoCloseable {

    private final PrintStream out;
    private final long totalLines;
    private final ProgressLine line;
    private ImportReport last;

    ConsoleProgress(Path file, long totalLines, PrintStream out) {
        this.out = out;
        this.totalLines = totalLines;
        this.line = new ProgressLine(out);
        out.printf("Importing %s (%,d lines)%n", file, totalLines);
    }

    @Override
    public void rejected(Rejection rejection) {
        line.clear();
        out.println("rejected " + rejection.describe());
    }

    @Override
    public void progressed(ImportReport soFar) {
        last = soFar;
        if (line.due()) {
            print(soFar);
        }
    }

    @Override
    public void close() {
        if (last != null) {
            print(last);
        }
        line.finish();
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
        double share = totalLines == 0 ? 1 : Math.min(1, (double) soFar.lines() / totalLines);
        double linesPerSecond = soFar.seconds() == 0 ? 0 : soFar.lines() / soFar.seconds();
        line.draw(String.format("import %,9d / %,d lines %3.0f%% [%s] %,7.0f events/s  %s", soFar.lines(), totalLines,
                                share * 100, ProgressLine.bar(share), soFar.eventsPerSecond(),
                                ProgressLine.eta(share, soFar.seconds(), totalLines - soFar.lines(), linesPerSecond)));
    }
}
