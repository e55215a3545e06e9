package vn.province.govtrack.command.dossier;

import java.time.LocalTime;

/** The terms of a published procedure that a dossier's deadline is decided by. */
record ProcedureTerms(String code, String field, int processingHours, LocalTime cutoff, boolean online) {
}
