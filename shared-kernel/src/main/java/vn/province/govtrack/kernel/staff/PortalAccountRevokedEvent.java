package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** Portal account {@code account}, held for {@code unitCode}, no longer works from {@code revokedOn}. */
@Revision("1")
public record PortalAccountRevokedEvent(String staffId, String account, String unitCode, LocalDate revokedOn)
        implements StaffEvent {
}
