package vn.province.govtrack.kernel.staff;

/** Why a secondment ended. */
public enum SecondmentEndReason {
    /** Its end date passed; recorded by the expiry scheduler, without a decision of its own. */
    EXPIRED,
    /** Ended early (or cancelled before it began) by a numbered decision. */
    DECIDED,
    /** The staff member left the service while seconded; the departure's decision number applies. */
    DEPARTED
}
