package vn.province.govtrack.command.backup;

import java.io.PrintStream;

import vn.province.govtrack.command.console.ProgressLine;
import vn.province.govtrack.eventstore.ChainVerifier;

/**
 * Shows one step of a backup or restore as it goes through the log, as the import shows its progress: on
 * a terminal one line redrawn at most four times a second, otherwise a line every five seconds (positions
 * done of the total, positions per second, time left), and the last state when the step ends.
 */
final class PositionProgress implements ChainVerifier.Progress, AutoCloseable {

    private final String step;
    private final ProgressLine line;
    private final long startNanos = System.nanoTime();
    private long done;
    private long total;
    private boolean reported;

    PositionProgress(String step, long total, PrintStream out) {
        this.step = step;
        this.total = total;
        this.line = new ProgressLine(out);
    }

    @Override
    public void verified(long positionsDone, long positionsTotal) {
        done = positionsDone;
        if (positionsTotal > 0) {
            total = positionsTotal;
        }
        reported = true;
        if (line.due()) {
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
        line.finish();
    }

    private void print() {
        double seconds = seconds();
        double share = total <= 0 ? 1 : Math.min(1, (double) done / total);
        double perSecond = seconds == 0 ? 0 : done / seconds;
        line.draw(String.format("%-7s %,11d / %,d positions %3.0f%% [%s] %,8.0f positions/s  %s", step, done, total,
                                share * 100, ProgressLine.bar(share), perSecond,
                                ProgressLine.eta(share, seconds, total - done, perSecond)));
    }
}
