package vn.province.govtrack.command.dossier;

import java.util.Optional;

import vn.province.govtrack.command.calendar.WorkingCalendar;
import vn.province.govtrack.command.unit.RegisteredUnit;

/**
 * What a dossier decision needs to know about the rest of the province: which units exist (and since
 * when a dissolved one no longer does), the
 * terms of procedures, and the working calendar in force. Injected into the dossier's command
 * handlers as a parameter.
 */
interface ReferenceData {

    /** The unit registered under {@code unitCode}; empty when none is. */
    Optional<RegisteredUnit> unit(String unitCode);

    Optional<ProcedureTerms> procedure(String procedureCode);

    /** A calendar for one decision, with the holidays as set when it is asked. */
    WorkingCalendar workingCalendar();
}
