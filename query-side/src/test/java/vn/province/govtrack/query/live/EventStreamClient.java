package vn.province.govtrack.query.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client of the projection stream as a browser's fetch() reads it: the bearer token in the
 * {@code Authorization} header, the body read line by line as it arrives, on a thread of its own, and
 * parsed as Server-Sent Events. Closing it drops the connection, as a closed tab does.
 */
final class EventStreamClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event as received. */
    record Event(String name, String id, JsonNode data) {

        String projection() {
            return data.get("projection").asText();
        }

        long position() {
            return data.get("position").asLong();
        }
    }

    final HttpResponse<InputStream> response;
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<String> comments = new CopyOnWriteArrayList<>();
    /** Set once the server ended the stream. */
    volatile boolean ended;

    private EventStreamClient(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "event-stream-client");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Opens the stream at {@code url}; the answer may be a problem instead (see {@link #response}). */
    static EventStreamClient open(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                                                 .header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return new EventStreamClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of an answer that is not a stream. */
    JsonNode problem() throws IOException {
        try (InputStream body = response.body()) {
            return JSON.readTree(body);
        }
    }

    List<Event> eventsOf(String projection) {
        return events.stream().filter(event -> event.projection().equals(projection)).toList();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, id, JSON.readTree(data.toString())));
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line);
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring("id:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()).strip());
                }
            }
            ended = true;
        } catch (IOException e) {
            ended = true; // closed by the test, or the connection dropped
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
