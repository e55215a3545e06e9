package vn.province.govtrack.query.feedback;

import java.util.Optional;

import vn.province.govtrack.kernel.feedback.FeedbackStatus;
import vn.province.govtrack.query.web.Paging;

/** What the feedback queries ask of the feedback read model; the storage stays behind it. */
interface FeedbackLookup {

    /** The feedback's view; empty when the projection holds no such feedback. */
    Optional<FeedbackView> feedback(String feedbackId);

    /** A page of the feedback about {@code unitCode} (any unit when null) in {@code status} (any when null), by id. */
    Paging.Page<FeedbackView> feedback(String unitCode, FeedbackStatus status, Paging paging);
}
