package vn.province.govtrack.query.live;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import vn.province.govtrack.web.AlsoAnswered;

/**
 * Live updates: a Server-Sent Events stream of the projections' advances, so that a screen showing read
 * models reloads what moved instead of polling. Names and positions only, no personal data.
 */
@RestController
@RequestMapping("/api/v1/projections")
class ProjectionStreamController {

    static final String PATH = "/api/v1/projections/stream";

    /** The stream answers {@code text/event-stream}; the web edge's {@code Accept} check lets it through to it only. */
    @Configuration(proxyBeanMethods = false)
    static class EventStream {

        @Bean
        AlsoAnswered projectionEventStream() {
            return new AlsoAnswered(MediaType.TEXT_EVENT_STREAM, List.of(PATH));
        }
    }

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String EXAMPLE = """
            event: projection
            id: 1041
            data: {"projection":"dossiers","position":1041,"head":1043}

            event: projection
            id: 1043
            data: {"projection":"timeliness-index","position":1043,"head":1043}

            : keep-alive

            """;

    private final ProjectionStream stream;

    ProjectionStreamController(ProjectionStream stream) {
        this.stream = stream;
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow the projections' positions live, as Server-Sent Events",
               description = "A text/event-stream that stays open. On connect it sends one `projection` event per "
                       + "projection with its current position; then one each time a projection's position changes "
                       + "(it advances, or falls back to 0 when a rebuild starts), within about a quarter of a second, "
                       + "whichever query-side instance processes it. Each event: `event: projection`, `id:` the "
                       + "position, `data:` JSON {projection, position, head}, head being the event log's head when "
                       + "read (head - position is the lag in events). A comment line `: keep-alive` every 15 s. "
                       + "A client that loses the stream reconnects and gets every position anew; the stream also ends "
                       + "when the instance stops. Send the bearer token in the Authorization header (read the stream "
                       + "with fetch(), not EventSource, which cannot send it). Every instance serves at most "
                       + "`govtrack.query.stream.max-subscribers` streams at once (default 200); one more is a 503 "
                       + "with Retry-After. To be sure a command's effect is in a read model, a query's minPosition "
                       + "remains the way; the stream says when to ask.",
               responses = {
                       @ApiResponse(responseCode = "200", description = "The stream, open until the client or the "
                               + "instance ends it",
                                    content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                                                       schema = @Schema(type = "string"),
                                                       examples = @ExampleObject(name = "advances", value = EXAMPLE))),
                       @ApiResponse(responseCode = "401", description = "unauthenticated: no valid bearer token "
                               + "(every role may follow the stream, so no token is refused 403)",
                                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                                       schema = @Schema(ref = PROBLEM))),
                       @ApiResponse(responseCode = "404", description = "projection-not-found: no projection of "
                               + "that name",
                                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                                       schema = @Schema(ref = PROBLEM))),
                       @ApiResponse(responseCode = "503", description = "unavailable: this instance streams to as "
                               + "many subscribers as it may, or is starting or stopping; retry after Retry-After",
                                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                                       schema = @Schema(ref = PROBLEM)))})
    SseEmitter stream(@RequestParam(required = false) @Size(max = 100)
                      @Parameter(description = "only this projection's advances (a name GET /api/v1/admin/projections "
                                               + "lists, e.g. timeliness-index)")
                      String projection) {
        return stream.subscribe(projection);
    }
}
