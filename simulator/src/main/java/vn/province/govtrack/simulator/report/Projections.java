package vn.province.govtrack.simulator.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.client.ResourceAccessException;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Http;

/**
 * The query side's projections as {@code GET /admin/projections} lists them. A read that cannot reach
 * the query side is tried again for up to a minute: a busy machine can keep a service from accepting a
 * connection for a while (and a crash suite restarts it), which says nothing about its projections.
 */
public final class Projections {

    private static final long UNREACHABLE_MILLIS = 60_000;

    private final Http queries;

    public Projections(Http queries) {
        this.queries = queries;
    }

    /** One projection's state. */
    public record Status(String name, long position, long headPosition, boolean replaying, int progress, String state) {
    }

    public List<Status> all() {
        Answer answer = get("/api/v1/admin/projections");
        if (!answer.ok()) {
            throw new IllegalStateException("GET /admin/projections answered " + answer.status() + ": " + answer.problem());
        }
        List<Status> statuses = new ArrayList<>();
        for (JsonNode node : answer.body().path("projections")) {
            statuses.add(new Status(node.path("name").asText(), node.path("position").asLong(),
                                    node.path("headPosition").asLong(), node.path("replaying").asBoolean(),
                                    node.path("progress").asInt(), node.path("state").asText()));
        }
        return statuses;
    }

    /** The lowest position any projection has processed; what every query can already reflect. */
    public long slowestPosition() {
        return all().stream().mapToLong(Status::position).min().orElse(0);
    }

    /** Waits until every projection has processed {@code position}, reporting through {@code onPoll}. */
    public boolean awaitPosition(long position, long timeoutMillis, java.util.function.LongConsumer onPoll)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            long slowest = slowestPosition();
            onPoll.accept(slowest);
            if (slowest >= position) {
                return true;
            }
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(250);
        }
    }

    /** The event log's head position: 0 when the store holds no event. */
    public long headPosition() {
        Answer answer = get("/api/v1/audit/events?fromPosition=1&limit=1");
        if (!answer.ok()) {
            throw new IllegalStateException("GET /audit/events answered " + answer.status() + ": " + answer.problem());
        }
        return answer.body().path("headPosition").asLong();
    }

    private Answer get(String pathAndQuery) {
        long deadline = System.currentTimeMillis() + UNREACHABLE_MILLIS;
        while (true) {
            try {
                return queries.get(pathAndQuery);
            } catch (ResourceAccessException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
