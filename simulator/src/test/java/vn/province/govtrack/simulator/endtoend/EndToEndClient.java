package vn.province.govtrack.simulator.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Every HTTP call of the end-to-end tests, to either service, goes through {@link #exchange}: the one
 * place where a bearer token is added to the request. Answers of any status are returned, for the
 * test to judge.
 */
final class EndToEndClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient commands;
    private final RestClient queries;

    EndToEndClient(String commandUrl, String queryUrl) {
        this.commands = RestClient.create(commandUrl);
        this.queries = RestClient.create(queryUrl);
    }

    /** An answer: its status, its JSON body (missing when empty) and the projection position it reflects. */
    record Reply(int status, JsonNode body, long projectionPosition) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** A command to the command side. */
    Reply post(String path, String json) {
        return exchange(commands, HttpMethod.POST, path, json);
    }

    /** A command to the query side (projection rebuilds). */
    Reply postToQuerySide(String path) {
        return exchange(queries, HttpMethod.POST, path, null);
    }

    Reply put(String path, String json) {
        return exchange(commands, HttpMethod.PUT, path, json);
    }

    Reply get(String pathAndQuery) {
        return exchange(queries, HttpMethod.GET, pathAndQuery, null);
    }

    private Reply exchange(RestClient service, HttpMethod method, String path, String json) {
        RestClient.RequestBodySpec request = service.method(method).uri(path)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.exchange((req, response) -> {
            String position = response.getHeaders().getFirst("X-Projection-Position");
            return new Reply(response.getStatusCode().value(), parse(response.getBody().readAllBytes()),
                             position == null ? -1 : Long.parseLong(position));
        });
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
