package vn.province.govtrack.command.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import vn.province.govtrack.command.idempotency.IdempotencyKeys.KeyRecord;
import vn.province.govtrack.command.idempotency.IdempotencyKeys.StoredAnswer;
import vn.province.govtrack.command.web.BufferedRequest;
import vn.province.govtrack.command.web.FilterProblems;

/**
 * Makes commands ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under {@code /api/v1/})
 * that carry an {@value #HEADER} header idempotent: the first request with a key runs and its answer
 * is kept; a retry with the same key and the same request gets that answer again (marked
 * {@value #REPLAYED}), and nothing runs twice. Keys are scoped by the authenticated subject
 * ({@code anonymous} without one), so two callers' keys never meet. See docs/adr/0005-idempotency.md.
 *
 * <ul>
 *   <li>a key must be 1–255 visible ASCII characters, given once (400 otherwise);</li>
 *   <li>the same key with another method, path or body: 422, nothing runs;</li>
 *   <li>a retry while the first request still runs waits for its answer, at most
 *       {@code govtrack.idempotency.max-wait}, then 409;</li>
 *   <li>answers 2xx and 4xx are kept; a 5xx, an exception or a lost concurrency race gives the key up,
 *       so a retry runs anew;</li>
 *   <li>a claim still in progress after {@code govtrack.idempotency.lease} (its instance died) is taken
 *       over by the next retry.</li>
 * </ul>
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

    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /** The headers of an answer worth replaying; the correlation id is the retry's own. */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION);

    private final IdempotencyKeys keys;
    private final IdempotencyProperties properties;
    private final FilterProblems problems;
    private final ObjectMapper canonicalJson;
    private final Clock clock;

    IdempotencyFilter(IdempotencyKeys keys, IdempotencyProperties properties, FilterProblems problems,
                      ObjectMapper json, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.problems = problems;
        this.canonicalJson = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
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
            problems.write(request, response, 400, "invalid-idempotency-key", "Invalid idempotency key",
                           HEADER + " must be given once, as 1 to 255 visible ASCII characters");
            return;
        }
        String key = given.get(0);
        BufferedRequest buffered = new BufferedRequest(request, request.getInputStream().readAllBytes());
        Principal principal = request.getUserPrincipal();
        String scope = principal != null && principal.getName() != null ? principal.getName() : ANONYMOUS;
        String fingerprint = fingerprint(request, buffered.body());
        String claim = UUID.randomUUID().toString();

        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        while (true) {
            Instant now = clock.instant();
            KeyRecord held = keys.claimOrFind(scope, key, fingerprint, claim, now, now.plus(properties.retention()));
            if (held == null) {
                runAndKeep(buffered, response, chain, scope, key, claim);
                return;
            }
            if (!held.expiresAt().isAfter(now)) {
                keys.discard(held);
                continue;
            }
            if (!held.fingerprint().equals(fingerprint)) {
                problems.write(request, response, 422, "idempotency-key-reused", "Idempotency key reused",
                               "this " + HEADER + " was used for a different request; use a new key for a new request");
                return;
            }
            if (held.completed()) {
                replay(held.answer(), response);
                return;
            }
            if (!held.claimedAt().plus(properties.lease()).isAfter(now) && keys.takeOver(held, claim, now)) {
                runAndKeep(buffered, response, chain, scope, key, claim);
                return;
            }
            if (System.nanoTime() >= deadline) {
                problems.write(request, response, 409, "idempotency-key-in-progress", "Request in progress",
                               "a request with this " + HEADER + " is still being processed; retry later");
                return;
            }
            pause();
        }
    }

    private void runAndKeep(BufferedRequest request, HttpServletResponse response, FilterChain chain, String scope,
                            String key, String claim) throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
        } catch (ServletException | IOException | RuntimeException e) {
            keys.release(scope, key, claim);
            throw e;
        }
        int status = answer.getStatus();
        boolean keep = status < 500 && request.getAttribute(FilterProblems.RETRY_MAY_SUCCEED) == null;
        try {
            if (!keep) {
                keys.release(scope, key, claim);
            } else if (!keys.complete(scope, key, claim, stored(answer), clock.instant())) {
                logger.warn("Idempotency key claim was taken over before the answer could be kept; "
                            + "the lease is shorter than this request took");
            }
        } catch (RuntimeException e) {
            // the command has run: its answer goes out; the claim stays until its lease ends
            logger.error("Could not keep the answer of an idempotent request", e);
        }
        answer.copyBodyToResponse();
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

    /**
     * SHA-256 of method, path with query, and body. A JSON body counts by its content, with object
     * members sorted by name, so a client that serializes the same request differently still matches;
     * any other body counts byte for byte.
     */
    private String fingerprint(HttpServletRequest request, byte[] body) {
        String target = request.getRequestURI() + (request.getQueryString() != null ? "?" + request.getQueryString() : "");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + target + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(canonical(body));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private byte[] canonical(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        try {
            return canonicalJson.writeValueAsBytes(canonicalJson.readValue(body, Object.class));
        } catch (IOException | RuntimeException notJson) {
            return body;
        }
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
