package vn.province.govtrack.command.staff;

/** Which units exist, for staff decisions; injected into the staff member's command handlers. */
interface Units {

    boolean exists(String unitCode);
}
