package vn.province.govtrack.command.unit;

import java.time.LocalDate;

/**
 * What other aggregates' decisions need to know of a registered unit.
 *
 * @param dissolvedOn the first day the unit no longer exists; null while no dissolution is recorded
 */
public record UnitStanding(String code, LocalDate dissolvedOn) {

    /** Whether the unit still exists on {@code day}. */
    public boolean existsOn(LocalDate day) {
        return dissolvedOn == null || day.isBefore(dissolvedOn);
    }

    /** Whether a dissolution is recorded, whatever its date. */
    public boolean dissolutionRecorded() {
        return dissolvedOn != null;
    }
}
