package vn.province.govtrack.simulator.dossier;

import java.io.PrintStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a scenario's dossiers look like before anything is sent: channels, commands per kind,
 * end states at the period's end, the share ending late, judged against due dates estimated
 * locally, and the national index's inputs ({@link Inputs}). The dry run prints it; tests check it.
 */
public final class DossierProfile {

    private final Map<Step.Channel, Integer> channels = new EnumMap<>(Step.Channel.class);
    private final Map<String, Integer> commands = new TreeMap<>();
    private final Map<String, Integer> endStates = new TreeMap<>();
    private int dossiers;
    private int ended;
    private int endedLate;
    private final Inputs province = new Inputs();
    private final Map<String, Inputs> units = new TreeMap<>();

    /**
     * The counts behind the national index's dossier indicators (docs/index-766.md), within the period:
     * dossiers received and how they were digitised, resolutions and their electronic results, payments
     * and their channel, ratings, and feedback with its answers.
     */
    public static final class Inputs {
        private int received;
        private int fullyDigitised;
        private int reused;
        private int populationData;
        private int resolved;
        private int electronicResults;
        private int payments;
        private int paidOnline;
        private int returned;
        private int ratings;
        private int satisfied;
        private int feedback;
        private int complaints;
        private int answeredOnTime;
        private int answeredLate;

        public int received() {
            return received;
        }

        public int fullyDigitised() {
            return fullyDigitised;
        }

        public int reused() {
            return reused;
        }

        public int populationData() {
            return populationData;
        }

        public int resolved() {
            return resolved;
        }

        public int electronicResults() {
            return electronicResults;
        }

        public int payments() {
            return payments;
        }

        public int paidOnline() {
            return paidOnline;
        }

        public int returned() {
            return returned;
        }

        public int ratings() {
            return ratings;
        }

        /** Ratings of 4 or 5. */
        public int satisfied() {
            return satisfied;
        }

        /** Feedback received within the period. */
        public int feedback() {
            return feedback;
        }

        public int complaints() {
            return complaints;
        }

        /** Feedback answered within the period, by its due time (10 working days after receipt). */
        public int answeredOnTime() {
            return answeredOnTime;
        }

        /** Feedback answered within the period, after its due time. */
        public int answeredLate() {
            return answeredLate;
        }

        private void add(DossierPlan plan, List<Step> realized, OfficeHours hours, Instant horizon) {
            Step.Digitise digitised = null;
            for (Step step : realized) {
                received += step instanceof Step.Receive
                        || (step instanceof Step.Submit && plan.channel() != Step.Channel.ONLINE) ? 1 : 0;
                digitised = step instanceof Step.Digitise digitise ? digitise : digitised;
                resolved += step instanceof Step.Resolve ? 1 : 0;
                electronicResults += step instanceof Step.IssueElectronicResult ? 1 : 0;
                returned += step instanceof Step.Return ? 1 : 0;
                if (step instanceof Step.RecordPayment payment) {
                    payments++;
                    paidOnline += payment.channel() == Step.PaymentChannel.ONLINE ? 1 : 0;
                }
                if (step instanceof Step.Rate rate) {
                    ratings++;
                    satisfied += rate.score() >= 4 ? 1 : 0;
                }
            }
            if (digitised != null) {
                fullyDigitised += digitised.digitisedParts() == digitised.parts() ? 1 : 0;
                reused += digitised.reusedParts() > 0 ? 1 : 0;
                populationData += digitised.populationDataUsed() ? 1 : 0;
            }
            FeedbackPlan about = plan.feedback();
            if (about != null && about.receivedAt().isBefore(horizon)) {
                feedback++;
                complaints += about.complaint() ? 1 : 0;
                if (about.answeredAt() != null && about.answeredAt().isBefore(horizon)) {
                    boolean onTime = !about.answeredAt().isAfter(
                            hours.plusWorkingSeconds(about.receivedAt(), DossierPlanner.FEEDBACK_DUE_SECONDS));
                    answeredOnTime += onTime ? 1 : 0;
                    answeredLate += onTime ? 0 : 1;
                }
            }
        }

        /** {@code part} over {@code whole}, 0 when there is no whole. */
        public static double share(int part, int whole) {
            return whole == 0 ? 0 : part / (double) whole;
        }
    }

    public static DossierProfile of(DossierPlanner planner) {
        DossierProfile profile = new DossierProfile();
        Instant horizon = planner.scenario().horizon();
        for (int i = 0; i < planner.scenario().dossiers(); i++) {
            DossierPlan plan = planner.plan(i);
            List<Step> realized = plan.realize(planner.hours(), horizon);
            profile.add(plan, realized, planner.hours());
            Inputs unit = profile.units.computeIfAbsent(plan.unitCode(), code -> new Inputs());
            for (Inputs inputs : List.of(profile.province, unit)) {
                inputs.add(plan, realized, planner.hours(), horizon);
            }
        }
        return profile;
    }

    private void add(DossierPlan plan, List<Step> realized, OfficeHours hours) {
        dossiers++;
        channels.merge(plan.channel(), 1, Integer::sum);
        DossierPlan.DueDates dues = new DossierPlan.DueDates(hours, plan.cutoff(), plan.processingHours());
        int supplementRequests = 0;
        for (Step step : realized) {
            commands.merge(step.kind(), 1, Integer::sum);
            supplementRequests += step instanceof Step.RequestSupplement ? 1 : 0;
            if (step instanceof Step.Resolve || step instanceof Step.Stop) {
                // Judged as the rules judge: after the due date in force, or more than one supplement request.
                ended++;
                Instant dueAt = dues.dueAtEndingAt(step.at());
                endedLate += supplementRequests > 1 || dueAt == null || step.at().isAfter(dueAt) ? 1 : 0;
            }
            dues.after(step);
        }
        Step last = realized.get(0);
        for (Step step : realized) {
            last = step.changesStatus() ? step : last;
        }
        endStates.merge(last.kind(), 1, Integer::sum);
    }

    /** The index's inputs of the whole province. */
    public Inputs inputs() {
        return province;
    }

    /** The index's inputs per unit that received the dossier (a transferred dossier counts at the first). */
    public Map<String, Inputs> inputsByUnit() {
        return units;
    }

    public int dossiers() {
        return dossiers;
    }

    public Map<Step.Channel, Integer> channels() {
        return channels;
    }

    /** Commands per kind ({@link Step#kind()}), as far as the period's end. */
    public Map<String, Integer> commands() {
        return commands;
    }

    /** Dossiers by the kind of their last command within the period. */
    public Map<String, Integer> endStates() {
        return endStates;
    }

    public int totalCommands() {
        return commands.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Dossiers resolved or stopped within the period. */
    public int ended() {
        return ended;
    }

    /** Of those, the ones judged late: ended after the estimated due date, or with more than one supplement request. */
    public int endedLate() {
        return endedLate;
    }

    public double share(Step.Channel channel) {
        return dossiers == 0 ? 0 : channels.getOrDefault(channel, 0) / (double) dossiers;
    }

    public void print(PrintStream out) {
        out.printf("dossiers %,d, commands %,d (%.2f per dossier)%n", dossiers, totalCommands(),
                   dossiers == 0 ? 0 : totalCommands() / (double) dossiers);
        channels.forEach((channel, count) -> out.printf("  channel %-10s %,8d  %5.1f%%%n", channel, count,
                                                        100.0 * count / dossiers));
        commands.forEach((kind, count) -> out.printf("  command %-20s %,8d%n", kind, count));
        endStates.forEach((kind, count) -> out.printf("  last command %-15s %,8d  %5.1f%%%n", kind, count,
                                                      100.0 * count / dossiers));
        out.printf("  ended in the period %,d, judged late %,d: expected on-time rate %.2f%%%n", ended, endedLate,
                   ended == 0 ? 0 : 100.0 * (ended - endedLate) / ended);
        Inputs in = province;
        out.printf("  national index inputs: of %,d received, %.1f%% fully digitised, %.1f%% reusing data, %.1f%% with "
                   + "population data; of %,d resolved, %.1f%% with an electronic result; of %,d payments, %.1f%% "
                   + "online; of %,d returned, %.1f%% rated, %.1f%% of ratings 4 or 5; feedback %,d (%.2f%% of "
                   + "dossiers, %.0f%% complaints), answered in the period on time %,d, late %,d%n",
                   in.received, pct(in.fullyDigitised, in.received), pct(in.reused, in.received),
                   pct(in.populationData, in.received), in.resolved, pct(in.electronicResults, in.resolved),
                   in.payments, pct(in.paidOnline, in.payments), in.returned, pct(in.ratings, in.returned),
                   pct(in.satisfied, in.ratings), in.feedback, pct(in.feedback, dossiers),
                   pct(in.complaints, in.feedback), in.answeredOnTime, in.answeredLate);
    }

    private static double pct(int part, int whole) {
        return 100 * Inputs.share(part, whole);
    }
}
