package vn.province.govtrack.simulator.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service's answer: the HTTP status, the JSON body (a missing node when there is none), the
 * {@code Location} header (null when absent), which for a created resource is its URL on the query side,
 * and every header as received.
 */
public record Answer(int status, JsonNode body, String location, HttpHeaders headers) {

    public Answer(int status, JsonNode body) {
        this(status, body, null);
    }

    public Answer(int status, JsonNode body, String location) {
        this(status, body, location, HttpHeaders.EMPTY);
    }

    /** The first value of the header {@code name}, if the answer has it. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The {@code position} an accepted command reports; 0 when absent. */
    public long position() {
        return body.path("position").asLong(0);
    }

    /** The {@code dueAt} the answer reports, if any. */
    public Optional<Instant> dueAt() {
        JsonNode dueAt = body.path("dueAt");
        return dueAt.isTextual() ? Optional.of(OffsetDateTime.parse(dueAt.asText()).toInstant()) : Optional.empty();
    }

    /** What a problem+json answer says went wrong, else the body. */
    public String problem() {
        JsonNode detail = body.path("detail");
        return detail.isTextual() ? detail.asText() : body.toString();
    }
}
