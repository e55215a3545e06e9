package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a staff member completed a training course. */
public record RecordTrainingCommand(String staffId, String course, LocalDate completedOn) {

    @TargetAggregateIdentifier
    public String streamId() {
        return StaffIds.streamOf(staffId);
    }
}
