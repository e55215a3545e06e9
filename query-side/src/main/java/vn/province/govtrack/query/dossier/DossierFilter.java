package vn.province.govtrack.query.dossier;

import java.util.Set;

import vn.province.govtrack.kernel.dossier.DossierStatus;

/**
 * Which dossiers a list asks for; every given criterion must hold. Deadline criteria are judged
 * at an instant {@code now} given with the filter.
 *
 * @param unitCode       the unit holding the dossier now; null for any
 * @param statuses       any of these statuses; empty for any
 * @param overdue        true: the clock runs and {@code dueAt < now}; false: anything else; null: either
 * @param dueWithinHours the clock runs and {@code now <= dueAt <= now + dueWithinHours}; null for any
 */
record DossierFilter(String unitCode, Set<DossierStatus> statuses, Boolean overdue, Integer dueWithinHours) {

    DossierFilter {
        statuses = Set.copyOf(statuses);
    }

    /** Whether the criteria ask for dossiers by deadline, which a list then shows soonest due first. */
    boolean byDeadline() {
        return Boolean.TRUE.equals(overdue) || dueWithinHours != null;
    }

    /** Whether only open dossiers can match, so the list can be read from the open dossiers alone. */
    boolean onlyOpen() {
        return byDeadline()
                || !statuses.isEmpty() && statuses.stream().noneMatch(DossierView.FINAL_STATUSES::contains);
    }
}
