package vn.province.govtrack.simulator.dossier;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import vn.province.govtrack.simulator.province.Field;

/**
 * One simulated dossier: its dated commands up to the end of processing, and how processing is
 * meant to end ({@code null}: it is refused, withdrawn or stopped, or left waiting). The ending
 * is timed against the due date the command side answers, so that the verdicts come out as
 * intended whatever the service's exact deadline arithmetic. {@code feedback} is the applicant's
 * feedback about it, or null (most dossiers have none).
 */
public record DossierPlan(int index, String dossierId, String procedureCode, Field field, String unitCode,
                          Step.Channel channel, LocalTime cutoff, int processingHours, List<Step> steps,
                          Ending ending, FeedbackPlan feedback) {

    public DossierPlan {
        steps = List.copyOf(steps);
    }

    /**
     * The whole history as far as {@code horizon}, with due dates estimated locally (by the
     * deadline rules, the supplement pause included) instead of answered by the service.
     */
    public List<Step> realize(OfficeHours hours, Instant horizon) {
        List<Step> realized = new ArrayList<>();
        DueDates dues = new DueDates(hours, cutoff, processingHours);
        for (Step step : steps) {
            if (step.at().isAfter(horizon)) {
                return realized;
            }
            realized.add(step);
            dues.after(step);
        }
        if (ending != null && dues.dueAt() != null) {
            for (Step step : ending.steps(realized.get(realized.size() - 1).at(), dues.dueAt(), hours)) {
                if (step.at().isAfter(horizon)) {
                    return realized;
                }
                realized.add(step);
            }
        }
        return realized;
    }

    /**
     * The due date in force as the steps happen, worked out locally by the command side's rules: a
     * supplement moves it by the working time paused, counted from the clock's start at the earliest
     * and in whole minutes.
     */
    static final class DueDates {
        private final OfficeHours hours;
        private final LocalTime cutoff;
        private final int processingHours;
        private Instant clockStart;
        private Instant dueAt;
        private Instant pausedAt;

        DueDates(OfficeHours hours, LocalTime cutoff, int processingHours) {
            this.hours = hours;
            this.cutoff = cutoff;
            this.processingHours = processingHours;
        }

        void after(Step step) {
            if (step instanceof Step.Receive || (step instanceof Step.Submit submit
                                                  && submit.channel() != Step.Channel.ONLINE)) {
                clockStart = hours.clockStart(step.at(), cutoff);
                dueAt = hours.estimatedDueAt(step.at(), cutoff, processingHours);
            } else if (step instanceof Step.RequestSupplement) {
                pausedAt = step.at();
            } else if (step instanceof Step.ProvideSupplement && pausedAt != null && dueAt != null) {
                dueAt = hours.plusWorkingSeconds(dueAt, pausedUntil(step.at()));
                pausedAt = null;
            } else if (step instanceof Step.Extend extend) {
                dueAt = extend.newDueAt();
            }
        }

        Instant dueAt() {
            return dueAt;
        }

        /** The due date a processing that ends at {@code endedAt} is judged by: moved by a pause still running. */
        Instant dueAtEndingAt(Instant endedAt) {
            return dueAt == null || pausedAt == null ? dueAt : hours.plusWorkingSeconds(dueAt, pausedUntil(endedAt));
        }

        /** Working seconds paused by the pending supplement request until {@code until}, in whole minutes. */
        private long pausedUntil(Instant until) {
            Instant from = clockStart != null && clockStart.isAfter(pausedAt) ? clockStart : pausedAt;
            return hours.workingSecondsBetween(from, until) / 60 * 60;
        }
    }
}
