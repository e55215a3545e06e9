package vn.province.govtrack.query.feedback;

import vn.province.govtrack.security.Caller;
import vn.province.govtrack.web.ProblemType;

/**
 * Unit scoping of the feedback queries, as the dossier queries scope theirs ({@code DossierAccess}): a clerk
 * or unit head reads the feedback about its own unit only, and another unit's is a 403 rather than a 404.
 * Other roles pass; which roles may query at all is decided before ({@code QueryEndpointRules}).
 */
final class FeedbackAccess {

    private FeedbackAccess() {
    }

    /** @throws vn.province.govtrack.web.ProblemException 403 when the caller acts for another unit */
    static FeedbackView readable(Caller caller, FeedbackView view) {
        if (!caller.actsFor(view.unitCode())) {
            throw ProblemType.FORBIDDEN.exception(
                    "feedback '" + view.feedbackId() + "' is about another unit than " + caller.unitCode());
        }
        return view;
    }

    /**
     * The unit a feedback list is restricted to: the requested one, or for a clerk or unit head its own
     * (also when none is requested).
     *
     * @throws vn.province.govtrack.web.ProblemException 403 when a clerk or unit head asks for another unit
     */
    static String unitFilter(Caller caller, String requested) {
        if (!caller.role().unitBound()) {
            return requested;
        }
        if (requested != null && !requested.equals(caller.unitCode())) {
            throw ProblemType.FORBIDDEN.exception("a " + caller.role() + " of unit " + caller.unitCode()
                                                  + " may list the feedback about its own unit only, not "
                                                  + requested + "'s");
        }
        return caller.unitCode();
    }
}
