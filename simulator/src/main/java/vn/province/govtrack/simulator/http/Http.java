package vn.province.govtrack.simulator.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * One service's HTTP endpoint, spoken with Spring's {@code RestClient} over the JDK client (kept-alive
 * HTTP/1.1 connections, safe for concurrent workers). Every answer is returned, 4xx and 5xx
 * included, for the caller to count; only an unreachable service throws. A request without its
 * own {@code Authorization} header carries the default bearer token, if one was given.
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final String baseUrl;
    private final RestClient client;
    private final Supplier<String> defaultToken;

    public Http(String baseUrl) {
        this(baseUrl, null);
    }

    /** @param defaultToken the bearer token of requests that name none; asked for at each request */
    public Http(String baseUrl, Supplier<String> defaultToken) {
        this(baseUrl, defaultToken, Duration.ofSeconds(60));
    }

    /** @param readTimeout how long a request may wait for its answer */
    public Http(String baseUrl, Supplier<String> defaultToken, Duration readTimeout) {
        this.baseUrl = baseUrl;
        this.defaultToken = defaultToken;
        HttpClient jdkClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(jdkClient);
        requestFactory.setReadTimeout(readTimeout);
        this.client = RestClient.builder().baseUrl(baseUrl).requestFactory(requestFactory).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Answer get(String pathAndQuery) {
        return exchange(HttpMethod.GET, pathAndQuery, null, Map.of());
    }

    /**
     * A GET whose answer is read to its last byte but not parsed: for timing what a client waits for,
     * without this client's own JSON parsing.
     */
    public Unparsed getUnparsed(String pathAndQuery) {
        return getUnparsed(pathAndQuery, MediaType.APPLICATION_JSON);
    }

    /** A GET of what answers {@code accept} (an NDJSON export, say), read to its last byte but not parsed. */
    public Unparsed getUnparsed(String pathAndQuery, MediaType accept) {
        RestClient.RequestHeadersSpec<?> request = client.get().uri(pathAndQuery).accept(accept);
        if (defaultToken != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + defaultToken.get());
        }
        return request.exchange((req, response) -> new Unparsed(response.getStatusCode().value(),
                                                                 response.getBody().readAllBytes()));
    }

    /** An answer's status and body as received. */
    public record Unparsed(int status, byte[] body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Answer post(String path, Object body, Map<String, String> headers) {
        return exchange(HttpMethod.POST, path, body, headers);
    }

    public Answer put(String path, Object body, Map<String, String> headers) {
        return exchange(HttpMethod.PUT, path, body, headers);
    }

    private Answer exchange(HttpMethod method, String path, Object body, Map<String, String> headers) {
        RestClient.RequestBodySpec request = client.method(method).uri(path).accept(MediaType.APPLICATION_JSON);
        headers.forEach(request::header);
        if (defaultToken != null && !headers.containsKey(HttpHeaders.AUTHORIZATION)) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + defaultToken.get());
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(toJson(body));
        }
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            HttpHeaders received = new HttpHeaders();
            received.addAll(response.getHeaders());
            return new Answer(response.getStatusCode().value(), parse(bytes), received.getFirst(HttpHeaders.LOCATION),
                              HttpHeaders.readOnlyHttpHeaders(received));
        });
    }

    /** Whether the service answers at all; a refused connection is "no". */
    public boolean reachable(String path) {
        try {
            return get(path).status() > 0;
        } catch (ResourceAccessException e) {
            return false;
        }
    }

    static byte[] toJson(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
    }

    private static JsonNode parse(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
