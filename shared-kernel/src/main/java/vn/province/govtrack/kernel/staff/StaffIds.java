package vn.province.govtrack.kernel.staff;

import java.util.regex.Pattern;

/**
 * Identifiers of staff members and their event streams.
 *
 * <p>A staff id has the form of a dossier id (1 to 64 letters, digits, '.', '_' or '-'), and callers
 * choose them freely, so a staff id can equal a dossier id. The staff member's stream id therefore
 * carries the prefix {@value #PREFIX}: no dossier id contains ':', and no other prefix is
 * {@value #PREFIX}, so a staff stream can collide with nothing else in the store.
 */
public final class StaffIds {

    /** The regular expression a staff id must match as a whole (usable in Bean Validation). */
    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";

    private static final String PREFIX = "staff:";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private StaffIds() {
    }

    public static boolean isValid(String staffId) {
        return staffId != null && COMPILED.matcher(staffId).matches();
    }

    public static String streamOf(String staffId) {
        return PREFIX + staffId;
    }
}
