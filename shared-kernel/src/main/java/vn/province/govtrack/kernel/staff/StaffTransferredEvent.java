package vn.province.govtrack.kernel.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * From {@code effectiveDate} on, the staff member's home assignment is {@code toUnitCode},
 * {@code toField}, {@code toPosition}; the {@code from...} fields are the assignment it replaces.
 */
@Revision("1")
public record StaffTransferredEvent(String staffId, String fromUnitCode, String fromField, String toUnitCode,
                                    String toField, String toPosition, LocalDate effectiveDate, String decisionNo)
        implements StaffEvent {

    /** The start of {@code effectiveDate}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return BusinessEvent.startOf(effectiveDate, businessZone);
    }
}
