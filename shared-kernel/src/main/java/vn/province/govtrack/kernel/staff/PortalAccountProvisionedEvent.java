package vn.province.govtrack.kernel.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * The staff member holds portal account {@code account} for {@code unitCode}: the unit the person
 * worked at on {@code provisionedOn} (the host unit during a secondment).
 */
@Revision("1")
public record PortalAccountProvisionedEvent(String staffId, String account, String unitCode,
                                            LocalDate provisionedOn) implements StaffEvent {

    /** The start of {@code provisionedOn}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return BusinessEvent.startOf(provisionedOn, businessZone);
    }
}
