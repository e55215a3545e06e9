package vn.province.govtrack.query.dossier;

import java.time.Instant;

import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * What the query side knows about one dossier: the facts its events recorded, never recomputed.
 * Immutable; a new state comes only from {@link DossierFold#evolve}.
 *
 * @param status         null until the first event that sets it
 * @param submittedAt    when an online submission was registered; null for other channels
 * @param dueAt          the appointment date in force
 * @param processingDays as recorded at resolution; null while open
 * @param lastPosition   global position of the last event folded in; 0 before any
 */
public record DossierView(String dossierId, DossierStatus status, String procedureCode, String field,
                          String unitCode, Channel channel, Instant submittedAt, Instant receivedAt,
                          Instant clockStartsAt,
                          int processingHours, Instant dueAt, Instant resolvedAt, Outcome outcome,
                          Timeliness timeliness, Double processingDays, int supplementRequests,
                          long lastPosition) {

    /** The same state, marked as having folded in the event at {@code position}. */
    public DossierView atPosition(long position) {
        return new DossierView(dossierId, status, procedureCode, field, unitCode, channel, submittedAt, receivedAt,
                clockStartsAt, processingHours, dueAt, resolvedAt, outcome, timeliness, processingDays,
                supplementRequests, position);
    }
}
