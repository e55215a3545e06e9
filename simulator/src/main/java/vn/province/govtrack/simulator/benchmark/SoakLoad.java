package vn.province.govtrack.simulator.benchmark;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import vn.province.govtrack.simulator.Seeding;
import vn.province.govtrack.simulator.Tally;
import vn.province.govtrack.simulator.dossier.DossierPlanner;
import vn.province.govtrack.simulator.dossier.DossierSeeder;
import vn.province.govtrack.simulator.dossier.OfficeHours;
import vn.province.govtrack.simulator.dossier.Scenario;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.province.Province;

/**
 * The soak's load on a running product: the scenario's dossiers, in order, each dossier's history played
 * by one client as {@code ./run --demo} plays it ({@link DossierSeeder#play}), and the queries officials
 * ask meanwhile. {@link #capacity} measures how many commands per second the product answers when
 * clients send them back to back; {@link #startSteady} then starts dossiers at a fixed rate whatever the
 * answers take (an open loop: a slow product finds more dossiers waiting, not fewer sent), and queries at
 * a fixed rate too. Every answer's time is the client's, from sending the request to the last byte of
 * the answer; {@link #drain} hands over those of the interval since the last call.
 */
final class SoakLoad implements AutoCloseable {

    /** Of every ten queries: five dossier reads, three dossier lists, two timeliness reports. */
    static final String QUERY_MIX = "5 in 10 GET /dossiers/{id} of a dossier a client finished (not among the "
                                    + "last 64), 3 in 10 GET /dossiers?unitCode= (every other one &overdue=true), "
                                    + "2 in 10 GET /timeliness grouped by unit, field or procedure over the month "
                                    + "of the dossiers sent (every third one for one unit)";

    /** Clients that play dossiers at the steady rate; more than the rate ever keeps busy at once. */
    private static final int DOSSIER_CLIENTS = 64;
    private static final int QUERY_CLIENTS = 16;
    /** Finished dossiers remembered for reads and lists; the newest of them are not read yet (projection lag). */
    private static final int FINISHED = 4096;
    private static final int NOT_YET_READ = 64;
    private static final String[] GROUPINGS = {"unit", "field", "procedure"};

    private final Http queries;
    private final Seeding seeding;
    private final DossierPlanner planner;
    private final Scenario scenario;
    private final AtomicInteger nextDossier = new AtomicInteger();
    private final AtomicLongArray finished = new AtomicLongArray(FINISHED);
    private final AtomicLong finishedCount = new AtomicLong();
    private final AtomicLong commandsAnswered = new AtomicLong();
    private final Latencies commands = new Latencies();
    private final Latencies allQueries = new Latencies();
    private final Map<String, ConcurrentLinkedQueue<Double>> queryMillisByKind = new ConcurrentHashMap<>();
    private final AtomicLong querySequence = new AtomicLong();
    private ScheduledExecutorService schedule;
    private ThreadPoolExecutor dossierClients;
    private ThreadPoolExecutor queryClients;

    SoakLoad(Product product, Province province, Scenario scenario, OfficeHours hours, PrintStream out) {
        this.queries = product.queries();
        this.scenario = scenario;
        this.planner = new DossierPlanner(province, scenario, hours);
        this.seeding = new Seeding(province, scenario, hours, product.commands(), product.tokens(), new Tally(out), 1,
                                   out).timed((kind, answer, nanos) -> {
                                       commandsAnswered.incrementAndGet();
                                       commands.add(nanos / 1e6, answer.ok());
                                   });
    }

    /**
     * Sends dossiers from {@code workers} clients, each starting the next dossier as soon as its last
     * one is done, for {@code seconds}; counts the commands answered after the first {@code warmUpSeconds}.
     */
    SoakResults.Capacity capacity(int workers, int seconds, int warmUpSeconds) {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        AtomicLong dossiers = new AtomicLong();
        long commandsBefore = commandsAnswered.get();
        ExecutorService clients = Executors.newFixedThreadPool(workers, daemon("capacity-client"));
        try {
            for (int w = 0; w < workers; w++) {
                clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        play(nextDossier.getAndIncrement());
                        dossiers.incrementAndGet();
                    }
                });
            }
            sleepUntil(start + warmUpSeconds * 1_000_000_000L);
            commands.drain();
            long atWarmUp = commandsAnswered.get();
            sleepUntil(end);
            long atEnd = commandsAnswered.get();
            Latencies.Interval measured = commands.drain();
            clients.shutdown();
            awaitTermination(clients);
            long total = commandsAnswered.get() - commandsBefore;
            return new SoakResults.Capacity((atEnd - atWarmUp) / (double) (seconds - warmUpSeconds),
                                            total / (double) Math.max(1, dossiers.get()), total, dossiers.get(),
                                            Percentiles.spread(measured.millis()));
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Starts the open loop: a dossier every {@code commandsPerDossier / commandsPerSecond} seconds and
     * {@code queriesPerSecond} queries a second, until {@link #close}.
     */
    void startSteady(double commandsPerSecond, double commandsPerDossier, double queriesPerSecond) {
        commands.drain();
        allQueries.drain();
        schedule = Executors.newScheduledThreadPool(2, daemon("soak-schedule"));
        dossierClients = new ThreadPoolExecutor(DOSSIER_CLIENTS, DOSSIER_CLIENTS, 0, TimeUnit.SECONDS,
                                                new LinkedBlockingQueue<>(), daemon("soak-dossier-client"));
        queryClients = new ThreadPoolExecutor(QUERY_CLIENTS, QUERY_CLIENTS, 0, TimeUnit.SECONDS,
                                              new LinkedBlockingQueue<>(), daemon("soak-query-client"));
        long dossierPeriod = Math.round(1e9 * commandsPerDossier / commandsPerSecond);
        schedule.scheduleAtFixedRate(() -> dossierClients.execute(this::playNext), 0,
                                     dossierPeriod, TimeUnit.NANOSECONDS);
        if (queriesPerSecond > 0) {
            schedule.scheduleAtFixedRate(() -> queryClients.execute(this::query), 0,
                                         Math.round(1e9 / queriesPerSecond), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * What the clients were told since the previous call, the dossiers due to start that no client has
     * started yet, and those being played now (how many commands are at most in flight at once).
     */
    record Drained(Latencies.Interval commands, Latencies.Interval queries, long dossiersWaiting,
                   long dossiersInFlight) {
    }

    Drained drain() {
        return new Drained(commands.drain(), allQueries.drain(),
                           dossierClients == null ? 0 : dossierClients.getQueue().size(),
                           dossierClients == null ? 0 : dossierClients.getActiveCount());
    }

    /** Each kind of query over the whole steady load. */
    Map<String, DemoResults.Spread> queryMillisByKind() {
        Map<String, DemoResults.Spread> spreads = new LinkedHashMap<>();
        queryMillisByKind.forEach((kind, millis) -> spreads.put(kind, Percentiles.spread(millis)));
        return spreads;
    }

    /** Dossiers started so far, by either phase. */
    long dossiersStarted() {
        return nextDossier.get();
    }

    /** Stops starting dossiers and queries, and lets the ones under way finish (for up to a minute). */
    @Override
    public void close() {
        if (schedule == null) {
            return;
        }
        schedule.shutdownNow();
        dossierClients.getQueue().clear();
        queryClients.getQueue().clear();
        dossierClients.shutdown();
        queryClients.shutdown();
        awaitTermination(dossierClients);
        awaitTermination(queryClients);
    }

    /** A dossier the open loop starts; a command that got no answer ends it and is counted, not thrown. */
    private void playNext() {
        try {
            play(nextDossier.getAndIncrement());
        } catch (RuntimeException e) {
            commands.unanswered();
        }
    }

    private void play(int index) {
        if (index >= scenario.dossiers()) {
            throw new IllegalStateException("the scenario's " + scenario.dossiers() + " dossiers are all sent");
        }
        DossierSeeder.play(seeding, planner, index);
        finished.set((int) (finishedCount.getAndIncrement() % FINISHED), index);
    }

    private void query() {
        long sequence = querySequence.getAndIncrement();
        long done = finishedCount.get();
        if (done <= NOT_YET_READ) {
            return;
        }
        // a dossier among those finished, but not the newest: its events have reached the projections
        long slot = (done - NOT_YET_READ - 1) - (sequence * 7919) % Math.min(FINISHED - NOT_YET_READ, done - NOT_YET_READ);
        int index = (int) finished.get((int) (slot % FINISHED));
        int kind = (int) (sequence % 10);
        String name;
        String path;
        if (kind < 5) {
            name = "dossier read";
            path = "/api/v1/dossiers/" + DossierPlanner.dossierId(scenario.seed(), index);
        } else if (kind < 8) {
            name = "dossier list";
            path = "/api/v1/dossiers?unitCode=" + planner.plan(index).unitCode() + (sequence % 2 == 0 ? "&overdue=true" : "");
        } else {
            LocalDate from = scenario.firstDay();
            name = "timeliness report";
            path = "/api/v1/timeliness?groupBy=" + GROUPINGS[(int) (sequence / 10 % 3)] + "&from=" + from + "&to="
                   + from.plusMonths(1).minusDays(1)
                   + (sequence / 10 % 3 == 0 ? "&unitCode=" + planner.plan(index).unitCode() : "");
        }
        long start = System.nanoTime();
        boolean ok;
        try {
            ok = queries.getUnparsed(path).ok();
        } catch (RuntimeException e) {
            allQueries.unanswered();
            return;
        }
        double millis = (System.nanoTime() - start) / 1e6;
        allQueries.add(millis, ok);
        queryMillisByKind.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>()).add(millis);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void sleepUntil(long nanos) {
        try {
            long left = nanos - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            pool.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answer times and failures, collected by many clients and drained by one sampler. */
    static final class Latencies {

        /** One interval's answer times in ms, and how many answers were not 2xx (or no answer at all). */
        record Interval(List<Double> millis, long failed) {
        }

        private List<Double> millis = new ArrayList<>();
        private long failed;

        synchronized void add(double value, boolean ok) {
            millis.add(value);
            if (!ok) {
                failed++;
            }
        }

        /** A request that got no answer at all (the client gave up, or the service was unreachable). */
        synchronized void unanswered() {
            failed++;
        }

        /** Everything added since the last drain. */
        synchronized Interval drain() {
            Interval interval = new Interval(millis, failed);
            millis = new ArrayList<>();
            failed = 0;
            return interval;
        }
    }
}
