package vn.province.govtrack.kernel.dossier;

/** What the resolution decided. */
public enum Outcome {
    APPROVED, REFUSED
}
