package vn.province.govtrack.simulator.dossier;

import java.time.Instant;
import java.util.List;

import vn.province.govtrack.simulator.Seeder;
import vn.province.govtrack.simulator.Seeding;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Official;

/**
 * Plays the dossiers' histories against the command side, several dossiers at a time, each
 * dossier's commands in order on one worker. The ending (extension, resolution, return) is timed
 * against the due date the service last answered. Nothing after the period's end is sent: what is
 * open then stays open. A rejected command ends that dossier's history (it is counted and shown).
 * Each command is sent as a clerk of the unit holding the dossier at the time, extensions and
 * transfers as its head; after a transfer, the new unit's. The records the national index reads
 * (digitisation, electronic result, payment channel, rating) are steps of the same histories.
 */
public final class DossierSeeder implements Seeder {

    @Override
    public String name() {
        return "dossiers";
    }

    @Override
    public void seed(Seeding seeding) {
        DossierPlanner planner = new DossierPlanner(seeding.province(), seeding.scenario(), seeding.hours());
        Instant horizon = seeding.scenario().horizon();
        seeding.inParallel(name(), seeding.scenario().dossiers(), index -> play(seeding, planner.plan(index), horizon));
    }

    /**
     * Plays dossier {@code index} of {@code planner}'s scenario on the calling thread, as {@link #seed}
     * plays each: for a caller that decides itself when each dossier starts (the soak benchmark).
     */
    public static void play(Seeding seeding, DossierPlanner planner, int index) {
        play(seeding, planner.plan(index), seeding.scenario().horizon());
    }

    private static void play(Seeding seeding, DossierPlan plan, Instant horizon) {
        History history = new History(seeding, plan, horizon);
        if (history.play(plan.steps()) && plan.ending() != null && history.dueAt != null) {
            history.play(plan.ending().steps(history.last, history.dueAt, seeding.hours()));
        }
        seeding.tally().endState(history.state);
    }

    /** One dossier's history as it is sent: the due date in force, the last time and status. */
    private static final class History {
        private final Seeding seeding;
        private final DossierPlan plan;
        private final Instant horizon;
        private int sequence;
        /** The unit holding the dossier now, whose clerks and head act on it. */
        private String unitCode;
        private Instant dueAt;
        private Instant last;
        private String state;

        History(Seeding seeding, DossierPlan plan, Instant horizon) {
            this.seeding = seeding;
            this.plan = plan;
            this.horizon = horizon;
            this.unitCode = plan.unitCode();
        }

        /** Sends {@code steps} in order; false when it stopped at the period's end or at a rejection. */
        boolean play(List<Step> steps) {
            for (Step step : steps) {
                if (step.at().isAfter(horizon)) {
                    return false;
                }
                // The sequence makes the key unique per command of the dossier, so a retried request is recognised.
                Answer answer = seeding.send(officialFor(step, unitCode), step.kind(), plan.dossierId(),
                                             "/dossiers" + step.path(plan.dossierId()), step.body(),
                                             plan.dossierId() + "/" + sequence++);
                if (!answer.ok()) {
                    state = "rejected";
                    return false;
                }
                // Resolutions and stops end processing; their answers carry the command side's verdict.
                if (answer.body().path("timeliness").isTextual()) {
                    seeding.tally().verdict(answer.body().path("timeliness").asText());
                }
                if (step instanceof Step.Transfer transfer) {
                    unitCode = transfer.toUnitCode();
                }
                dueAt = answer.dueAt().orElse(dueAt);
                last = step.at();
                state = stateAfter(step, answer, state);
            }
            return true;
        }
    }

    /** Extensions and transfers are the unit head's; every other step a clerk's of the dossier's current unit. */
    static Official officialFor(Step step, String unitCode) {
        return step instanceof Step.Extend || step instanceof Step.Transfer ? Official.headOf(unitCode)
                : Official.clerkOf(unitCode);
    }

    /** The status after an accepted command: the answer's, or the one the command leads to. */
    private static String stateAfter(Step step, Answer answer, String before) {
        String status = answer.body().path("status").asText("");
        if (!status.isEmpty()) {
            return status;
        }
        if (!step.changesStatus()) {
            return before;
        }
        return switch (step.kind()) {
            case "refusal" -> "NOT_RECEIVED";
            case "assignment", "payment", "supplement", "extension", "transfer" -> "IN_PROCESSING";
            case "payment-request" -> "PAYMENT_REQUESTED";
            case "supplement-request" -> "SUPPLEMENT_REQUESTED";
            case "withdrawal" -> "WITHDRAWAL_REQUESTED";
            case "stop" -> "STOPPED";
            case "resolution" -> "RESOLVED";
            case "return" -> "RETURNED";
            default -> "RECEIVED";
        };
    }
}
