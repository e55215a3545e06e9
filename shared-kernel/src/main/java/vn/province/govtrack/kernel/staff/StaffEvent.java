package vn.province.govtrack.kernel.staff;

/** An event of one staff member's stream; projections keyed by staff member handle them alike. */
public interface StaffEvent {

    /** The staff member the event belongs to (not the stream id: see {@link StaffIds}). */
    String staffId();
}
