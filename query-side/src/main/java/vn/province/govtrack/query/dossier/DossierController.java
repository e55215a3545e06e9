package vn.province.govtrack.query.dossier;

import java.time.Clock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.query.projection.ProjectionQuery;
import vn.province.govtrack.query.web.Problems;

@RestController
@RequestMapping("/api/v1/dossiers")
class DossierController {

    private final DossierViews views;
    private final Clock clock;

    DossierController(DossierViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/{dossierId}")
    @ProjectionQuery(DossierProjection.PROCESSING_GROUP)
    DossierResponse dossier(@PathVariable String dossierId) {
        return views.find(dossierId)
                    .map(view -> DossierResponse.of(view, clock.getZone()))
                    .orElseThrow(() -> Problems.notFound("dossier-not-found", "Dossier not found",
                            "No dossier '" + dossierId + "' in the dossier projection"));
    }
}
