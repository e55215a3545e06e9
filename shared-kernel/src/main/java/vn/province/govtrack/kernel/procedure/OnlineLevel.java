package vn.province.govtrack.kernel.procedure;

/**
 * How far a procedure is offered as an online public service on the national portal.
 * {@link #FULL} ("toàn trình"): submitted, paid and answered online, no visit needed;
 * {@link #PARTIAL} ("một phần"): submitted online, with a visit for a payment, the originals or the result;
 * {@link #NONE}: at the desk or by post only.
 */
public enum OnlineLevel {
    FULL, PARTIAL, NONE;

    /** Whether a dossier under the procedure may be submitted online. */
    public boolean online() {
        return this != NONE;
    }
}
