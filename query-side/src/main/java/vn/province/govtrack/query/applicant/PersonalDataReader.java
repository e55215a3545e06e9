package vn.province.govtrack.query.applicant;

import vn.province.govtrack.security.Caller;

/**
 * Who may see applicants' personal data in a response (docs/adr/0004-personal-data.md): AUDITOR
 * and ADMIN everywhere; CLERK and UNIT_HEAD for the dossiers currently at their own unit (the only
 * dossiers they may read); nobody else, CLIENT included, whose responses carry no {@code applicant}
 * field at all.
 *
 * @param everywhere whether the reader sees every applicant
 * @param unitCode   the unit whose dossiers' applicants the reader sees; null for none
 */
public record PersonalDataReader(boolean everywhere, String unitCode) {

    /** A reader that sees no personal data. */
    public static final PersonalDataReader NOBODY = new PersonalDataReader(false, null);

    /** @param caller the request's caller; null (unauthenticated) sees nothing */
    public static PersonalDataReader of(Caller caller) {
        if (caller == null) {
            return NOBODY;
        }
        return switch (caller.role()) {
            case AUDITOR, ADMIN -> new PersonalDataReader(true, null);
            case CLERK, UNIT_HEAD -> new PersonalDataReader(false, caller.unitCode());
            default -> NOBODY;
        };
    }

    /** Whether the reader sees the applicant of a dossier now at {@code dossierUnitCode}; null for outside a dossier. */
    public boolean sees(String dossierUnitCode) {
        return everywhere || unitCode != null && unitCode.equals(dossierUnitCode);
    }
}
