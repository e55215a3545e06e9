package vn.province.govtrack.query.staff;

import java.util.Optional;

/** What the staff queries ask of the staff read model; the storage stays behind it. */
interface StaffMembers {

    /** The staff member's record, every dated movement included; empty for an id no event named. */
    Optional<StaffRecord> record(String staffId);

    /** The global position of the last event the staff member's record reflects; 0 when there is none. */
    long lastPosition(String staffId);
}
