package vn.province.govtrack.simulator;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import vn.province.govtrack.simulator.http.Answer;

/**
 * What the seeding did, counted as the answers come back: accepted commands per kind, rejected ones
 * per kind and status (a realistic run has none), dossiers per end state, the verdicts the
 * command side gave, and the highest position reached. Thread-safe.
 */
public final class Tally {

    /** Rejections printed in full; the rest are only counted. */
    private static final int REJECTIONS_SHOWN = 20;

    private final PrintStream log;
    private final LongAdder commands = new LongAdder();
    private final AtomicLong maxPosition = new AtomicLong();
    private final Map<String, LongAdder> accepted = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> endStates = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> verdicts = new ConcurrentHashMap<>();
    private final AtomicInteger rejectionsShown = new AtomicInteger();

    public Tally(PrintStream log) {
        this.log = log;
    }

    /** Counts one command's answer; says so on the log when it was rejected. */
    public void answered(String kind, String subject, Answer answer) {
        commands.increment();
        if (answer.ok()) {
            count(accepted, kind);
            maxPosition.accumulateAndGet(answer.position(), Math::max);
            return;
        }
        count(rejected, kind + " → " + answer.status());
        if (rejectionsShown.getAndIncrement() < REJECTIONS_SHOWN) {
            log.printf("%n  rejected: %s %s → %d %s%n", kind, subject, answer.status(), answer.problem());
        }
    }

    /** Counts a dossier's status when its simulated history ends; null when nothing was sent. */
    public void endState(String state) {
        count(endStates, state == null ? "NOT_SUBMITTED" : state);
    }

    public void verdict(String timeliness) {
        count(verdicts, timeliness);
    }

    public long commands() {
        return commands.sum();
    }

    public long rejections() {
        return rejected.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long maxPosition() {
        return maxPosition.get();
    }

    public Map<String, Long> accepted() {
        return snapshot(accepted);
    }

    public Map<String, Long> rejected() {
        return snapshot(rejected);
    }

    public Map<String, Long> endStates() {
        return snapshot(endStates);
    }

    public Map<String, Long> verdicts() {
        return snapshot(verdicts);
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }
}
