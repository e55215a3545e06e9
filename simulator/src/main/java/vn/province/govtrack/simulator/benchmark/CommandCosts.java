package vn.province.govtrack.simulator.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.simulator.Simulation;
import vn.province.govtrack.simulator.Simulator;
import vn.province.govtrack.simulator.SimulatorOptions;
import vn.province.govtrack.simulator.dossier.DossierSeeder;
import vn.province.govtrack.simulator.dossier.Scenario;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;
import vn.province.govtrack.simulator.province.ProvinceCatalogue;

/**
 * What one HTTP command costs the product, and what its {@code Idempotency-Key} adds: the product is
 * started on a fresh store, the province's reference data is seeded (which also warms the JVMs up),
 * then the dossiers' commands are sent with their keys, as officials' clients send them, or without.
 * For the dossier phase it reports commands/s, the database commands the command side sent per HTTP
 * command (Micrometer's {@code mongodb.driver.commands}, by command name) and the CPU time of each
 * JVM per HTTP command. Each round measures both variants, in alternating order, each on its own store.
 */
public final class CommandCosts {

    static final String COMMAND = "benchmarks/run-command-costs.sh";

    static final String USAGE = """
            usage: %s [options]   (or: java -jar simulator.jar command-costs [options])

            Starts the product (embedded MongoDB with its durable file, command side, query side) on ports
            27147/18191/18192, seeds the reference data, then the dossiers with and without Idempotency-Key,
            each on a fresh store, and prints commands/s, database commands and CPU per HTTP command.
              --dossiers N    dossiers per variant (default 1500)
              --days D        the days they are spread over (default 2)
              --rounds N      rounds of both variants, in alternating order (default 1)
              --workers N     commands sent concurrently (default 16, as the demo)
              --repository DIR  the checkout whose */target jars are started (default .)
              --work-dir DIR  where data and logs go (default target/command-costs)
              --help          print this text""".formatted(COMMAND);

    private static final Product.Ports PORTS = new Product.Ports(27147, 18191, 18192);
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private CommandCosts() {
    }

    record Options(int dossiers, int days, int rounds, int workers, Path repository, Path workDir) {
    }

    /** The dossier phase of one variant: HTTP commands, time, database commands by name, CPU per JVM. */
    record Cost(boolean keys, long commands, double seconds, Map<String, Double> databaseCommands,
                Map<String, Double> cpuSeconds) {

        double commandsPerSecond() {
            return commands / seconds;
        }

        double databaseCommandsPerCommand() {
            return databaseCommands.values().stream().mapToDouble(Double::doubleValue).sum() / commands;
        }

        double cpuMillisPerCommand() {
            return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum() * 1000 / commands;
        }
    }

    public static int run(String[] args, PrintStream out) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("command-costs: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        String loadAtStart = DemoResults.Machine.loadAverage();
        List<Cost> costs = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            for (boolean keys : round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                out.printf("%n=== round %d, dossier commands %s Idempotency-Key ===%n", round + 1,
                           keys ? "with" : "without");
                costs.add(measure(options, keys, out));
            }
        }
        out.println();
        out.print(table(costs));
        out.printf("load average %s at start, %s at end; %s%n", loadAtStart, DemoResults.Machine.loadAverage(),
                   DemoResults.Machine.describe(loadAtStart, DemoResults.Machine.loadAverage()).cpu());
        return 0;
    }

    private static Cost measure(Options options, boolean keys, PrintStream out) {
        Scenario scenario = new Scenario(Scenario.DEFAULT_SEED, options.dossiers(), Scenario.DEFAULT_FIRST_DAY,
                                         options.days());
        Path dataDir = options.workDir().resolve(keys ? "with-keys" : "without-keys");
        try (Product product = Product.start(options.repository(), dataDir, PORTS, DemoBenchmark.JAVA_OPTIONS)) {
            Http admin = new Http(product.commands().baseUrl(), () -> product.tokens().of(Official.ADMIN));
            var province = ProvinceCatalogue.province();
            var hours = Simulator.officeHours(scenario);
            Simulator.seed(province, scenario, hours, product.commands(), product.tokens(), options.workers(),
                           Simulation.referenceSeeders(), true, out);
            Map<String, Double> dbBefore = databaseCommands(admin);
            Map<String, Double> cpuBefore = cpuSeconds(product);
            long start = System.nanoTime();
            Simulator.Result dossiers = Simulator.seed(province, scenario, hours, product.commands(), product.tokens(),
                                                       options.workers(), List.of(new DossierSeeder()), keys, out);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> cpu = difference(cpuSeconds(product), cpuBefore);
            Map<String, Double> db = difference(databaseCommands(admin), dbBefore);
            return new Cost(keys, dossiers.tally().commands(), seconds, db, cpu);
        }
    }

    /** The command side's database commands so far, by command name ({@code mongodb.driver.commands}). */
    private static Map<String, Double> databaseCommands(Http admin) {
        String metric = "/actuator/metrics/mongodb.driver.commands";
        Answer all = admin.get(metric);
        if (!all.ok()) {
            throw new IllegalStateException("GET " + metric + " answered " + all.status() + ": " + all.problem());
        }
        Map<String, Double> byCommand = new TreeMap<>();
        for (JsonNode tag : all.body().path("availableTags")) {
            if (tag.path("tag").asText().equals("command")) {
                for (JsonNode name : tag.path("values")) {
                    byCommand.put(name.asText(), count(admin.get(metric + "?tag=command:" + name.asText())));
                }
            }
        }
        return byCommand;
    }

    private static double count(Answer answer) {
        for (JsonNode measurement : answer.body().path("measurements")) {
            if (measurement.path("statistic").asText().equals("COUNT")) {
                return measurement.path("value").asDouble();
            }
        }
        return 0;
    }

    /** User and system CPU seconds of each of the product's JVMs so far, from {@code /proc/<pid>/stat}. */
    private static Map<String, Double> cpuSeconds(Product product) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        product.processes().forEach((name, process) -> {
            try {
                seconds.put(name, cpuSeconds(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"))));
            } catch (IOException e) {
                seconds.put(name, 0.0);
            }
        });
        return seconds;
    }

    /** utime + stime of a {@code /proc/<pid>/stat} line, in seconds (the name in parentheses may hold spaces). */
    static double cpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // after the name: state is field 3, utime field 14 and stime field 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
    }

    static Map<String, Double> difference(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> difference = new TreeMap<>();
        after.forEach((key, value) -> difference.put(key, value - before.getOrDefault(key, 0.0)));
        return difference;
    }

    /** A markdown table, one row per variant and round, and the cost of a key from the medians of each variant. */
    static String table(List<Cost> costs) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        costs.forEach(cost -> cost.databaseCommands().forEach((name, count) -> {
            if (count > 0) {
                names.put(name, true);
            }
        }));
        StringBuilder md = new StringBuilder();
        md.append("| dossier commands | HTTP commands | commands/s | DB commands per HTTP command | ")
          .append(String.join(" | ", names.keySet())).append(" | CPU ms per command (")
          .append(costs.isEmpty() ? "" : String.join(" / ", costs.get(0).cpuSeconds().keySet()))
          .append(") | total CPU ms |\n");
        md.append("|---|---:|---:|---:|").append("---:|".repeat(names.size())).append("---|---:|\n");
        for (Cost cost : costs) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.0f | %.2f |", cost.keys() ? "with key" : "without key",
                                    cost.commands(), cost.commandsPerSecond(), cost.databaseCommandsPerCommand()));
            for (String name : names.keySet()) {
                md.append(String.format(Locale.ROOT, " %.2f |",
                                        cost.databaseCommands().getOrDefault(name, 0.0) / cost.commands()));
            }
            md.append(' ').append(String.join(" / ", cost.cpuSeconds().values().stream()
                    .map(s -> String.format(Locale.ROOT, "%.2f", s * 1000 / cost.commands())).toList()));
            md.append(String.format(Locale.ROOT, " | %.2f |%n", cost.cpuMillisPerCommand()));
        }
        List<Cost> with = costs.stream().filter(Cost::keys).toList();
        List<Cost> without = costs.stream().filter(cost -> !cost.keys()).toList();
        if (!with.isEmpty() && !without.isEmpty()) {
            md.append(String.format(Locale.ROOT,
                    "%nAn Idempotency-Key (medians of each variant): %+.2f database commands and %+.2f ms of CPU per "
                    + "command; throughput %.2f x of the commands without one.%n",
                    median(with, Cost::databaseCommandsPerCommand) - median(without, Cost::databaseCommandsPerCommand),
                    median(with, Cost::cpuMillisPerCommand) - median(without, Cost::cpuMillisPerCommand),
                    median(with, Cost::commandsPerSecond) / median(without, Cost::commandsPerSecond)));
        }
        return md.toString();
    }

    private static double median(List<Cost> costs, java.util.function.ToDoubleFunction<Cost> value) {
        double[] sorted = costs.stream().mapToDouble(value).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static Options parse(String... args) {
        int dossiers = 1500;
        int days = 2;
        int rounds = 1;
        int workers = 16;
        Path repository = Path.of(".");
        Path workDir = null;
        Deque<String> queue = SimulatorOptions.queue(args);
        while (!queue.isEmpty()) {
            String option = queue.poll();
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument: " + option);
            }
            String value = SimulatorOptions.value(queue, option);
            switch (option) {
                case "--dossiers" -> dossiers = (int) SimulatorOptions.number(value, option);
                case "--days" -> days = (int) SimulatorOptions.number(value, option);
                case "--rounds" -> rounds = (int) SimulatorOptions.number(value, option);
                case "--workers" -> workers = (int) SimulatorOptions.number(value, option);
                case "--repository" -> repository = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        if (dossiers < 1 || days < 1 || rounds < 1 || workers < 1) {
            throw new IllegalArgumentException("dossiers, days, rounds and workers must be positive");
        }
        return new Options(dossiers, days, rounds, workers, repository,
                           workDir != null ? workDir : repository.resolve("target/command-costs"));
    }
}
