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
 * @param electronicResultAfterSeconds working seconds from resolution to the electronic result (issued before the
 *                           return at the latest); negative: the result is issued on paper only
 * @param rating             the applicant's rating after the return, or null when none is given
 */
public record Ending(Step.Outcome outcome, String note, double onTimeFraction, long lateSeconds, Extension extension,
                     long returnAfterSeconds, long electronicResultAfterSeconds, Rating rating) {

    /**
     * @param score        1 (very dissatisfied) to 5 (very satisfied)
     * @param afterSeconds working seconds from the return to the rating
     */
    public record Rating(int score, long afterSeconds) {
    }

    /**
     * @param atFraction       share of the working time left before the due date when the letter is sent
     * @param extraWorkingDays how far the letter moves the appointment
     */
    public record Extension(double atFraction, int extraWorkingDays, String apology) {
    }

    public boolean late() {
        return lateSeconds > 0;
    }

    /**
     * The extension, resolution, electronic result, return and rating, timed against {@code dueAt}; none is
     * before {@code after}.
     */
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
        Instant returnedAt = returnAfterSeconds >= 0 ? hours.plusWorkingSeconds(resolvedAt, returnAfterSeconds) : null;
        if (electronicResultAfterSeconds >= 0) {
            Instant issuedAt = hours.plusWorkingSeconds(resolvedAt, electronicResultAfterSeconds);
            steps.add(new Step.IssueElectronicResult(returnedAt != null && issuedAt.isAfter(returnedAt)
                                                             ? returnedAt : issuedAt));
        }
        if (returnedAt != null) {
            steps.add(new Step.Return(returnedAt));
            if (rating != null) {
                steps.add(new Step.Rate(hours.plusWorkingSeconds(returnedAt, rating.afterSeconds()), rating.score()));
            }
        }
        return steps;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
