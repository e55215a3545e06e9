package vn.province.govtrack.query.admin;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import vn.province.govtrack.query.projection.ProjectionQuery;
import vn.province.govtrack.query.web.QueryParameters;
import vn.province.govtrack.web.ProblemType;

@Tag(name = "projections", description = "The projections: positions, rebuilds and their progress, parked"
                   + " events (dead letters)")
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionsController {

    private final Projections projections;
    private final Clock clock;

    ProjectionsController(Projections projections, Clock clock) {
        this.projections = projections;
        this.clock = clock;
    }

    @Schema(example = """
            {"projections": [{"name": "dossiers", "position": 13716, "headPosition": 13716,
            "replaying": false, "progress": 100, "state": "CAUGHT_UP", "deadLetters": 0}]}""")
    record ProjectionList(List<ProjectionStatus> projections) {
    }

    @GetMapping
    @Operation(summary = "Every projection's position, the log's head, and any replay under way with its progress")
    @ProjectionQuery(ProjectionQuery.EVENT_LOG)
    ProjectionList all() {
        return new ProjectionList(projections.all());
    }

    @GetMapping("/{name}")
    @Operation(summary = "One projection's position, the log's head, and any replay under way")
    @ProjectionQuery(ProjectionQuery.EVENT_LOG)
    ProjectionStatus one(@PathVariable String name) {
        return projections.one(name).orElseThrow(() -> Projections.unknown(name));
    }

    /**
     * 202 from any instance: the replay runs in the background on the instance holding the projection;
     * its progress shows in {@code GET /admin/projections}.
     */
    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild a projection, or recompute what the events recorded from an instant on touched",
               description = "Without from: everything the projection owns is removed and a replay from the first "
                       + "event writes it anew. With from (an ISO-8601 instant with offset, not in the future), e.g. "
                       + "the moment a faulty release went live: the documents that any event recorded at or after "
                       + "from touched are removed and recomputed from their whole history; every other document "
                       + "stays, readable throughout. 'Recorded at or after from' means from the first event, in "
                       + "position order, whose timestamp is at or after from, and every later position. The replay "
                       + "still reads the log from the first event, because a document folds all its events, older "
                       + "ones included; for the documents kept, each event is a no-op. The result is what a full "
                       + "rebuild gives, provided the kept documents were right. A from after the last event removes "
                       + "nothing. Any instance takes the request; the one holding the projection carries it out, "
                       + "once. Progress: GET /api/v1/admin/projections/{name}: state REQUESTED until the holder "
                       + "starts it (within about a second; at once when asked of the holder), then REPLAYING with "
                       + "progress 0-100. 400 malformed or future from (nothing changes); 404 unknown projection; 409 "
                       + "a rebuild of it is requested or replaying (nothing is recorded).")
    @ApiResponse(responseCode = "202", description = "Accepted: the rebuild is requested or under way.")
    @ApiResponse(responseCode = "409", description = "A rebuild of this projection is already requested or replaying "
                                                     + "(rebuild-in-progress), or it cannot be rebuilt "
                                                     + "(projection-not-rebuildable); nothing is recorded.")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name,
                                             @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME)
                                             String from) {
        ProjectionStatus status = projections.rebuild(name, from == null ? null : pastInstant(from));
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projections/" + name)).body(status);
    }

    /** A future instant is refused rather than taken as nothing to do: it is more likely a typing slip. */
    private Instant pastInstant(String from) {
        Instant instant = QueryParameters.instant("from", from, clock.getZone());
        if (instant.isAfter(clock.instant())) {
            throw ProblemType.INVALID_INPUT.exception("from must not be in the future; got '" + from + "'");
        }
        return instant;
    }
}
