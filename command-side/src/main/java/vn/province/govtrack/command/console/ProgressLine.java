package vn.province.govtrack.command.console;

import java.io.PrintStream;

/**
 * One line of progress for the command side's long runs (the history import, a backup, a restore), as
 * the simulator shows its seeding: on a terminal one line redrawn at most four times a second,
 * otherwise a line every five seconds. What the line says is its caller's.
 */
public final class ProgressLine {

    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private final long periodNanos;
    private long lastPrintNanos = System.nanoTime();
    private int drawnWidth;

    public ProgressLine(PrintStream out) {
        this.out = out;
        this.periodNanos = (terminal ? 250 : 5000) * 1_000_000L;
    }

    /** Whether the next line is due. */
    public boolean due() {
        return System.nanoTime() - lastPrintNanos >= periodNanos;
    }

    /** Draws {@code line}: over the last one on a terminal, as a line of its own otherwise. */
    public void draw(String line) {
        lastPrintNanos = System.nanoTime();
        if (terminal) {
            out.print("\r" + line);
            drawnWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Wipes the line drawn on a terminal, so that a message can take its place. */
    public void clear() {
        if (terminal && drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
    }

    /** Ends the line drawn on a terminal, so that what follows starts on a line of its own. */
    public void finish() {
        if (terminal && drawnWidth > 0) {
            out.println();
        }
    }

    /** A bar of {@code #} and {@code -} filled to {@code share} (0 to 1). */
    public static String bar(double share) {
        int filled = (int) Math.round(share * BAR_WIDTH);
        return "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
    }

    /** "done m:ss" once {@code share} is whole, else the time left at {@code perSecond}, or "ETA --:--". */
    public static String eta(double share, double seconds, double remaining, double perSecond) {
        return share >= 1 ? "done " + clock(seconds)
                : perSecond > 0 ? "ETA " + clock(remaining / perSecond) : "ETA --:--";
    }

    private static String clock(double seconds) {
        long whole = (long) seconds;
        return whole >= 3600 ? String.format("%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format("%d:%02d", whole / 60, whole % 60);
    }
}
