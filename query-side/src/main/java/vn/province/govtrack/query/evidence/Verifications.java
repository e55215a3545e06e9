package vn.province.govtrack.query.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.province.govtrack.eventstore.ChainVerifier;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.eventstore.VerificationResult;
import vn.province.govtrack.web.ProblemType;

/**
 * Verifications of the log run in the background, one at a time per instance, so that a request for a
 * province's whole log (a minute or more) neither holds a request thread nor times out. A request for a
 * range joins the verification of that range still running, or starts a new one: a verdict is never
 * reused for a later request, since the log may have been changed in between. Each job has an id to poll
 * it by; a finished job is kept for {@link #KEPT}. Ranges wait their turn, at most {@link #QUEUED} of
 * them; more are refused with 503.
 */
@Component
class Verifications {

    static final Duration KEPT = Duration.ofMinutes(10);
    static final int QUEUED = 4;

    private static final Logger log = LoggerFactory.getLogger(Verifications.class);

    private final MongoEventStorageEngine engine;
    private final TrustedKey trustedKey;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private volatile Job lastFinished;
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(QUEUED), task -> {
                Thread thread = new Thread(task, "audit-verification");
                thread.setDaemon(true);
                return thread;
            });

    Verifications(MongoEventStorageEngine engine, TrustedKey trustedKey, Clock clock) {
        this.engine = engine;
        this.trustedKey = trustedKey;
        this.clock = clock;
    }

    /** Positions {@code from..to}: {@code from} is the first position of the commit holding it. */
    record Range(long from, long to) {
    }

    /** One verification: its progress while it runs, then its result (or the error that stopped it). */
    static final class Job {
        final String id = UUID.randomUUID().toString();
        final Range range;
        final Instant startedAt;
        volatile long positionsDone;
        volatile VerificationResult result;
        volatile String error;
        volatile Instant finishedAt;

        Job(Range range, Instant startedAt) {
            this.range = range;
            this.startedAt = startedAt;
        }

        boolean finished() {
            return finishedAt != null;
        }

        long positionsTotal() {
            return range.to() - range.from() + 1;
        }
    }

    /** The verification of the range still running, or a new one, started now. */
    synchronized Job of(Range range) {
        Instant now = clock.instant();
        jobs.values().removeIf(job -> job.finished() && job.finishedAt.plus(KEPT).isBefore(now));
        Optional<Job> running = jobs.values().stream()
                                    .filter(job -> !job.finished() && job.range.equals(range)).findFirst();
        if (running.isPresent()) {
            return running.get();
        }
        Job job = new Job(range, now);
        try {
            worker.execute(() -> run(job));
        } catch (RejectedExecutionException busy) {
            throw ProblemType.UNAVAILABLE.exception("Verifications are queued up to " + QUEUED
                    + " on this instance; retry shortly");
        }
        jobs.put(job.id, job);
        return job;
    }

    /** The job with this id, running or finished within {@link #KEPT}. */
    Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The verification that finished last on this instance, whatever its range; empty before the first. */
    Optional<Job> lastFinished() {
        return Optional.ofNullable(lastFinished);
    }

    /** Waits at most {@code wait} for the job to finish. */
    static void await(Job job, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!job.finished() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run(Job job) {
        Range range = job.range;
        try {
            job.result = ChainVerifier.verifyStored(engine.logReader(), engine.auditCheckpoints(), range.from(),
                                                    range.to(), range.to(), trustedKey.key().orElse(null),
                                                    (done, total) -> job.positionsDone = done);
            log.info("Verified the log {}..{}: {}", range.from(), range.to(), job.result.summary());
        } catch (RuntimeException e) {
            log.error("Verifying the log {}..{} failed", range.from(), range.to(), e);
            job.error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            job.finishedAt = clock.instant();
            lastFinished = job;
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
