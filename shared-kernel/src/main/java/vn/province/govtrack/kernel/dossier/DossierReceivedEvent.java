package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.applicant.SealedApplicant;

/**
 * The desk accepted a complete dossier and the clock started. The procedure's terms and the
 * due date are copied in as decided at receipt, so replay never recomputes them.
 *
 * <p>Revision 2: the applicant is sealed ({@link SealedApplicant}); revision 1 carried it in clear and
 * never left development (docs/adr/0004-personal-data.md).
 *
 * @param applicant     the applicant's personal data, sealed under the applicant's key
 * @param clockStartsAt the first working instant counted (the next working day after the cut-off)
 * @param dueAt         the appointment date: {@code processingHours} working hours after {@code clockStartsAt}
 */
@Revision("2")
public record DossierReceivedEvent(String dossierId, String procedureCode, String field, String unitCode,
                                   Channel channel, SealedApplicant applicant, Instant receivedAt,
                                   int processingHours, Instant clockStartsAt, Instant dueAt) implements TimelinessEvent {

    /** {@code receivedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(receivedAt);
    }
}
