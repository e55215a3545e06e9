package vn.province.govtrack.query.admin;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.query.projection.ProjectionQuery;
import vn.province.govtrack.query.web.QueryParameters;

@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionsController {

    private final Projections projections;

    ProjectionsController(Projections projections) {
        this.projections = projections;
    }

    record ProjectionList(List<ProjectionStatus> projections) {
    }

    @GetMapping
    @ProjectionQuery(ProjectionQuery.EVENT_LOG)
    ProjectionList all() {
        return new ProjectionList(projections.all());
    }

    @GetMapping("/{name}")
    @ProjectionQuery(ProjectionQuery.EVENT_LOG)
    ProjectionStatus one(@PathVariable @Pattern(regexp = QueryParameters.CODE) String name) {
        return projections.one(name).orElseThrow(() -> Projections.unknown(name));
    }

    /** 202: the replay runs in the background; its progress shows in {@code GET /admin/projections}. */
    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable @Pattern(regexp = QueryParameters.CODE) String name) {
        ProjectionStatus status = projections.rebuild(name);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projections/" + name)).body(status);
    }
}
