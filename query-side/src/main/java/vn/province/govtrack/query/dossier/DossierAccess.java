package vn.province.govtrack.query.dossier;

import vn.province.govtrack.security.Caller;
import vn.province.govtrack.web.ProblemType;

/**
 * Unit scoping of the dossier queries, the query side's one place for it: a clerk or unit head
 * reads the dossiers currently at its own unit only. Another unit's dossier is a 403 rather than
 * a 404: dossier ids are not secret, and a clear refusal helps the desk more than a pretended
 * absence (docs/adr/0003-authorisation.md). Other roles pass; which roles may query at all is
 * decided before ({@code QueryEndpointRules}).
 */
final class DossierAccess {

    private DossierAccess() {
    }

    /** @throws vn.province.govtrack.web.ProblemException 403 when the caller acts for another unit */
    static DossierView readable(Caller caller, DossierView view) {
        if (!caller.actsFor(view.unitCode())) {
            throw ProblemType.FORBIDDEN.exception(
                    "dossier '" + view.dossierId() + "' is at another unit than " + caller.unitCode());
        }
        return view;
    }

    /**
     * The unit a dossier list is restricted to: the requested one, or for a clerk or unit head its
     * own (also when none is requested).
     *
     * @throws vn.province.govtrack.web.ProblemException 403 when a clerk or unit head asks for another unit
     */
    static String unitFilter(Caller caller, String requested) {
        if (!caller.role().unitBound()) {
            return requested;
        }
        if (requested != null && !requested.equals(caller.unitCode())) {
            throw ProblemType.FORBIDDEN.exception("a " + caller.role() + " of unit " + caller.unitCode()
                                     + " may list its own unit's dossiers only, not " + requested + "'s");
        }
        return caller.unitCode();
    }
}
