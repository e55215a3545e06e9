package vn.province.govtrack.command.dossier;

import java.time.Instant;

import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * What a dossier is after a command, as every dossier command answers it: which dossier, its status, the
 * unit handling it, the due date in force, how many supplements were requested, and the verdict once
 * processing ended. A retry answered from the record replays the dossier to the same point
 * ({@link RecordedDossierStates}), so it gets the same state.
 *
 * @param dueAt              null while it waits online as NEW, and for one refused before receipt
 * @param supplementRequests the number of the last supplement request, 0 before the first
 * @param timeliness         the verdict of a resolution or a stop; null while processing goes on
 */
record DossierState(String dossierId, DossierStatus status, String unitCode, Instant dueAt, int supplementRequests,
                    Timeliness timeliness) {
}
