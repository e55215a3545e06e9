package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * The documents arrived and the clock runs again. The paused working time is not
 * counted against the office: the due date moves by it, as decided here and recorded.
 *
 * @param pausedWorkingHours working hours between the request and the supplement
 * @param dueAt              the appointment date now in force
 */
@Revision("1")
public record SupplementProvidedEvent(String dossierId, String note, Instant providedAt, double pausedWorkingHours, Instant dueAt)
        implements TimelinessEvent {

    /** {@code providedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(providedAt);
    }
}
