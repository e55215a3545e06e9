package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * The requested payment was made; processing continues.
 */
@Revision("1")
public record PaymentRecordedEvent(String dossierId, long amount, Instant paidAt) implements DossierEvent {

    /** {@code paidAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(paidAt);
    }
}
