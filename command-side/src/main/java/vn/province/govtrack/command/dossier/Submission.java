package vn.province.govtrack.command.dossier;

import java.time.Instant;

import vn.province.govtrack.kernel.dossier.DossierStatus;

/** What submitting a dossier decided: RECEIVED with its due date, or NEW (online) without one. */
record Submission(DossierStatus status, Instant dueAt) {
}
