package vn.province.govtrack.simulator.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import vn.province.govtrack.simulator.report.Projections;

/**
 * Samples {@code GET /admin/projections} once a second in the background, while a size is loaded,
 * into a {@link LagSeries}. A poll that fails (the query side busy past the client's timeout, say) is
 * skipped and counted, not fatal: the lag is measured where the samples are.
 */
final class LagSampler implements AutoCloseable {

    private static final long PERIOD_MILLIS = 1000;

    private final Projections projections;
    private final LagSeries series = new LagSeries();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lag-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final long startNanos = System.nanoTime();
    private volatile int failedPolls;

    private LagSampler(Projections projections) {
        this.projections = projections;
    }

    /** Starts sampling at once. */
    static LagSampler start(Projections projections) {
        LagSampler sampler = new LagSampler(projections);
        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** Stops sampling and returns the lag over every sample taken. */
    DemoResults.Lag stop() {
        close();
        synchronized (series) {
            return series.lag();
        }
    }

    int failedPolls() {
        return failedPolls;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(70, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() {
        try {
            long head = 0;
            Map<String, Long> positions = new LinkedHashMap<>();
            for (Projections.Status status : projections.all()) {
                head = Math.max(head, status.headPosition());
                positions.put(status.name(), status.position());
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            synchronized (series) {
                series.add(seconds, head, positions);
            }
        } catch (RuntimeException e) {
            failedPolls++;
        }
    }
}
