package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The desk accepted a complete dossier and the clock started. The procedure's terms and the
 * due date are copied in as decided at receipt, so replay never recomputes them.
 *
 * @param clockStartsAt the first working instant counted (the next working day after the cut-off)
 * @param dueAt         the appointment date: {@code processingHours} working hours after {@code clockStartsAt}
 */
@Revision("1")
public record DossierReceivedEvent(String dossierId, String procedureCode, String field, String unitCode,
                                   Channel channel, Applicant applicant, Instant receivedAt,
                                   int processingHours, Instant clockStartsAt, Instant dueAt) {
}
