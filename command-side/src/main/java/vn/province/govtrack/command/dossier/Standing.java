package vn.province.govtrack.command.dossier;

import java.time.Instant;

import vn.province.govtrack.kernel.dossier.DossierStatus;

/**
 * Where a dossier stands after a command: which dossier, its status, the unit handling it, and the
 * due date in force (null while it waits online as NEW, and for one refused before receipt).
 */
record Standing(String dossierId, DossierStatus status, String unitCode, Instant dueAt) {
}
