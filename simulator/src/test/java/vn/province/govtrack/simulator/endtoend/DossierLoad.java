package vn.province.govtrack.simulator.endtoend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;

import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.DevTokens;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;

/**
 * A steady load of dossier commands from several client threads to every command side: each thread
 * submits a dossier in person through one command side, resolves it through the other and returns it
 * through the first, every request with an {@code Idempotency-Key} of its own, retried with that key
 * while the answer is "still in progress" or the connection fails, as a careful client does.
 *
 * <p>It keeps what a test needs to judge the product afterwards: every acknowledged command (dossier,
 * step, position), and every answer that was neither the expected success nor a retried 409 — above
 * all any 5xx. {@link #pause} holds new commands back and waits for those in flight, so that a test
 * can compare the read models with a log that stands still; {@link #resume} lets them go on.
 */
final class DossierLoad implements AutoCloseable {

    /** A step the load took on a dossier and the command side acknowledged. */
    record Acknowledged(String dossierId, String step, long position) {
    }

    private static final int ATTEMPTS = 20;

    private final List<Http> commandSides;
    private final DevTokens tokens;
    private final List<String> unitCodes;
    private final String procedureCode;
    /** How long a client waits between its commands, as a person at a desk would. */
    private final long thinkMillis;
    private final List<Thread> workers = new ArrayList<>();
    /** Held for reading by each command in flight, for writing while paused: fair, so a pause is not starved. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean running = true;

    DossierLoad(List<Http> commandSides, DevTokens tokens, List<String> unitCodes, String procedureCode,
                long thinkMillis) {
        this.commandSides = List.copyOf(commandSides);
        this.thinkMillis = thinkMillis;
        this.tokens = tokens;
        this.unitCodes = List.copyOf(unitCodes);
        this.procedureCode = procedureCode;
    }

    /** Starts {@code clients} client threads, each acting on its own dossiers. */
    DossierLoad start(int clients) {
        for (int client = 0; client < clients; client++) {
            int number = client;
            Thread worker = new Thread(() -> run(number), "dossier-load-" + client);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        return this;
    }

    /** Holds new commands back and returns once none is in flight; by the thread that later resumes. */
    void pause() {
        gate.writeLock().lock();
    }

    void resume() {
        gate.writeLock().unlock();
    }

    /** Every command acknowledged so far. */
    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** Every answer that was not the step's success, nor a 409 "in progress" retried: status, request, body. */
    List<String> unexpectedAnswers() {
        return List.copyOf(unexpected);
    }

    /** How many answers of each status the load received, retried ones included. */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(70));
        }
    }

    private void run(int client) {
        String unitCode = unitCodes.get(client % unitCodes.size());
        Official clerk = Official.clerkOf(unitCode);
        while (running) {
            long number = sequence.incrementAndGet();
            Http first = commandSides.get((int) (number % commandSides.size()));
            Http second = commandSides.get((int) ((number + 1) % commandSides.size()));
            Answer submitted = send(first, clerk, "/api/v1/dossiers", Map.of(
                    "procedureCode", procedureCode, "unitCode", unitCode, "channel", "IN_PERSON",
                    "applicant", Map.of("idNumber", "%012d".formatted(100_000_000L + number),
                                        "fullName", "Công dân " + number, "phone", "0912345678")),
                    201, "submission");
            if (submitted == null) {
                continue;
            }
            String dossierId = submitted.body().path("dossierId").asText();
            if (send(second, clerk, "/api/v1/dossiers/" + dossierId + "/resolution",
                     Map.of("outcome", "APPROVED", "note", "issued"), 200, "resolution") != null) {
                send(first, clerk, "/api/v1/dossiers/" + dossierId + "/return", Map.of(), 200, "return");
            }
        }
    }

    /** The answer when it is the expected success, else null (and the answer noted as unexpected). */
    private Answer send(Http side, Official official, String path, Map<String, ?> body, int expected, String step) {
        sleep(thinkMillis);
        Map<String, String> headers = Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(official),
                                             "Idempotency-Key", "load-" + UUID.randomUUID());
        gate.readLock().lock();
        try {
            for (int attempt = 1; attempt <= ATTEMPTS && running; attempt++) {
                Answer answer;
                try {
                    answer = side.post(path, body, headers);
                } catch (ResourceAccessException e) {
                    sleep(500);
                    continue;
                }
                statuses.computeIfAbsent(answer.status(), status -> new AtomicLong()).incrementAndGet();
                if (answer.status() == 409
                    && answer.body().path("type").asText().endsWith("/idempotency-key-in-progress")) {
                    sleep(500);
                    continue;
                }
                if (answer.status() != expected) {
                    unexpected.add(answer.status() + " " + side.baseUrl() + path + " " + answer.body());
                    return null;
                }
                acknowledged.add(new Acknowledged(answer.body().path("dossierId").asText(), step, answer.position()));
                return answer;
            }
            if (running) {
                unexpected.add("no answer after " + ATTEMPTS + " attempts: " + side.baseUrl() + path);
            }
            return null;
        } finally {
            gate.readLock().unlock();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
