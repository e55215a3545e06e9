package vn.province.govtrack.web;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure answered as a problem of one of the {@link ProblemType}s: what a service throws for the
 * failures it detects itself (or a {@link ProblemMapping} turns another exception into), which the
 * shared problem advice answers. It is an answer to the caller, not a fault: no stack trace.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private URI instance;
    private Duration retryAfter;

    public ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    /** What was wrong, for the caller: the problem's {@code detail}. */
    public String detail() {
        return getMessage();
    }

    /** Adds the extension member {@code name} to the problem. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /**
     * Names {@code instance} as the problem's {@code instance} in place of the request path, for a path
     * that holds what must not be echoed (an ID number).
     */
    public ProblemException at(URI instance) {
        this.instance = instance;
        return this;
    }

    /**
     * Answers the problem with {@code Retry-After}: when the same request may succeed if sent again after
     * {@code delay}. A 503 without one gets {@link ProblemBodies#RETRY_AFTER}.
     */
    public ProblemException retryAfter(Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    Map<String, Object> properties() {
        return properties;
    }

    URI instance() {
        return instance;
    }
}
