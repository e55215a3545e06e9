package vn.province.govtrack.kernel.unit;

/** Kinds of administrative unit in the two-tier local government. */
public enum UnitKind {
    COMMUNE, WARD, SPECIAL_ZONE, DEPARTMENT, CENTER
}
