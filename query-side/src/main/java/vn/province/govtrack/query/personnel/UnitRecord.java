package vn.province.govtrack.query.personnel;

import java.time.LocalDate;

import vn.province.govtrack.kernel.unit.UnitKind;

/**
 * A registered unit as the personnel reports name it.
 *
 * @param dissolvedOn the first day the unit no longer exists; null while no dissolution is recorded
 */
record UnitRecord(String code, String name, UnitKind kind, LocalDate dissolvedOn) {

    UnitRecord(String code, String name, UnitKind kind) {
        this(code, name, kind, null);
    }

    UnitRecord dissolvedFrom(LocalDate day) {
        return new UnitRecord(code, name, kind, day);
    }

    /** Whether the unit is dissolved on {@code day}. */
    boolean dissolvedOn(LocalDate day) {
        return dissolvedOn != null && !day.isBefore(dissolvedOn);
    }
}
