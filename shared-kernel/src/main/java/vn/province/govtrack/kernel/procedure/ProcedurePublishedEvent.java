package vn.province.govtrack.kernel.procedure;

import java.time.LocalTime;

import org.axonframework.serialization.Revision;

/** A procedure is published with the terms every dossier under it is judged by. */
@Revision("1")
public record ProcedurePublishedEvent(String code, String name, String field, String level,
                                      int processingHours, LocalTime cutoff, boolean online) {
}
