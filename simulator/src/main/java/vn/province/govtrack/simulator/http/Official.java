package vn.province.govtrack.simulator.http;

/**
 * Who sends a request: a role of the services' role table and, for CLERK and UNIT_HEAD, the unit
 * it acts for.
 */
public record Official(String role, String unitCode) {

    public static final Official ADMIN = new Official("ADMIN", null);
    public static final Official HOME_AFFAIRS = new Official("HOME_AFFAIRS", null);
    public static final Official AUDITOR = new Official("AUDITOR", null);

    /** A desk clerk of {@code unitCode}: dossier commands for the dossiers at that unit. */
    public static Official clerkOf(String unitCode) {
        return new Official("CLERK", unitCode);
    }

    /** The head of {@code unitCode}: as its clerks, plus extensions and transfers. */
    public static Official headOf(String unitCode) {
        return new Official("UNIT_HEAD", unitCode);
    }

    /** Who the official is in the events: the subject of its token, e.g. {@code simulator-clerk-X001}. */
    public String subject() {
        return "simulator-" + role.toLowerCase(java.util.Locale.ROOT) + (unitCode != null ? "-" + unitCode : "");
    }
}
