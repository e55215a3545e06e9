package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * Fees or financial obligations were requested (PAYMENT_REQUESTED); {@code amount} in VND.
 */
@Revision("1")
public record PaymentRequestedEvent(String dossierId, long amount, String reason, Instant requestedAt)
        implements DossierEvent {

    /** {@code requestedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(requestedAt);
    }
}
