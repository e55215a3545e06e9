package vn.province.govtrack.kernel.dossier;

/** The national dossier status codes shared by the portal and provincial systems. */
public enum DossierStatus {
    NEW(1), RECEIVED(2), NOT_RECEIVED(3), IN_PROCESSING(4), SUPPLEMENT_REQUESTED(5),
    PAYMENT_REQUESTED(6), WITHDRAWAL_REQUESTED(7), STOPPED(8), RESOLVED(9), RETURNED(10);

    private final int code;

    DossierStatus(int code) {
        this.code = code;
    }

    /** The national code, 1 to 10. */
    public int code() {
        return code;
    }
}
