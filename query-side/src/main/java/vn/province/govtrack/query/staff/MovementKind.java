package vn.province.govtrack.query.staff;

/** The kinds of entry in a staff member's history. */
public enum MovementKind {
    RECRUITED, TRANSFERRED, SECONDED, SECONDMENT_ENDED, TRAINING_COMPLETED, ACCOUNT_PROVISIONED, ACCOUNT_REVOKED,
    DEPARTED
}
