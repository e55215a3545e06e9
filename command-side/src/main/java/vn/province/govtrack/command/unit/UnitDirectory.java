package vn.province.govtrack.command.unit;

import java.util.Optional;

/**
 * Which units are registered and which are dissolved, for the decisions of staff members and
 * dossiers that name a unit. Read from the units' own streams, so such a decision takes no lock on
 * the unit: a movement decided at the very moment the unit is dissolved may still be accepted.
 */
public interface UnitDirectory {

    /** The unit registered under {@code unitCode}, as far as its stream is committed; empty when none is. */
    Optional<RegisteredUnit> registered(String unitCode);
}
