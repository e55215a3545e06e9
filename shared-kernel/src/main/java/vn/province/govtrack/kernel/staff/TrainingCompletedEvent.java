package vn.province.govtrack.kernel.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/** The staff member completed {@code course} on {@code completedOn}. */
@Revision("1")
public record TrainingCompletedEvent(String staffId, String course, LocalDate completedOn)
        implements StaffEvent {

    /** The start of {@code completedOn}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return BusinessEvent.startOf(completedOn, businessZone);
    }
}
