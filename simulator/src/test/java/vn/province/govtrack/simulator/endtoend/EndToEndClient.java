package vn.province.govtrack.simulator.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Every HTTP call of the end-to-end tests, to either service, goes through {@link #exchange}, which
 * sends the bearer token of the official acting: minted once per official by the command side's
 * {@code POST /dev/tokens} (the services run in the local profile, as {@code ./run} starts them).
 * Answers of any status are returned, for the test to judge.
 */
final class EndToEndClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who acts: a role of the services' role table and, for CLERK and UNIT_HEAD, the unit it acts for. */
    record Official(String role, String unitCode) {

        static final Official ADMIN = new Official("ADMIN", null);
        static final Official AUDITOR = new Official("AUDITOR", null);

        static Official headOf(String unitCode) {
            return new Official("UNIT_HEAD", unitCode);
        }
    }

    /** An answer: its status and its JSON body (missing when empty). */
    record Reply(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final RestClient commands;
    private final RestClient queries;
    private final Map<Official, String> tokens = new ConcurrentHashMap<>();

    EndToEndClient(String commandUrl, String queryUrl) {
        this.commands = RestClient.create(commandUrl);
        this.queries = RestClient.create(queryUrl);
    }

    /** A command to the command side. */
    Reply post(Official official, String path, String json) {
        return exchange(commands, official, HttpMethod.POST, path, json);
    }

    Reply put(Official official, String path, String json) {
        return exchange(commands, official, HttpMethod.PUT, path, json);
    }

    /** A query, read by an auditor (who may read everything). */
    Reply get(String pathAndQuery) {
        return exchange(queries, Official.AUDITOR, HttpMethod.GET, pathAndQuery, null);
    }

    /** A projection rebuild on the query side, by an administrator. */
    Reply rebuild(String projection) {
        return exchange(queries, Official.ADMIN, HttpMethod.POST, "/api/v1/admin/projections/" + projection + "/rebuild",
                        null);
    }

    private Reply exchange(RestClient service, Official official, HttpMethod method, String path, String json) {
        RestClient.RequestBodySpec request = service.method(method).uri(path)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (official != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.computeIfAbsent(official, this::mint));
        }
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.exchange((req, response) -> new Reply(response.getStatusCode().value(),
                                                             parse(response.getBody().readAllBytes())));
    }

    private String mint(Official official) {
        String unit = official.unitCode() == null ? "" : ", \"unitCode\": \"" + official.unitCode() + "\"";
        Reply reply = exchange(commands, null, HttpMethod.POST, "/dev/tokens",
                               "{\"role\": \"" + official.role() + "\"" + unit + ", \"ttlMinutes\": 120}");
        if (!reply.ok() || !reply.body().path("token").isTextual()) {
            throw new IllegalStateException("POST /dev/tokens for " + official + " answered " + reply.status() + " "
                                            + reply.body());
        }
        return reply.body().path("token").asText();
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
