package vn.province.govtrack.query.personnel;

/** A unit's staffing in one field against its quota. */
public enum StaffingState {
    /** Effective headcount below the quota. */
    SHORTAGE,
    /** Effective headcount above the quota. */
    SURPLUS,
    /** Effective headcount equal to the quota. */
    BALANCED,
    /**
     * The unit is dissolved on the reviewed day: its quota no longer counts (0), so it is never short;
     * staff still counted there are its gap, a surplus that rebalancing may move elsewhere.
     */
    DISSOLVED;

    static StaffingState of(int gap) {
        return gap < 0 ? SHORTAGE : gap > 0 ? SURPLUS : BALANCED;
    }
}
