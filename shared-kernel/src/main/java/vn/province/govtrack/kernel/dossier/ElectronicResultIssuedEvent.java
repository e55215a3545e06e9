package vn.province.govtrack.kernel.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/** The dossier's result was issued as an electronic document (once, after its resolution). */
@Revision("1")
public record ElectronicResultIssuedEvent(String dossierId, Instant issuedAt) implements DossierEvent {

    /** {@code issuedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(issuedAt);
    }
}
