package vn.province.govtrack.simulator.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a dossier's processing is meant to end, relative to the due date in force when it ends:
 * resolved at a fraction of the working time left before the due date, or a number of working
 * seconds after it; possibly after an apology-and-extension letter; then maybe returned.
 *
 * @param onTimeFraction     when not late: share of the working time between the last step and the due date used up
 * @param lateSeconds        0 for an ending before the due date; otherwise working seconds after it
 * @param extension          an apology-and-extension letter sent before the due date, or null
 * @param returnAfterSeconds working seconds from resolution to the return of the result; negative: not returned
 */
public record Ending(Step.Outcome outcome, String note, double onTimeFraction, long lateSeconds, Extension extension,
                     long returnAfterSeconds) {

    /**
     * @param atFraction       share of the working time left before the due date when the letter is sent
     * @param extraWorkingDays how far the letter moves the appointment
     */
    public record Extension(double atFraction, int extraWorkingDays, String apology) {
    }

    public boolean late() {
        return lateSeconds > 0;
    }

    /** The extension, resolution and return, timed against {@code dueAt}; none is before {@code after}. */
    public List<Step> steps(Instant after, Instant dueAt, OfficeHours hours) {
        List<Step> steps = new ArrayList<>();
        long left = hours.workingSecondsBetween(after, dueAt);
        Instant resolvedAt;
        if (late()) {
            if (extension != null && left > 0) {
                Instant extendedAt = hours.plusWorkingSeconds(after, (long) (extension.atFraction() * left));
                Instant newDueAt = hours.plusWorkingSeconds(dueAt, extension.extraWorkingDays() * 8 * 3600L);
                steps.add(new Step.Extend(extendedAt, newDueAt, extension.apology()));
            }
            resolvedAt = hours.plusWorkingSeconds(latest(dueAt, after), lateSeconds);
        } else if (left > 60) {
            resolvedAt = hours.plusWorkingSeconds(after, Math.max(60, (long) (onTimeFraction * left)));
        } else {
            // Nothing left before the due date (e.g. a long wait for payment): it ends late after all.
            resolvedAt = hours.plusWorkingSeconds(after, 600);
        }
        steps.add(new Step.Resolve(resolvedAt, outcome, note));
        if (returnAfterSeconds >= 0) {
            steps.add(new Step.Return(hours.plusWorkingSeconds(resolvedAt, returnAfterSeconds)));
        }
        return steps;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
