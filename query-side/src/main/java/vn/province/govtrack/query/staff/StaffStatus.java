package vn.province.govtrack.query.staff;

/** A staff member's status on a given day. */
public enum StaffStatus {
    /** Recorded, but the recruitment takes effect later. */
    NOT_YET_IN_SERVICE,
    /** Working at the home unit. */
    IN_SERVICE,
    /** On the home unit's staff, working at a host unit. */
    SECONDED,
    /** Out of service from the departure's effective date. */
    DEPARTED
}
