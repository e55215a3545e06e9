package vn.province.govtrack.kernel.staff;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * An event of one staff member's stream; projections keyed by staff member handle them alike. Each
 * happened on its effective date ({@link BusinessEvent#occurredAt}: the start of that day).
 */
public interface StaffEvent extends BusinessEvent {

    /** The staff member the event belongs to (not the stream id: see {@link StaffIds}). */
    String staffId();
}
