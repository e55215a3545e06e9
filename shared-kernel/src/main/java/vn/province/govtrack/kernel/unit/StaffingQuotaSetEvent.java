package vn.province.govtrack.kernel.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * From {@code effectiveDate} on, {@code unitCode} has {@code positions} positions in {@code field},
 * replacing any earlier quota of that unit and field.
 *
 * @param decisionNo null when none was given
 */
@Revision("1")
public record StaffingQuotaSetEvent(String unitCode, String field, int positions, LocalDate effectiveDate,
                                    String decisionNo) implements BusinessEvent {

    /** The start of {@code effectiveDate}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return BusinessEvent.startOf(effectiveDate, businessZone);
    }
}
