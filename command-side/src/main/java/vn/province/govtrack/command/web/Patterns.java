package vn.province.govtrack.command.web;

/** Forms of request fields, for Bean Validation. */
public final class Patterns {

    /**
     * Unit and procedure codes: the alphabet of dossier ids, safe in paths and stream ids. "." and ".."
     * are excluded: as path segments they would be resolved away, leaving a resource nobody can address.
     */
    public static final String CODE = "(?!\\.\\.?$)[A-Za-z0-9._-]{1,64}";

    /** Dossier and staff ids: the kernel's form ({@code DossierIds}, {@code StaffIds}) without "." and "..". */
    public static final String ID = CODE;

    /** A local time of day, e.g. a procedure's cut-off {@code "15:00"}. */
    public static final String TIME_OF_DAY = "([01][0-9]|2[0-3]):[0-5][0-9]";

    private Patterns() {
    }
}
