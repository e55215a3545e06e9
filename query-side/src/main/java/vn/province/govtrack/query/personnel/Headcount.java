package vn.province.govtrack.query.personnel;

/**
 * Who counts at one unit and field on a day.
 *
 * @param own         the unit's own staff in the field, those seconded out included
 * @param secondedIn  staff of other units seconded to this unit and field
 * @param secondedOut own staff seconded to other units
 */
record Headcount(String unitCode, String field, int own, int secondedIn, int secondedOut) {
}
