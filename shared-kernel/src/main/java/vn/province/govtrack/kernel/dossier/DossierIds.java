package vn.province.govtrack.kernel.dossier;

import java.util.regex.Pattern;

/**
 * The form of a dossier identifier, which is also the dossier's event-stream id: 1 to 64
 * letters, digits, '.', '_' or '-'. It never contains ':', so it cannot collide with the
 * prefixed streams of units, procedures and calendars.
 */
public final class DossierIds {

    /** The regular expression a dossier id must match as a whole (usable in Bean Validation). */
    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private DossierIds() {
    }

    public static boolean isValid(String dossierId) {
        return dossierId != null && COMPILED.matcher(dossierId).matches();
    }
}
