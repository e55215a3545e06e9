package vn.province.govtrack.simulator.dossier;

import java.io.PrintStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a scenario's dossiers look like before anything is sent: channels, commands per kind,
 * end states at the period's end, and the share ending late, judged against due dates estimated
 * locally. The dry run prints it; tests check it.
 */
public final class DossierProfile {

    private final Map<Step.Channel, Integer> channels = new EnumMap<>(Step.Channel.class);
    private final Map<String, Integer> commands = new TreeMap<>();
    private final Map<String, Integer> endStates = new TreeMap<>();
    private int dossiers;
    private int ended;
    private int endedLate;

    public static DossierProfile of(DossierPlanner planner) {
        DossierProfile profile = new DossierProfile();
        Instant horizon = planner.scenario().horizon();
        for (int i = 0; i < planner.scenario().dossiers(); i++) {
            DossierPlan plan = planner.plan(i);
            profile.add(plan, plan.realize(planner.hours(), horizon), planner.hours());
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
        endStates.merge(realized.get(realized.size() - 1).kind(), 1, Integer::sum);
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
    }
}
