package vn.province.govtrack.command.dossier;

import java.util.Optional;

import vn.province.govtrack.command.calendar.WorkingCalendar;

/**
 * What a dossier decision needs to know about the rest of the province: which units exist, the
 * terms of procedures, and the working calendar in force. Injected into the dossier's command
 * handlers as a parameter.
 */
interface ReferenceData {

    boolean unitExists(String unitCode);

    Optional<ProcedureTerms> procedure(String procedureCode);

    /** A calendar for one decision, with the holidays as set when it is asked. */
    WorkingCalendar workingCalendar();
}
