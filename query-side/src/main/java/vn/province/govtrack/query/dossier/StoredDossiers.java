package vn.province.govtrack.query.dossier;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.province.govtrack.query.web.Paging;

/** The dossier queries answered from the dossier projection's collections ({@link DossierViews}). */
@Component
class StoredDossiers implements DossierLookup {

    private final DossierViews views;

    StoredDossiers(DossierViews views) {
        this.views = views;
    }

    @Override
    public Optional<DossierView> dossier(String dossierId) {
        return views.find(dossierId);
    }

    /** Paged in the database: the page's documents only are read. */
    @Override
    public Paging.Page<DossierView> dossiers(DossierFilter filter, Instant now, Paging paging) {
        DossierViews.Slice slice = views.page(filter, now, paging.offset(), paging.size());
        return new Paging.Page<>(slice.content(), slice.total());
    }
}
