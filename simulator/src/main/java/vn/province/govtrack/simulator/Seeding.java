package vn.province.govtrack.simulator;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import vn.province.govtrack.simulator.dossier.OfficeHours;
import vn.province.govtrack.simulator.dossier.Scenario;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.DevTokens;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;
import vn.province.govtrack.simulator.province.Province;

/**
 * What every {@link Seeder} works with: the province and scenario, the command side and its
 * tokens, the tally of answers, and a pool of workers. Sending through {@link #send} counts every
 * answer; each command is sent as the official whose job it is.
 */
public final class Seeding {

    private final Province province;
    private final Scenario scenario;
    private final OfficeHours hours;
    private final Sender commands;
    private final DevTokens tokens;
    private final Tally tally;
    private final int workers;
    private final PrintStream out;
    private final boolean idempotencyKeys;
    private final Timer timer;

    /** Told of every command's answer and how long the client waited for it. */
    @FunctionalInterface
    public interface Timer {

        Timer NONE = (kind, answer, nanos) -> { };

        /** @param nanos from sending the request to the last byte of the answer */
        void answered(String kind, Answer answer, long nanos);
    }

    public Seeding(Province province, Scenario scenario, OfficeHours hours, Http commands, DevTokens tokens, Tally tally,
                   int workers, PrintStream out) {
        this(province, scenario, hours, commands, tokens, tally, workers, out, true);
    }

    /**
     * @param idempotencyKeys whether commands carry their {@code Idempotency-Key} (as officials' clients
     *                        do); the command-cost benchmark sends them without, to measure what a key costs
     */
    public Seeding(Province province, Scenario scenario, OfficeHours hours, Http commands, DevTokens tokens, Tally tally,
                   int workers, PrintStream out, boolean idempotencyKeys) {
        this(province, scenario, hours, (method, path, body, headers) -> method.equals("PUT")
                ? commands.put(path, body, headers) : commands.post(path, body, headers),
             tokens, tally, workers, out, idempotencyKeys);
    }

    /**
     * Where the commands go: one command side, or a client of several that retries each request until
     * it is answered (the crash suite).
     */
    @FunctionalInterface
    public interface Sender {

        /** Sends {@code body} with {@code headers} to {@code path} by {@code method} (POST or PUT) and answers what came back. */
        Answer send(String method, String path, Object body, Map<String, String> headers);
    }

    /** @param commands where the commands go, with the headers (token, key) this seeding sets */
    public Seeding(Province province, Scenario scenario, OfficeHours hours, Sender commands, DevTokens tokens,
                   Tally tally, int workers, PrintStream out, boolean idempotencyKeys) {
        this(province, scenario, hours, commands, tokens, tally, workers, out, idempotencyKeys, Timer.NONE);
    }

    private Seeding(Province province, Scenario scenario, OfficeHours hours, Sender commands, DevTokens tokens,
                    Tally tally, int workers, PrintStream out, boolean idempotencyKeys, Timer timer) {
        this.timer = timer;
        this.idempotencyKeys = idempotencyKeys;
        this.province = province;
        this.scenario = scenario;
        this.hours = hours;
        this.commands = commands;
        this.tokens = tokens;
        this.tally = tally;
        this.workers = workers;
        this.out = out;
    }

    /** The same seeding, each command's answer also told to {@code timer} (the soak benchmark times them). */
    public Seeding timed(Timer timer) {
        return new Seeding(province, scenario, hours, commands, tokens, tally, workers, out, idempotencyKeys, timer);
    }

    public Province province() {
        return province;
    }

    public Scenario scenario() {
        return scenario;
    }

    public OfficeHours hours() {
        return hours;
    }

    public Tally tally() {
        return tally;
    }

    public PrintStream out() {
        return out;
    }

    /** POSTs a command as {@code official} to the command side ({@code path} under {@code /api/v1}) and counts the answer. */
    public Answer send(Official official, String kind, String subject, String path, Object body, String idempotencyKey) {
        String authorization = "Bearer " + tokens.of(official);
        long start = System.nanoTime();
        Answer answer = commands.send("POST", "/api/v1" + path, body, idempotencyKey == null || !idempotencyKeys
                ? Map.of("Authorization", authorization)
                : Map.of("Authorization", authorization, "Idempotency-Key", idempotencyKey));
        timer.answered(kind, answer, System.nanoTime() - start);
        tally.answered(kind, subject, answer);
        return answer;
    }

    /** PUTs a command as {@code official} to the command side ({@code path} under {@code /api/v1}) and counts the answer. */
    public Answer put(Official official, String kind, String subject, String path, Object body) {
        Answer answer = commands.send("PUT", "/api/v1" + path, body,
                                      Map.of("Authorization", "Bearer " + tokens.of(official)));
        tally.answered(kind, subject, answer);
        return answer;
    }

    /**
     * Runs {@code task} for 0 to {@code count - 1} on the workers, each index once, showing progress
     * as {@code phase}. Tasks of different indexes run concurrently; one index's work stays on one
     * thread, in order. The first exception (e.g. the service went away) stops the phase.
     */
    public void inParallel(String phase, int count, IntConsumer task) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, phase + "-worker");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger next = new AtomicInteger();
        try (Progress progress = Progress.start(phase, count, tally, out)) {
            Future<?>[] running = new Future<?>[workers];
            for (int w = 0; w < workers; w++) {
                running[w] = pool.submit(() -> {
                    for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
                        task.accept(index);
                        progress.advance();
                    }
                });
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            next.set(count);
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
