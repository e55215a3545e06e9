package vn.province.govtrack.simulator.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.DevTokens;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;

/**
 * Every HTTP call of the end-to-end tests, to either service, with the bearer token of the official
 * acting: the simulator's {@link Http} and {@link DevTokens} (tokens from the command side's
 * {@code POST /dev/tokens}; the services run in the local profile, as {@code ./run} starts them).
 * Queries are read by an auditor, who may read everything. Answers of any status are returned, for
 * the test to judge.
 */
final class EndToEndClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http commands;
    private final Http queries;
    private final Http queryCommands;
    private final DevTokens tokens;

    EndToEndClient(Http commands, Http queries, DevTokens tokens) {
        this.commands = commands;
        this.tokens = tokens;
        this.queries = new Http(queries.baseUrl(), () -> tokens.of(Official.AUDITOR));
        this.queryCommands = new Http(queries.baseUrl(), () -> tokens.of(Official.ADMIN));
    }

    /** A command to the command side, {@code json} its body. */
    Answer post(Official official, String path, String json) {
        return commands.post(path, parse(json), as(official));
    }

    Answer put(Official official, String path, String json) {
        return commands.put(path, parse(json), as(official));
    }

    Answer get(String pathAndQuery) {
        return queries.get(pathAndQuery);
    }

    /** A projection rebuild on the query side, by an administrator. */
    Answer rebuild(String projection) {
        return queryCommands.post("/api/v1/admin/projections/" + projection + "/rebuild", null, Map.of());
    }

    private Map<String, String> as(Official official) {
        return Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(official));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the test's own JSON does not parse: " + json, e);
        }
    }
}
