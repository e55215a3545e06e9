package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** The staff member completed {@code course} on {@code completedOn}. */
@Revision("1")
public record TrainingCompletedEvent(String staffId, String course, LocalDate completedOn)
        implements StaffEvent {
}
