package vn.province.govtrack.simulator.province;

/** The unit kinds of api.md's {@code POST /units}. */
public enum UnitKind {
    COMMUNE, WARD, SPECIAL_ZONE, DEPARTMENT, CENTER;

    /** Communes, wards and special zones: the local units with a one-stop desk. */
    public boolean local() {
        return this == COMMUNE || this == WARD || this == SPECIAL_ZONE;
    }
}
