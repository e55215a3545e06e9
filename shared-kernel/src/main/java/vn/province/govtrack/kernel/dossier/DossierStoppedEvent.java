package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * Processing stopped (STOPPED), which ends processing: the verdict is judged and recorded here
 * as for a resolution.
 */
@Revision("1")
public record DossierStoppedEvent(String dossierId, String reason, Instant stoppedAt, Instant dueAt, Timeliness timeliness, double processingDays)
        implements TimelinessEvent {

    /** {@code stoppedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(stoppedAt);
    }
}
