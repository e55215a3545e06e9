package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * The requested payment was made; processing continues.
 *
 * @param channel how it was paid; null in events recorded before the channel was, read as not online
 */
@Revision("1")
public record PaymentRecordedEvent(String dossierId, long amount, Instant paidAt, PaymentChannel channel)
        implements DossierEvent {

    /** Whether it was paid online; an event recorded before the channel was says no. */
    public boolean paidOnline() {
        return channel == PaymentChannel.ONLINE;
    }

    /** {@code paidAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(paidAt);
    }
}
