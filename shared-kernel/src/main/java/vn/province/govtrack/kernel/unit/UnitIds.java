package vn.province.govtrack.kernel.unit;

/**
 * Event-stream identifiers of units. Unit codes share the store's identifier space with
 * dossiers, procedures and staff, so the stream id carries a prefix that no dossier or
 * staff id can contain (':' is not allowed in those).
 */
public final class UnitIds {
    private static final String PREFIX = "unit:";

    private UnitIds() {
    }

    public static String streamOf(String unitCode) {
        return PREFIX + unitCode;
    }
}
