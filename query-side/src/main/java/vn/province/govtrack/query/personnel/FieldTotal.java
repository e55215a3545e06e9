package vn.province.govtrack.query.personnel;

/**
 * Province totals of one field on a day, over every unit with a quota or staff in it.
 *
 * @param units      how many units have a quota or staff in the field
 * @param gap        the net gap, {@code effective - quota}
 * @param shortage   positions missing, summed over the units short (a surplus elsewhere does not offset it)
 * @param surplus    staff over quota, summed over the units with a surplus
 * @param unitsShort how many units are short
 * @param unitsOver  how many units have a surplus
 * @param state      by the net gap
 */
public record FieldTotal(String field, int units, int quota, int own, int secondedIn, int secondedOut, int effective,
                         int gap, int shortage, int surplus, int unitsShort, int unitsOver, StaffingState state) {
}
