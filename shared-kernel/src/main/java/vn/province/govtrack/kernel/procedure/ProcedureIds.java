package vn.province.govtrack.kernel.procedure;

/** Event-stream identifiers of procedures; see {@code UnitIds} for why they are prefixed. */
public final class ProcedureIds {
    private static final String PREFIX = "procedure:";

    private ProcedureIds() {
    }

    public static String streamOf(String procedureCode) {
        return PREFIX + procedureCode;
    }
}
