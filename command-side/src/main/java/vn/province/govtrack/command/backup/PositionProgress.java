package vn.province.govtrack.command.backup;

import java.io.PrintStream;

import vn.province.govtrack.eventstore.ChainVerifier;

/**
 * Shows one step of a backup or restore as it goes through the log, as the import shows its progress: on
 * a terminal one line redrawn at most four times a second, otherwise a line every five seconds (positions
 * done of the total, positions per second, time left), and the last state when the step ends.
 */
final class PositionProgress implements ChainVerifier.Progress, AutoCloseable {

    private static final int BAR_WIDTH = 24;

    private final String step;
    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private final long periodNanos;
    private final long startNanos = System.nanoTime();
    private long lastPrintNanos = startNanos;
    private long done;
    private long total;
    private boolean reported;
    private int drawnWidth;

    PositionProgress(String step, long total, PrintStream out) {
        this.step = step;
        this.total = total;
        this.out = out;
        this.periodNanos = (terminal ? 250 : 5000) * 1_000_000L;
    }

    @Override
    public void verified(long positionsDone, long positionsTotal) {
        done = positionsDone;
        if (positionsTotal > 0) {
            total = positionsTotal;
        }
        reported = true;
        if (System.nanoTime() - lastPrintNanos >= periodNanos) {
            print();
        }
    }

    /** Seconds since the step began. */
    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        if (reported) {
            print();
        }
        if (terminal && drawnWidth > 0) {
            out.println();
        }
    }

    private void print() {
        lastPrintNanos = System.nanoTime();
        double seconds = seconds();
        double share = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(share * BAR_WIDTH);
        double perSecond = seconds == 0 ? 0 : done / seconds;
        String eta = share >= 1 ? "done " + clock(seconds)
                : perSecond > 0 ? "ETA " + clock((total - done) / perSecond) : "ETA --:--";
        String line = String.format("%-7s %,11d / %,d positions %3.0f%% [%s%s] %,8.0f positions/s  %s", step, done,
                                    total, share * 100, "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), perSecond,
                                    eta);
        if (terminal) {
            out.print("\r" + line);
            drawnWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static String clock(double seconds) {
        long whole = (long) seconds;
        return whole >= 3600 ? String.format("%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format("%d:%02d", whole / 60, whole % 60);
    }
}
