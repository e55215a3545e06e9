package vn.province.govtrack.simulator.endtoend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.web.client.ResourceAccessException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.province.govtrack.simulator.Seeding;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Http;

/**
 * A client of several command sides that sends each request until it is answered, as api.md tells
 * clients to: the same request (same {@code Idempotency-Key}, same body) again after a short back-off
 * on a refused or dropped connection, a timeout, a 5xx, and a 409 {@code idempotency-key-in-progress}
 * or {@code concurrent-change}, each attempt to a command side chosen at random, so that retries cross
 * instances. An answer is final when it is 2xx or any other 4xx. Every final answer is recorded with
 * its request, for the checks after the load.
 */
final class RetryingCommands implements Seeding.Sender {

    /** Reads tokens and keeps the bodies sent (dates as the API writes them). */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
                                                               .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Longer than any command takes when its database is up; a timed-out attempt is retried elsewhere. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    private static final long FIRST_BACK_OFF_MILLIS = 50;
    private static final long MAX_BACK_OFF_MILLIS = 1_000;
    /** How long one request may go unanswered before the suite gives up: every outage is far shorter. */
    private static final long GIVE_UP_MILLIS = 180_000;

    /** A request as answered at last: what was sent, the answer, and how many attempts it took. */
    record Acknowledged(String method, String path, String key, String subject, JsonNode body, int status,
                        JsonNode answer, int attempts) {

        long position() {
            return answer.path("position").asLong(0);
        }
    }

    private final List<Http> commandSides = new ArrayList<>();
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final LongAdder retries = new LongAdder();
    private final Map<String, LongAdder> retryCauses = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong longestWaitMillis = new AtomicLong();

    RetryingCommands(List<Http> commandSides) {
        for (Http side : commandSides) {
            this.commandSides.add(new Http(side.baseUrl(), null, READ_TIMEOUT));
        }
    }

    @Override
    public Answer send(String method, String path, Object body, Map<String, String> headers) {
        long start = System.currentTimeMillis();
        long backOff = FIRST_BACK_OFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            Http side = commandSides.get(ThreadLocalRandom.current().nextInt(commandSides.size()));
            String cause;
            try {
                Answer answer = method.equals("PUT") ? side.put(path, body, headers) : side.post(path, body, headers);
                cause = retryCause(answer);
                if (cause == null) {
                    record(method, path, body, headers, answer, attempt);
                    longestWaitMillis.accumulateAndGet(System.currentTimeMillis() - start, Math::max);
                    return answer;
                }
            } catch (ResourceAccessException e) {
                cause = e.getCause() != null ? e.getCause().getClass().getSimpleName() : "no connection";
            }
            retries.increment();
            retryCauses.computeIfAbsent(cause, c -> new LongAdder()).increment();
            if (System.currentTimeMillis() - start > GIVE_UP_MILLIS) {
                throw new IllegalStateException(method + " " + path + " unanswered after " + attempt + " attempts in "
                                                + GIVE_UP_MILLIS / 1000 + " s; last: " + cause);
            }
            sleep(ThreadLocalRandom.current().nextLong(backOff / 2, backOff + 1));
            backOff = Math.min(MAX_BACK_OFF_MILLIS, backOff * 2);
        }
    }

    /** Why the answer calls for the same request again, or null when it is final. */
    private static String retryCause(Answer answer) {
        if (answer.status() >= 500) {
            return answer.status() + " " + answer.body().path("type").asText("").replaceAll(".*/", "");
        }
        String type = answer.body().path("type").asText("");
        if (answer.status() == 409 && (type.endsWith("/idempotency-key-in-progress") || type.endsWith("/concurrent-change"))) {
            return "409 " + type.replaceAll(".*/", "");
        }
        return null;
    }

    private void record(String method, String path, Object body, Map<String, String> headers, Answer answer,
                        int attempts) {
        acknowledged.add(new Acknowledged(method, path, headers.get("Idempotency-Key"),
                                          subject(headers.get("Authorization")), JSON.valueToTree(body),
                                          answer.status(), answer.body(), attempts));
    }

    /** The {@code sub} of the bearer token: the scope of the request's idempotency key. */
    private static String subject(String authorization) {
        String token = authorization.substring("Bearer ".length());
        byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        try {
            return JSON.readTree(new String(payload, StandardCharsets.UTF_8)).path("sub").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("not a JWT: " + token, e);
        }
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    long retries() {
        return retries.sum();
    }

    Map<String, Long> retryCauses() {
        Map<String, Long> causes = new java.util.TreeMap<>();
        retryCauses.forEach((cause, count) -> causes.put(cause, count.sum()));
        return causes;
    }

    long longestWaitMillis() {
        return longestWaitMillis.get();
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
