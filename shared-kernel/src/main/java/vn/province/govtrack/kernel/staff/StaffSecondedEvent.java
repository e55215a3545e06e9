package vn.province.govtrack.kernel.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * The staff member works at {@code toUnitCode} in {@code toField} from {@code from} to {@code until}
 * (both included) while staying on the staff of {@code homeUnitCode} in {@code field}.
 *
 * @param secondmentNo the secondment's number within this staff member's record: 1, 2, ...
 */
@Revision("1")
public record StaffSecondedEvent(String staffId, int secondmentNo, String homeUnitCode, String field,
                                 String toUnitCode, String toField, LocalDate from, LocalDate until,
                                 String decisionNo) implements StaffEvent {

    /** The start of {@code from}: a secondment happens when it starts (its end is a {@link SecondmentEndedEvent}). */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return BusinessEvent.startOf(from, businessZone);
    }
}
