package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * The desk refused the online submission (NOT_RECEIVED); no clock ever ran.
 */
@Revision("1")
public record DossierRefusedEvent(String dossierId, String reason, Instant refusedAt) implements DossierEvent {

    /** {@code refusedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(refusedAt);
    }
}
