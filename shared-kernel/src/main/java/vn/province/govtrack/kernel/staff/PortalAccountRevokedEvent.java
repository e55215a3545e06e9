package vn.province.govtrack.kernel.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/** Portal account {@code account}, held for {@code unitCode}, no longer works from {@code revokedOn}. */
@Revision("1")
public record PortalAccountRevokedEvent(String staffId, String account, String unitCode, LocalDate revokedOn)
        implements StaffEvent {

    /** The start of {@code revokedOn}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return BusinessEvent.startOf(revokedOn, businessZone);
    }
}
