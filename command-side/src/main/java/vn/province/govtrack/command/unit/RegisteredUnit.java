package vn.province.govtrack.command.unit;

import java.time.LocalDate;

/**
 * A registered unit as other aggregates' decisions need to know it: its code, and from which day it is
 * dissolved, if it is.
 *
 * @param dissolvedOn the first day the unit no longer exists; null while no dissolution is recorded
 */
public record RegisteredUnit(String code, LocalDate dissolvedOn) {

    /** Whether the unit still exists on {@code day}. */
    public boolean existsOn(LocalDate day) {
        return dissolvedOn == null || day.isBefore(dissolvedOn);
    }

    /** Whether a dissolution is recorded, whatever its date. */
    public boolean dissolutionRecorded() {
        return dissolvedOn != null;
    }
}
