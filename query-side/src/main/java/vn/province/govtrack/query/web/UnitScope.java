package vn.province.govtrack.query.web;

import vn.province.govtrack.security.Caller;
import vn.province.govtrack.web.ProblemType;

/**
 * Unit scoping of the queries, the query side's one place for it: a clerk or unit head reads what is at, or
 * about, its own unit only (dossiers, feedback, the national index's evidence). Another unit's is a 403 rather
 * than a 404: ids are not secret, and a clear refusal helps the desk more than a pretended absence
 * (docs/adr/0003-authorisation.md). Other roles pass; which roles may query at all is decided before
 * ({@link QueryEndpointRules}).
 */
public final class UnitScope {

    private UnitScope() {
    }

    /**
     * @param value    what is read, at or about {@code unitCode}
     * @param what     its name, for the refusal: "dossier 'HS-1'"
     * @return {@code value}
     * @throws vn.province.govtrack.web.ProblemException 403 when the caller acts for another unit than {@code unitCode}
     */
    public static <T> T readable(Caller caller, T value, String unitCode, String what) {
        if (!caller.actsFor(unitCode)) {
            throw ProblemType.FORBIDDEN.exception(what + " is at another unit than " + caller.unitCode());
        }
        return value;
    }

    /**
     * The unit a list is restricted to: the requested one, or for a clerk or unit head its own (also when none
     * is requested).
     *
     * @param what what is listed, for the refusal: "dossiers"
     * @throws vn.province.govtrack.web.ProblemException 403 when a clerk or unit head asks for another unit
     */
    public static String unitFilter(Caller caller, String requested, String what) {
        if (!caller.role().unitBound()) {
            return requested;
        }
        if (requested != null && !requested.equals(caller.unitCode())) {
            throw ProblemType.FORBIDDEN.exception("a " + caller.role() + " of unit " + caller.unitCode()
                                                  + " may list its own unit's " + what + " only, not " + requested
                                                  + "'s");
        }
        return caller.unitCode();
    }
}
