package vn.province.govtrack.command.dossier;

import java.time.LocalTime;

/**
 * The terms of a published procedure that a dossier's deadline is decided by, and whether a dossier may
 * be submitted online under it now.
 *
 * @param online whether its online level, as published or last updated, is FULL or PARTIAL
 */
record ProcedureTerms(String code, String field, int processingHours, LocalTime cutoff, boolean online) {

    /** The same terms, offered online or not. */
    ProcedureTerms offeredOnline(boolean offered) {
        return new ProcedureTerms(code, field, processingHours, cutoff, offered);
    }
}
