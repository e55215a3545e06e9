package vn.province.govtrack.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Shows how a seeding phase advances: on a terminal one line redrawn twice a second, otherwise a
 * line every five seconds — phase, count of total, items and commands per second, time left.
 */
public final class Progress implements AutoCloseable {

    private static final int BAR_WIDTH = 24;

    private final String phase;
    private final long total;
    private final Tally tally;
    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final long startCommands;
    private final LongAdder done = new LongAdder();
    private final ScheduledExecutorService printer;

    private Progress(String phase, long total, Tally tally, PrintStream out, boolean terminal) {
        this.phase = phase;
        this.total = total;
        this.tally = tally;
        this.out = out;
        this.terminal = terminal;
        this.startCommands = tally.commands();
        this.printer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = terminal ? 500 : 5000;
        printer.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
    }

    public static Progress start(String phase, long total, Tally tally, PrintStream out) {
        return new Progress(phase, total, tally, out, System.console() != null);
    }

    public void advance() {
        done.increment();
    }

    public long done() {
        return done.sum();
    }

    /** Seconds since the phase started. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Commands answered during this phase. */
    public long commands() {
        return tally.commands() - startCommands;
    }

    @Override
    public void close() {
        printer.shutdownNow();
        print();
        if (terminal) {
            out.println();
        }
    }

    private synchronized void print() {
        long count = done.sum();
        double seconds = Math.max(1e-3, elapsedSeconds());
        double rate = count / seconds;
        double commandRate = commands() / seconds;
        double share = total == 0 ? 1 : (double) count / total;
        int filled = (int) Math.round(share * BAR_WIDTH);
        String eta = rate > 0 && count < total ? clock(Duration.ofSeconds((long) ((total - count) / rate)))
                : count >= total ? "done " + clock(Duration.ofSeconds((long) seconds)) : "--:--";
        String line = String.format("%-10s %,9d / %,d %3.0f%% [%s%s] %,7.0f/s  commands %,6.0f/s  %s",
                                    phase, count, total, share * 100, "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
                                    rate, commandRate, eta.startsWith("done") ? eta : "ETA " + eta);
        if (terminal) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600
                ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
