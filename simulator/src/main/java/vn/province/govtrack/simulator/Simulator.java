package vn.province.govtrack.simulator;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.client.ResourceAccessException;

import vn.province.govtrack.simulator.benchmark.CommandCosts;
import vn.province.govtrack.simulator.benchmark.DemoBenchmark;
import vn.province.govtrack.simulator.benchmark.Soak;
import vn.province.govtrack.simulator.dossier.DossierPlanner;
import vn.province.govtrack.simulator.dossier.DossierProfile;
import vn.province.govtrack.simulator.dossier.OfficeHours;
import vn.province.govtrack.simulator.dossier.Scenario;
import vn.province.govtrack.simulator.http.DevTokens;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;
import vn.province.govtrack.simulator.province.Province;
import vn.province.govtrack.simulator.province.ProvinceCatalogue;
import vn.province.govtrack.simulator.report.ProvinceFigures;
import vn.province.govtrack.simulator.report.Projections;

/**
 * Seeds a simulated province into running services through their public HTTP API and prints
 * the figures the query side then reports. Exit status: 0 done (or nothing to do), 1 failed,
 * 2 bad usage.
 */
public final class Simulator {

    /** How long the figures wait for the projections to catch up with the seeding. */
    private static final long CATCH_UP_TIMEOUT_MILLIS = 60 * 60 * 1000L;

    private Simulator() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("benchmark")) {
            System.exit(DemoBenchmark.run(SimulatorOptions.rest(args), System.out));
        }
        if (args.length > 0 && args[0].equals("soak")) {
            System.exit(Soak.run(SimulatorOptions.rest(args), System.out));
        }
        if (args.length > 0 && args[0].equals("command-costs")) {
            System.exit(CommandCosts.run(SimulatorOptions.rest(args), System.out));
        }
        if (args.length > 0 && args[0].equals("export")) {
            System.exit(HistoryExport.run(SimulatorOptions.rest(args), System.out, System.err));
        }
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            System.err.println(SimulatorOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(SimulatorOptions.USAGE);
            return;
        }
        try {
            System.exit(run(options, System.out));
        } catch (ResourceAccessException e) {
            System.err.println("simulator: a service stopped answering: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("simulator: " + e);
            System.exit(1);
        }
    }

    static int run(SimulatorOptions options, PrintStream out) {
        Scenario scenario = options.scenario();
        Province province = ProvinceCatalogue.province();
        OfficeHours hours = officeHours(scenario);
        if (options.dryRun()) {
            out.printf("Dry run: %s%n", describe(scenario, province));
            DossierProfile.of(new DossierPlanner(province, scenario, hours)).print(out);
            return 0;
        }
        if (!scenario.lastDay().isBefore(LocalDate.now(OfficeHours.ZONE))) {
            out.printf("simulator: the period must end before today (%s); its last day is %s%n",
                       LocalDate.now(OfficeHours.ZONE), scenario.lastDay());
            return 2;
        }
        Http commands = new Http(options.commandUrl());
        DevTokens tokens = new DevTokens(commands);
        Http queries = new Http(options.queryUrl(), () -> tokens.of(Official.AUDITOR));
        Projections projections = new Projections(queries);
        // the query side only answers the questions of --if-empty and the report
        List<Http> needed = options.ifEmpty() || options.report() ? List.of(commands, queries) : List.of(commands);
        for (Http service : needed) {
            if (!service.reachable("/actuator/health")) {
                out.printf("simulator: nothing answers at %s; start the services first (./run)%n", service.baseUrl());
                return 1;
            }
        }
        if (options.ifEmpty()) {
            long head = projections.headPosition();
            if (head > 0) {
                out.printf("The store already holds %,d events; not seeding the demo province again.%n", head);
                return 0;
            }
        }
        out.printf("Seeding %s%s%n  command side %s, query side %s, %d workers%n", describe(scenario, province),
                   options.referenceOnly() ? ": the reference data only, no dossier"
                           : options.feedbackOnly() ? ": the feedback about its dossiers only" : "", options.commandUrl(),
                   options.queryUrl(), options.workers());

        List<Seeder> seeders = options.referenceOnly() ? Simulation.referenceSeeders()
                : options.feedbackOnly() ? Simulation.feedbackSeeders() : Simulation.seeders();
        Result result = seed(province, scenario, hours, commands, tokens, options.workers(), seeders, out);
        if (options.report()) {
            report(queries, projections, province, scenario, result.tally().maxPosition(), out);
        }
        return 0;
    }

    /** What a seeding run did: its tally and its phases. */
    public record Result(Tally tally, List<Simulation.Phase> phases) {
    }

    /**
     * Runs {@code seeders} in order ({@link Simulation#seeders}, or {@link Simulation#referenceSeeders}
     * when the dossiers are imported) and prints what they did: the entry point the benchmark reuses.
     */
    public static Result seed(Province province, Scenario scenario, OfficeHours hours, Http commands,
                              DevTokens tokens, int workers, List<Seeder> seeders, PrintStream out) {
        return seed(province, scenario, hours, commands, tokens, workers, seeders, true, out);
    }

    /** As {@link #seed(Province, Scenario, OfficeHours, Http, DevTokens, int, List, PrintStream)}, keys sent or not. */
    public static Result seed(Province province, Scenario scenario, OfficeHours hours, Http commands,
                              DevTokens tokens, int workers, List<Seeder> seeders, boolean idempotencyKeys,
                              PrintStream out) {
        Tally tally = new Tally(out);
        Seeding seeding = new Seeding(province, scenario, hours, commands, tokens, tally, workers, out,
                                      idempotencyKeys);
        List<Simulation.Phase> phases = Simulation.seed(seeding, seeders);
        Simulation.printSummary(tally, phases, out);
        return new Result(tally, phases);
    }

    /** Waits for the projections to reach {@code position}, then prints the province's figures. */
    public static void report(Http queries, Projections projections, Province province, Scenario scenario,
                              long position, PrintStream out) {
        try {
            long startNanos = System.nanoTime();
            boolean terminal = System.console() != null;
            long[] lastLine = {startNanos};
            boolean caughtUp = projections.awaitPosition(position, CATCH_UP_TIMEOUT_MILLIS, reached -> {
                if (reached < position && terminal) {
                    out.printf("\rprojections catching up: position %,d of %,d", reached, position);
                } else if (reached < position && System.nanoTime() - lastLine[0] > 5e9) {
                    out.printf("projections catching up: position %,d of %,d%n", reached, position);
                    lastLine[0] = System.nanoTime();
                }
            });
            out.printf("%sprojections at position %,d of %,d, %.1f s after the last command%s%n", terminal ? "\r" : "",
                       projections.slowestPosition(), position, (System.nanoTime() - startNanos) / 1e9,
                       caughtUp ? "" : " (gave up waiting)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IllegalStateException e) {
            out.println("projections: " + e.getMessage());
        }
        new ProvinceFigures(queries, province.unitsByCode()).print(scenario, position, out);
    }

    public static OfficeHours officeHours(Scenario scenario) {
        return new OfficeHours(Province.holidays(scenario.firstDay(), scenario.lastDay().plusYears(1)).values().stream()
                                       .flatMap(List::stream).toList());
    }

    private static String describe(Scenario scenario, Province province) {
        return String.format("%d units, %,d procedures, %,d dossiers from %s to %s (seed %d)", province.units().size(),
                             province.procedures().size(), scenario.dossiers(), scenario.firstDay(), scenario.lastDay(),
                             scenario.seed());
    }
}
