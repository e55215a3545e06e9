package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * The applicant rated the service after the result was returned (once per dossier): {@code score} from
 * 1 (very dissatisfied) to 5 (very satisfied).
 */
@Revision("1")
public record DossierRatedEvent(String dossierId, int score, Instant ratedAt) implements DossierEvent {

    /** {@code ratedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(ratedAt);
    }
}
