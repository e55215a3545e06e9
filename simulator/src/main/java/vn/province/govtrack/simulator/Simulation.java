package vn.province.govtrack.simulator;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.province.govtrack.simulator.dossier.DossierSeeder;
import vn.province.govtrack.simulator.dossier.FeedbackSeeder;
import vn.province.govtrack.simulator.province.HolidaySeeder;
import vn.province.govtrack.simulator.province.ProcedureSeeder;
import vn.province.govtrack.simulator.province.UnitSeeder;

/** Runs the seeders in order and says what they did. */
public final class Simulation {

    private Simulation() {
    }

    /**
     * The seeding steps in the order they run. Units, holidays and procedures come first because
     * dossiers refer to them and due dates depend on the holidays; seed data that dossiers refer
     * to, such as staff and quotas (issue 4), belongs before the dossiers; the applicants' feedback about
     * the dossiers comes after them.
     */
    public static List<Seeder> seeders() {
        return List.of(new UnitSeeder(), new HolidaySeeder(), new ProcedureSeeder(), new vn.province.govtrack.simulator.staff.StaffSeeder(), new DossierSeeder(),
                       new FeedbackSeeder());
    }

    /** The seeders of the reference data the dossiers refer to: every seeder but the dossiers' and their feedback's. */
    public static List<Seeder> referenceSeeders() {
        return seeders().stream().filter(seeder -> !(seeder instanceof DossierSeeder || seeder instanceof FeedbackSeeder))
                .toList();
    }

    /**
     * The seeder of the applicants' feedback alone: after the dossiers were imported, since an import file
     * holds dossier steps only.
     */
    public static List<Seeder> feedbackSeeders() {
        return seeders().stream().filter(FeedbackSeeder.class::isInstance).toList();
    }

    /** How long a seeding step took and how many commands it sent. */
    public record Phase(String name, double seconds, long commands) {

        public double commandsPerSecond() {
            return seconds == 0 ? 0 : commands / seconds;
        }
    }

    public static List<Phase> seed(Seeding seeding, List<Seeder> seeders) {
        List<Phase> phases = new ArrayList<>();
        for (Seeder seeder : seeders) {
            long startNanos = System.nanoTime();
            long startCommands = seeding.tally().commands();
            seeder.seed(seeding);
            phases.add(new Phase(seeder.name(), (System.nanoTime() - startNanos) / 1e9,
                                 seeding.tally().commands() - startCommands));
        }
        return phases;
    }

    public static void printSummary(Tally tally, List<Phase> phases, PrintStream out) {
        out.println();
        out.println("Seeded through the command API:");
        for (Phase phase : phases) {
            out.printf("  %-11s %,9d commands in %7.1f s  %,8.0f commands/s%n", phase.name(), phase.commands(),
                       phase.seconds(), phase.commandsPerSecond());
        }
        print(out, "  accepted", tally.accepted());
        print(out, "  dossiers at the period's end", tally.endStates());
        print(out, "  verdicts answered by the command side", tally.verdicts());
        if (tally.rejections() == 0) {
            out.println("  rejected: none");
        } else {
            out.printf("  REJECTED: %,d commands (a realistic simulation should have none)%n", tally.rejections());
            print(out, "  rejected", tally.rejected());
        }
        out.printf("  last position %,d%n", tally.maxPosition());
    }

    private static void print(PrintStream out, String title, Map<String, Long> counts) {
        out.println(title + ":");
        counts.forEach((key, count) -> out.printf("    %-28s %,9d%n", key, count));
    }
}
