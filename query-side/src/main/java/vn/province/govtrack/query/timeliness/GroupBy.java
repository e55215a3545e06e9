package vn.province.govtrack.query.timeliness;

import java.util.Locale;
import java.util.Optional;

/** How report rows are keyed: by the unit a count is attributed to, or by the dossier's field or procedure. */
enum GroupBy {
    UNIT, FIELD, PROCEDURE;

    static Optional<GroupBy> parse(String value) {
        for (GroupBy candidate : values()) {
            if (candidate.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
