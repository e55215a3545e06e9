package vn.province.govtrack.simulator.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.DevTokens;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;
import vn.province.govtrack.simulator.report.Projections;

/**
 * Rebuilds every projection of the query side from the first event, one after the other, each alone:
 * before each rebuild every projection has caught up with the head. A rebuild can be refused with 409
 * while the projection is busy, for example {@code timeliness-index}, which a rebuild of
 * {@code timeliness} replays too: the refusal is waited out (until the projection has caught up
 * again) and the rebuild asked for again. With several query sides, any of them takes the request and
 * the one processing the projection carries it out.
 */
public final class ProjectionRebuilds {

    /** How long one projection may take to rebuild, or to become free for a rebuild. */
    private static final long TIMEOUT_MILLIS = 6 * 60 * 60 * 1000L;
    private static final long POLL_MILLIS = 100;

    private final Http queries;
    /**
     * The query side for the rebuild requests, which answer once the projection's read model has been
     * reset: at the larger sizes, removing its documents from the embedded server takes minutes.
     */
    private final List<Http> rebuildRequests = new ArrayList<>();
    private final DevTokens tokens;
    private final Projections projections;
    private final PrintStream out;

    public ProjectionRebuilds(Http queries, DevTokens tokens, Projections projections, PrintStream out) {
        this(List.of(queries), tokens, projections, out);
    }

    /** @param queries every query side of the product, the first one's projections watched */
    public ProjectionRebuilds(List<Http> queries, DevTokens tokens, Projections projections, PrintStream out) {
        this.queries = queries.get(0);
        for (Http instance : queries) {
            rebuildRequests.add(new Http(instance.baseUrl(), null, java.time.Duration.ofMillis(TIMEOUT_MILLIS)));
        }
        this.tokens = tokens;
        this.projections = projections;
        this.out = out;
    }

    /** Rebuilds each projection in the order the query side lists them. */
    public List<DemoResults.Rebuild> all() {
        List<DemoResults.Rebuild> rebuilds = new ArrayList<>();
        for (Projections.Status status : projections.all()) {
            rebuilds.add(rebuild(status.name()));
        }
        return rebuilds;
    }

    /** Rebuilds one projection from the first event and times it until it has caught up with the head again. */
    private DemoResults.Rebuild rebuild(String name) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        long head = projections.headPosition();
        awaitAllCaughtUp(head, deadline);
        long startNanos = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            Http instance = rebuildRequests.get(attempt % rebuildRequests.size());
            Answer answer = instance.post("/api/v1/admin/projections/" + name + "/rebuild", null,
                                          Map.of("Authorization", "Bearer " + tokens.of(Official.ADMIN)));
            if (answer.status() == 202) {
                out.printf("rebuild of %s accepted after %.1f s (its read model reset)%n", name,
                           (System.nanoTime() - startNanos) / 1e9);
                break;
            }
            if (answer.status() != 409) {
                throw new IllegalStateException("rebuild of " + name + " answered " + answer.status() + ": "
                                                + answer.problem());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the rebuild of " + name + " was refused until the timeout: "
                                                + answer.problem());
            }
            out.printf("rebuild of %s refused for now (%s); waiting until it has caught up%n", name, answer.problem());
            sleep(1000);
            awaitAllCaughtUp(head, deadline);
            startNanos = System.nanoTime();
        }
        long lastPrint = System.nanoTime();
        while (true) {
            Projections.Status status = status(name);
            if (caughtUp(status, head)) {
                break;
            }
            if (status.state().equals("ERROR") || status.state().equals("STOPPED")) {
                throw new IllegalStateException("projection " + name + " is " + status.state() + " during its rebuild");
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the rebuild of " + name + " did not end within "
                                                + TIMEOUT_MILLIS / 3_600_000 + " hours");
            }
            if (System.nanoTime() - lastPrint > 5e9) {
                out.printf("rebuilding %-16s position %,d of %,d (%d%%)%n", name, status.position(), head,
                           status.progress());
                lastPrint = System.nanoTime();
            }
            sleep(POLL_MILLIS);
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf("rebuilt %-16s %,d events in %.1f s: %,.0f events/s%n", name, head, seconds, head / seconds);
        return new DemoResults.Rebuild(name, head, seconds, head / seconds);
    }

    /** Until every projection has caught up with {@code head}. */
    private void awaitAllCaughtUp(long head, long deadline) {
        while (!projections.all().stream().allMatch(status -> caughtUp(status, head))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the projections did not catch up with position " + head);
            }
            sleep(POLL_MILLIS * 5);
        }
    }

    /** Neither asked for, resetting nor replaying, and past {@code head} (events appended since do not count). */
    private static boolean caughtUp(Projections.Status status, long head) {
        return !status.replaying() && status.position() >= head && !status.state().equals("RESETTING")
               && !status.state().equals("REQUESTED");
    }

    private Projections.Status status(String name) {
        return projections.all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("projection " + name + " disappeared"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
