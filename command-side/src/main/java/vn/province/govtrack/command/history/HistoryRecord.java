package vn.province.govtrack.command.history;

import vn.province.govtrack.command.dossier.DossierEndpoint;
import vn.province.govtrack.command.dossier.DossierRequest;
import vn.province.govtrack.security.Caller;

/**
 * One step of a dossier's history, read from a line of the file and checked as its endpoint checks a
 * request: its body is well-formed and valid, dated at the record's instant, and its actor's role may
 * give the command. Whether the dossier's state allows it is the dossier's decision, when it is sent.
 *
 * @param id      the record's id, kept in the metadata of the event it records ({@code importRecord})
 * @param request the body of the step's endpoint, with the step's time field set to the record's {@code at}
 */
record HistoryRecord(long line, String id, String dossierId, DossierEndpoint endpoint, Caller caller,
                     DossierRequest request) implements HistoryLine {
}
