package vn.province.govtrack.command.idempotency;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import vn.province.govtrack.command.idempotency.IdempotencyKeys.KeyRecord;
import vn.province.govtrack.command.idempotency.IdempotencyKeys.StoredAnswer;
import vn.province.govtrack.command.web.IdempotentRequest;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.eventstore.MongoEventStorageEngine.KeyedCommit;
import vn.province.govtrack.web.BufferedRequest;
import vn.province.govtrack.web.FilterProblems;
import vn.province.govtrack.web.ProblemType;

/**
 * Makes commands ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under {@code /api/v1/})
 * that carry an {@value #HEADER} header take effect at most once, and answers every retry with the
 * first answer (marked {@value #REPLAYED}). Keys are scoped by the authenticated subject
 * ({@code anonymous} without one), so two callers' keys never meet. See docs/adr/0005-idempotency.md.
 *
 * <ul>
 *   <li>a key must be 1–255 visible ASCII characters, given once (400 otherwise);</li>
 *   <li>the same key with another method, path or body: 422, nothing runs;</li>
 *   <li>a retry while the first request still runs waits for its answer, at most
 *       {@code govtrack.idempotency.max-wait}, then 409 with {@code Retry-After};</li>
 *   <li>a claim whose instance stopped beating ({@link Heartbeats}) is taken over by the waiting retry
 *       within seconds, one of this instance that none of its requests runs under any more at once, and
 *       one older than {@code govtrack.idempotency.lease} in any case;</li>
 *   <li>answers 2xx and 4xx are kept; a 5xx, an exception or a lost concurrency race gives the claim up
 *       (after a 5xx has been sent: the database may be out of reach), so a retry runs anew (or is
 *       answered from the commit, if the command was recorded).</li>
 * </ul>
 *
 * <p>Whoever holds the claim first looks for the commit recorded under the key: an earlier attempt may
 * have recorded the command and died before its answer was kept (or the claim may have outlived its
 * retention). Then the request is answered from that commit, through the same controller, without
 * sending the command again ({@link vn.province.govtrack.command.web.CommandSender}). Otherwise the
 * command runs, its events carrying the key; the event store lets one commit only hold it, so even two
 * attempts running at once (a take-over of an instance presumed dead that was not) record it once.
 *
 * <p>It runs after Spring Security's filter chain (order -100), which establishes the principal, and
 * after the body-size limit, which hands the body on in memory.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String ANONYMOUS = "anonymous";

    static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /** The headers of an answer worth replaying; the correlation id is the retry's own. */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION);

    private final IdempotencyKeys keys;
    private final Heartbeats heartbeats;
    private final IdempotencyDigests digests;
    private final MongoEventStorageEngine eventStore;
    private final IdempotencyProperties properties;
    private final FilterProblems problems;
    private final Clock clock;
    /** The claims this instance's requests run under right now: any other claim naming it is abandoned. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    IdempotencyFilter(IdempotencyKeys keys, Heartbeats heartbeats, IdempotencyDigests digests,
                      MongoEventStorageEngine eventStore, IdempotencyProperties properties, FilterProblems problems,
                      Clock clock) {
        this.keys = keys;
        this.heartbeats = heartbeats;
        this.digests = digests;
        this.eventStore = eventStore;
        this.properties = properties;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !COMMAND_METHODS.contains(request.getMethod()) || !path.startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> given = Collections.list(request.getHeaders(HEADER));
        if (given.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (given.size() > 1 || !VALID_KEY.matcher(given.get(0)).matches()) {
            problems.write(request, response, ProblemType.INVALID_IDEMPOTENCY_KEY,
                           HEADER + " must be given once, as 1 to 255 visible ASCII characters");
            return;
        }
        String key = given.get(0);
        BufferedRequest buffered = new BufferedRequest(request, request.getInputStream().readAllBytes());
        Principal principal = request.getUserPrincipal();
        String scope = principal != null && principal.getName() != null ? principal.getName() : ANONYMOUS;
        String fingerprint = digests.fingerprint(request, buffered.body());
        Claim claim = new Claim(scope, key, UUID.randomUUID().toString(),
                                new IdempotentRequest(digests.commitKey(scope, key), fingerprint));

        running.add(claim.token());
        try {
            claimAndRun(request, response, chain, buffered, claim, fingerprint);
        } finally {
            running.remove(claim.token());
        }
    }

    /** Claims the key, or waits for its claimant, and runs or answers the request accordingly. */
    private void claimAndRun(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                             BufferedRequest buffered, Claim claim, String fingerprint)
            throws ServletException, IOException {
        String scope = claim.scope();
        String key = claim.key();
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        while (true) {
            Instant now = clock.instant();
            KeyRecord held = keys.claimOrFind(scope, key, fingerprint, claim.token(), heartbeats.instanceId(), now,
                                              now.plus(properties.retention()));
            if (held == null) {
                runClaimed(buffered, response, chain, claim);
                return;
            }
            if (!held.expiresAt().isAfter(now)) {
                keys.discard(held);
                continue;
            }
            if (!held.fingerprint().equals(fingerprint)) {
                refuseReusedKey(request, response);
                return;
            }
            if (held.completed()) {
                replay(held.answer(), response);
                return;
            }
            if (abandoned(held, now) && keys.takeOver(held, claim.token(), heartbeats.instanceId(), now)) {
                logger.info("Took over an idempotency key's claim from "
                            + (held.owner() != null ? "instance " + held.owner() : "a claimant") + " presumed gone");
                runClaimed(buffered, response, chain, claim);
                return;
            }
            if (System.nanoTime() >= deadline) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfterSeconds()));
                problems.write(request, response, ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS,
                               "a request with this " + HEADER + " is still being processed; retry later");
                return;
            }
            pause();
        }
    }

    /** The claim this request holds or seeks, and what it hands on to the command it carries. */
    private record Claim(String scope, String key, String token, IdempotentRequest request) {
    }

    /**
     * Whether the claimant is presumed gone: its instance stopped beating; it is this instance, which no
     * longer runs the claim (its answer could not be stored, or giving it up failed, while the database
     * was out of reach); or the claim is older than the lease, the last resort for a claim whose other
     * instance lives on but lost track of it, or that names no instance.
     */
    private boolean abandoned(KeyRecord held, Instant now) {
        return held.owner() != null && heartbeats.presumedDead(held.owner())
               || heartbeats.instanceId().equals(held.owner()) && !running.contains(held.claim())
               || !held.claimedAt().plus(properties.lease()).isAfter(now);
    }

    /**
     * Runs the request under its claim. A commit already recorded under the key answers it (a commit of
     * another request: 422, and the claim is given up, so that the commit keeps deciding).
     */
    private void runClaimed(BufferedRequest request, HttpServletResponse response, FilterChain chain, Claim claim)
            throws ServletException, IOException {
        Optional<KeyedCommit> recorded = eventStore.commitWithKey(claim.request().commitKey());
        if (recorded.isPresent()) {
            if (!claim.request().isRecordedIn(recorded.get())) {
                keys.release(claim.scope(), claim.key(), claim.token());
                refuseReusedKey(request, response);
                return;
            }
            claim.request().answerFrom(recorded.get());
        }
        claim.request().bindTo(request);
        runAndKeep(request, response, chain, claim);
    }

    private void runAndKeep(BufferedRequest request, HttpServletResponse response, FilterChain chain, Claim claim)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
        } catch (ServletException | IOException | RuntimeException e) {
            keys.release(claim.scope(), claim.key(), claim.token());
            throw e;
        }
        int status = answer.getStatus();
        boolean keep = status < 500 && request.getAttribute(FilterProblems.RETRY_MAY_SUCCEED) == null;
        if (claim.request().recorded().isPresent()) {
            answer.setHeader(REPLAYED, "true");
        }
        if (!keep) {
            // Answered first: giving the claim up may wait for a database out of reach (the 503 says so).
            answer.copyBodyToResponse();
            response.flushBuffer();
            try {
                keys.release(claim.scope(), claim.key(), claim.token());
            } catch (RuntimeException e) {
                // a retry takes the claim over: on this instance at once, on another once the lease ends
                logger.warn("Could not give up the claim of an idempotency key after a failed request: " + e);
            }
            return;
        }
        try {
            if (!keys.complete(claim.scope(), claim.key(), claim.token(), stored(answer), clock.instant())) {
                logger.warn("Idempotency key claim was taken over before the answer could be kept: this instance was "
                            + "presumed dead, or the request outlasted the lease");
            }
        } catch (RuntimeException e) {
            // The answer goes out. The claim stays: once the lease ends a retry takes it over and rebuilds
            // the answer from the command's commit, if there is one, or runs the command.
            logger.error("Could not keep the answer of an idempotent request", e);
        }
        answer.copyBodyToResponse();
    }

    private void refuseReusedKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, ProblemType.IDEMPOTENCY_KEY_REUSED,
                       "this " + HEADER + " was used for a different request; use a new key for a new request");
    }

    private static StoredAnswer stored(ContentCachingResponseWrapper answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = HttpHeaders.CONTENT_TYPE.equals(name) ? answer.getContentType() : answer.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return new StoredAnswer(answer.getStatus(), headers, answer.getContentAsByteArray());
    }

    private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private void pause() throws IOException {
        try {
            TimeUnit.NANOSECONDS.sleep(properties.pollInterval().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a request with the same idempotency key", e);
        }
    }
}
