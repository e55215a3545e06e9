package vn.province.govtrack.query.personnel;

import vn.province.govtrack.kernel.unit.UnitKind;

/**
 * One unit's staffing in one field on a day.
 *
 * @param quota       the positions of the quota in force; 0 when none was ever set, and from the unit's
 *                    dissolution date on
 * @param own         the unit's own staff in the field that day, those seconded out included
 * @param secondedIn  staff of other units seconded to this unit and field
 * @param secondedOut own staff seconded to other units
 * @param effective   {@code own - secondedOut + secondedIn}: who actually works there
 * @param gap         {@code effective - quota}: negative is a shortage, positive a surplus
 */
public record StaffingRow(String unitCode, String unitName, UnitKind unitKind, String field, int quota, int own,
                       int secondedIn, int secondedOut, int effective, int gap, StaffingState state) {
}
