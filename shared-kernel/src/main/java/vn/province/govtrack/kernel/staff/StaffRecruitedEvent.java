package vn.province.govtrack.kernel.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/** A person is in service at {@code unitCode}, in {@code field} and {@code position}, from {@code effectiveDate}. */
@Revision("1")
public record StaffRecruitedEvent(String staffId, String fullName, String unitCode, String field, String position,
                                  LocalDate effectiveDate, String decisionNo) implements StaffEvent {

    /** The start of {@code effectiveDate}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return BusinessEvent.startOf(effectiveDate, businessZone);
    }
}
