package vn.province.govtrack.query.dossier;

import java.time.Instant;
import java.util.Optional;

import vn.province.govtrack.query.web.Paging;

/** What the dossier queries ask of the dossier read model; the storage stays behind it. */
interface DossierLookup {

    /** The dossier's view; empty when the projection holds no such dossier. */
    Optional<DossierView> dossier(String dossierId);

    /**
     * A page of the dossiers matching every criterion of {@code filter}, judged at {@code now}: soonest
     * due first (then by id) when the filter asks by deadline ("overdue dossiers of a unit", "due
     * within a day"), otherwise by id.
     */
    Paging.Page<DossierView> dossiers(DossierFilter filter, Instant now, Paging paging);
}
