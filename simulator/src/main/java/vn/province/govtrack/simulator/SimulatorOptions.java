package vn.province.govtrack.simulator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import vn.province.govtrack.simulator.dossier.Scenario;

/** The simulator's command line; {@link #USAGE} describes it. */
public record SimulatorOptions(String commandUrl, String queryUrl, Scenario scenario, int workers, boolean ifEmpty,
                        boolean dryRun, boolean report, boolean referenceOnly, boolean feedbackOnly, boolean help) {

    static final String USAGE = """
            usage: java -jar simulator.jar [options]          seed a province through the command API
                   java -jar simulator.jar export --help      write its dossiers to a file to import instead
                   java -jar simulator.jar benchmark --help   measure loading, projections, queries and memory
                   java -jar simulator.jar soak --help        run a steady load for minutes; does anything grow?

            Seeds units, the holiday calendar, procedures and dossiers through the public HTTP command
            API, then prints the province's figures from the query side.
              --command-url URL   command side (default http://127.0.0.1:8081)
              --query-url URL     query side (default http://127.0.0.1:8082)
              --seed N            random seed; the same seed draws the same dossiers and ids (default 42)
              --dossiers N        dossiers to simulate (default 30000)
              --days D            length of the period in days (default 16)
              --start YYYY-MM-DD  first day of the period (default 2025-07-01)
              --workers N         commands sent concurrently (default 16: most of a command's time is spent
                                  waiting for the database, which works best on many at once)
              --if-empty          seed only when the store holds no event yet; otherwise say so and stop
              --reference-only    seed the reference data only (units, holidays, procedures, staff), not the
                                  dossiers nor their feedback: for importing the dossiers instead (export, then
                                  the command side's import; an import file holds no feedback)
              --feedback-only     send only the applicants' feedback about the scenario's dossiers, once they
                                  are in the store (after an import)
              --dry-run           draw the dossiers and print their profile without sending anything
              --no-report         do not print the province's figures at the end
              --help              print this text
            Options take their value after a space or '=' (--seed=7).""";

    static SimulatorOptions parse(String... args) {
        String commandUrl = "http://127.0.0.1:8081";
        String queryUrl = "http://127.0.0.1:8082";
        long seed = Scenario.DEFAULT_SEED;
        int dossiers = Scenario.DEFAULT_DOSSIERS;
        int days = Scenario.DEFAULT_DAYS;
        LocalDate start = Scenario.DEFAULT_FIRST_DAY;
        int workers = 16;
        boolean ifEmpty = false;
        boolean dryRun = false;
        boolean report = true;
        boolean referenceOnly = false;
        boolean feedbackOnly = false;
        boolean help = false;

        Deque<String> queue = queue(args);
        while (!queue.isEmpty()) {
            String option = queue.poll();
            switch (option) {
                case "--command-url" -> commandUrl = value(queue, option);
                case "--query-url" -> queryUrl = value(queue, option);
                case "--seed" -> seed = number(value(queue, option), option);
                case "--dossiers" -> dossiers = (int) number(value(queue, option), option);
                case "--days" -> days = (int) number(value(queue, option), option);
                case "--start" -> start = date(value(queue, option), option);
                case "--workers" -> workers = (int) number(value(queue, option), option);
                case "--if-empty" -> ifEmpty = true;
                case "--dry-run" -> dryRun = true;
                case "--no-report" -> report = false;
                case "--reference-only" -> referenceOnly = true;
                case "--feedback-only" -> feedbackOnly = true;
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        if (dossiers < 0 || days < 1 || workers < 1) {
            throw new IllegalArgumentException("--dossiers must be >= 0, --days and --workers >= 1");
        }
        if (referenceOnly && feedbackOnly) {
            throw new IllegalArgumentException("--reference-only and --feedback-only exclude each other");
        }
        return new SimulatorOptions(trim(commandUrl), trim(queryUrl), new Scenario(seed, dossiers, start, days), workers,
                                    ifEmpty, dryRun, report, referenceOnly, feedbackOnly, help);
    }

    static String[] rest(String[] args) {
        return Arrays.copyOfRange(args, 1, args.length);
    }

    /** The arguments one by one, an option's {@code =value} split off as the next argument. */
    public static Deque<String> queue(String... args) {
        Deque<String> queue = new ArrayDeque<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                queue.add(arg.substring(0, equals));
                queue.add(arg.substring(equals + 1));
            } else {
                queue.add(arg);
            }
        }
        return queue;
    }

    public static String value(Deque<String> queue, String option) {
        String value = queue.poll();
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    public static long number(String value, String option) {
        try {
            return Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }

    public static LocalDate date(String value, String option) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " takes a date YYYY-MM-DD, not '" + value + "'");
        }
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
