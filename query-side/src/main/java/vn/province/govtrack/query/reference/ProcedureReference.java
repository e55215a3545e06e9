package vn.province.govtrack.query.reference;

import java.time.LocalTime;

/**
 * A published procedure: its legal processing time in working hours (8 = one working day), the
 * hour after which a dossier received counts from the next working day, and whether it is offered
 * online.
 */
record ProcedureReference(String code, String name, String field, String level, int processingHours,
                          LocalTime cutoff, boolean online) {
}
