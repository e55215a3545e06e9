package vn.province.govtrack.security;

/** The roles a token's {@code role} claim may name (see the role table in the public API contract). */
public enum Role {

    /** Dossier commands for the dossiers currently at its unit; reads its unit's dossiers. */
    CLERK(true),
    /** As CLERK, plus extensions and transfers of its unit's dossiers. */
    UNIT_HEAD(true),
    /** Staff and quota commands province-wide; personnel and staff queries. */
    HOME_AFFAIRS(false),
    /** Units, procedures, the calendar, projection rebuilds, erasure of personal data. */
    ADMIN(false),
    /** Every read, audit and history included; no command. */
    AUDITOR(false),
    /** Projection queries without personal data; no audit, no command. */
    CLIENT(false);

    private final boolean unitBound;

    Role(boolean unitBound) {
        this.unitBound = unitBound;
    }

    /** Whether the role acts for one unit only, named by the token's {@code unitCode}. */
    public boolean unitBound() {
        return unitBound;
    }

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named {@code name}, or null when there is none. */
    static Role named(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
