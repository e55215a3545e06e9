package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * The staff member holds portal account {@code account} for {@code unitCode}: the unit the person
 * worked at on {@code provisionedOn} (the host unit during a secondment).
 */
@Revision("1")
public record PortalAccountProvisionedEvent(String staffId, String account, String unitCode,
                                            LocalDate provisionedOn) implements StaffEvent {
}
