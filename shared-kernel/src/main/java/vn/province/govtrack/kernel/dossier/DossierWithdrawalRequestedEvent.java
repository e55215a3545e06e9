package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * The applicant asked to withdraw (WITHDRAWAL_REQUESTED).
 */
@Revision("1")
public record DossierWithdrawalRequestedEvent(String dossierId, String reason, Instant requestedAt)
        implements DossierEvent {

    /** {@code requestedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(requestedAt);
    }
}
