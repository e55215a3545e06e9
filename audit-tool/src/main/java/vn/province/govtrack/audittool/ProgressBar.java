package vn.province.govtrack.audittool;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows how far a long step has come: on a terminal one line redrawn at most four times a second
 * ({@code [#######.................]  31%  812,000 of 2,600,000 events  54,100/s  0:33 left}),
 * otherwise, for logs and pipes, one line every five seconds and a last one at the end.
 */
final class ProgressBar {

    private static final int WIDTH = 24;

    private final String what;
    private final String unit;
    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long total;
    private long lastShownNanos;
    private long done;

    /**
     * @param what  the step, e.g. "verifying"
     * @param unit  what is counted, e.g. "events"
     * @param total how many there are; 0 or less when unknown (then no bar or percentage is drawn)
     */
    ProgressBar(String what, String unit, long total, PrintStream out, boolean terminal) {
        this.what = what;
        this.unit = unit;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 250_000_000L : 5_000_000_000L;
        this.lastShownNanos = startNanos;
    }

    /** On the standard error stream, redrawn in place when it is a terminal. */
    static ProgressBar onStandardError(String what, String unit, long total) {
        return new ProgressBar(what, unit, total, System.err, System.console() != null);
    }

    /** Once the total becomes known (an export's header names its range). */
    void total(long total) {
        this.total = total;
    }

    /** Reports that {@code done} items are finished; draws when the interval has passed. */
    void update(long done) {
        this.done = done;
        long now = System.nanoTime();
        if (now - lastShownNanos >= intervalNanos) {
            lastShownNanos = now;
            show(false);
        }
    }

    /** Draws the final state and ends the line. */
    void finish() {
        show(true);
    }

    String line() {
        double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-9);
        long rate = Math.round(done / seconds);
        StringBuilder line = new StringBuilder(what).append("  ");
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                .append(String.format(Locale.ROOT, "%3d%%  ", Math.min(100, 100 * done / total)))
                .append(String.format(Locale.ROOT, "%,d of %,d %s", done, total, unit));
        } else {
            line.append(String.format(Locale.ROOT, "%,d %s", done, unit));
        }
        line.append(String.format(Locale.ROOT, "  %,d/s", rate));
        if (total > done && rate > 0) {
            line.append("  ").append(clock(Duration.ofSeconds((total - done) / rate))).append(" left");
        } else if (total > 0 && done >= total) {
            line.append("  in ").append(clock(Duration.ofMillis((long) (seconds * 1000))));
        }
        return line.toString();
    }

    private void show(boolean last) {
        if (terminal) {
            out.print("\r" + line() + "\u001b[K" + (last ? System.lineSeparator() : ""));
        } else {
            out.println(line());
        }
        out.flush();
    }

    private static String clock(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
