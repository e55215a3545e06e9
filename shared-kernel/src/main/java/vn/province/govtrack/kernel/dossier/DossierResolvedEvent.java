package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * Processing ended with a decision. The timeliness verdict is judged here against the due
 * date in force and recorded, never recomputed.
 *
 * @param processingDays working days between the clock's start and the resolution, as the
 *                       portal's avgProcessingDays counts them
 */
@Revision("1")
public record DossierResolvedEvent(String dossierId, Outcome outcome, String note, Instant resolvedAt,
                                   Instant dueAt, Timeliness timeliness, double processingDays)
        implements TimelinessEvent {

    /** {@code resolvedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(resolvedAt);
    }
}
