package vn.province.govtrack.simulator.benchmark;

import static vn.province.govtrack.simulator.SimulatorOptions.date;
import static vn.province.govtrack.simulator.SimulatorOptions.number;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import vn.province.govtrack.simulator.SimulatorOptions;
import vn.province.govtrack.simulator.dossier.Scenario;

/**
 * The benchmark's command line; {@link #USAGE} describes it.
 *
 * @param workDir where each size's data directory and history file go
 * @param docs    where the results are written; null for nowhere ({@code --no-docs})
 */
record BenchmarkOptions(List<Size> sizes, long seed, int workers, int warmUpRequests, int latencyRequests,
                        Path repository, Path workDir, Path docs, boolean keepRuns, boolean rebuilds) {

    static final String COMMAND = "benchmarks/run-demo-benchmark.sh";

    /**
     * 1× by HTTP as {@code ./run --demo}; 10× and the province-year by import, as a province would bring
     * them. 10× spans ten times the demo's days, so that every size has about the demo's dossiers a
     * working day: a larger size is a longer history, not a busier province.
     */
    static final String DEFAULT_SIZES = "30000,300000/160:import,province-year:import";

    static final String USAGE = String.format(Locale.ROOT, """
            usage: %s [options]   (or: java -jar simulator.jar benchmark [options])

            Starts the product from its jars (embedded MongoDB with its durable file store, command side,
            query side; every JVM -Xmx1g with the serial collector, as ./run) on ports 27137/18181/18182
            with a fresh data directory per size, loads the simulated province, and measures: the seeding
            or import rate; the projections' lag while loading (sampled every second) and their catch-up
            after it; each projection's rebuild rate; p50/p99 of the report and deadline endpoints; the data
            directory and each JVM's heap. Then writes the table with how each figure grows from one size
            to the next.
              --sizes SIZE[,SIZE...]  the sizes in the order measured and shown, smallest first
                                  (default %s)
                                  SIZE is DOSSIERS[/DAYS][:http|:import], or province-year[:http|:import]:
                                  DOSSIERS dossiers over DAYS days from --start (default --days);
                                  province-year is %,d dossiers over the %d days of %d, about a
                                  province's year. :http (the default) seeds everything through the
                                  command API as ./run --demo does; :import seeds the reference data
                                  through the API and imports the dossiers (simulator export, then
                                  java -jar command-side.jar import FILE) as ./run --import does
              --days D            days of a size that names none (default 16, the demo's)
              --start YYYY-MM-DD  first day of a size's period (default 2025-07-01); every period must
                                  end before today
              --seed N            random seed (default 42)
              --workers N         commands sent concurrently while seeding (default 16, as the demo)
              --latency-requests N  timed requests per endpoint group (default 100), after
              --warm-up N         untimed ones per group (default 20)
              --repository DIR    the checkout whose */target jars are started (default .)
              --work-dir DIR      where the product's data, logs and history files go
                                  (default target/demo-benchmark)
              --docs DIR          where results are written (default docs); --no-docs writes nothing
              --no-rebuilds       skip the rebuild of each projection (at the larger sizes it takes longest)
              --keep-runs         keep the sizes of the existing docs/benchmarks/demo.json that this run does
                                  not measure (each run keeps its own time and load averages)
              --help              print this text
            Options take their value after a space or '=' (--sizes=3000).""",
            COMMAND, DEFAULT_SIZES, Size.PROVINCE_YEAR_DOSSIERS, Size.PROVINCE_YEAR_FIRST_DAY.lengthOfYear(),
            Size.PROVINCE_YEAR_FIRST_DAY.getYear());

    /**
     * One size of the province.
     *
     * @param label    {@code province-year}, or the size relative to the demo's 30,000 dossiers, e.g. {@code 10×}
     * @param imported whether the dossiers are imported rather than seeded through the API
     */
    record Size(String label, int dossiers, int days, LocalDate firstDay, boolean imported) {

        static final String PROVINCE_YEAR = "province-year";
        /**
         * Issue 11's province-year, about 700,000 dossiers: some 2,800 a working day over the 249 working
         * days of 2025 (the demo: 2,500 over its 12, the default 10×: 2,700 over 112).
         */
        static final int PROVINCE_YEAR_DOSSIERS = 700_000;
        static final LocalDate PROVINCE_YEAR_FIRST_DAY = LocalDate.of(2025, 1, 1);

        Scenario scenario(long seed) {
            return new Scenario(seed, dossiers, firstDay, days);
        }

        String loading() {
            return imported ? "import" : "http";
        }

        /** A name for the size's files: dossiers and days, e.g. {@code 300000x160d}. */
        String slug() {
            return dossiers + "x" + days + "d";
        }

        /** What {@code --sizes} takes to measure this size again. */
        String spec() {
            String size = label.equals(PROVINCE_YEAR) ? PROVINCE_YEAR : dossiers + "/" + days;
            return size + (imported ? ":import" : "");
        }

        /**
         * Parses one SIZE of {@code --sizes}.
         *
         * @param days  the days of a size that names none
         * @param start the first day of a size that is not the province-year
         */
        static Size parse(String spec, int days, LocalDate start) {
            String text = spec.trim();
            boolean imported = false;
            int colon = text.indexOf(':');
            if (colon >= 0) {
                String mode = text.substring(colon + 1);
                if (!mode.equals("http") && !mode.equals("import")) {
                    throw new IllegalArgumentException("a size is loaded by http or import, not '" + mode + "': "
                                                       + spec);
                }
                imported = mode.equals("import");
                text = text.substring(0, colon);
            }
            if (text.equals(PROVINCE_YEAR)) {
                return provinceYear(imported);
            }
            int slash = text.indexOf('/');
            int dossiers = (int) number(slash < 0 ? text : text.substring(0, slash), "--sizes");
            int sizeDays = slash < 0 ? days : (int) number(text.substring(slash + 1), "--sizes");
            if (dossiers < 1 || sizeDays < 1) {
                throw new IllegalArgumentException("a size needs at least one dossier and one day: " + spec);
            }
            return new Size(label(dossiers), dossiers, sizeDays, start, imported);
        }

        static Size provinceYear(boolean imported) {
            return new Size(PROVINCE_YEAR, PROVINCE_YEAR_DOSSIERS, PROVINCE_YEAR_FIRST_DAY.lengthOfYear(),
                            PROVINCE_YEAR_FIRST_DAY, imported);
        }

        /** Dossiers relative to the demo's 30,000, e.g. {@code "1×"}, {@code "10×"}, {@code "0.1×"}. */
        static String label(int dossiers) {
            BigDecimal ratio = BigDecimal.valueOf(dossiers)
                    .divide(BigDecimal.valueOf(Scenario.DEFAULT_DOSSIERS), new MathContext(2));
            return ratio.stripTrailingZeros().toPlainString() + "×";
        }
    }

    /** Null for {@code --help}. */
    static BenchmarkOptions parse(String... args) {
        String sizes = DEFAULT_SIZES;
        int days = Scenario.DEFAULT_DAYS;
        LocalDate start = Scenario.DEFAULT_FIRST_DAY;
        long seed = Scenario.DEFAULT_SEED;
        int workers = 16;
        int warmUp = 20;
        int latencyRequests = 100;
        Path repository = Path.of(".");
        Path workDir = null;
        Path docs = Path.of("docs");
        boolean noDocs = false;
        boolean keepRuns = false;
        boolean rebuilds = true;
        Deque<String> queue = SimulatorOptions.queue(args);
        while (!queue.isEmpty()) {
            String option = queue.poll();
            switch (option) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--no-docs" -> noDocs = true;
                case "--keep-runs" -> keepRuns = true;
                case "--no-rebuilds" -> rebuilds = false;
                default -> {
                    if (!option.startsWith("--")) {
                        throw new IllegalArgumentException("unknown argument: " + option);
                    }
                    String value = SimulatorOptions.value(queue, option);
                    switch (option) {
                        case "--sizes" -> sizes = value;
                        case "--days" -> days = (int) number(value, option);
                        case "--start" -> start = date(value, option);
                        case "--seed" -> seed = number(value, option);
                        case "--workers" -> workers = (int) number(value, option);
                        case "--warm-up" -> warmUp = (int) number(value, option);
                        case "--latency-requests" -> latencyRequests = (int) number(value, option);
                        case "--repository" -> repository = Path.of(value);
                        case "--work-dir" -> workDir = Path.of(value);
                        case "--docs" -> docs = Path.of(value);
                        default -> throw new IllegalArgumentException("unknown option: " + option);
                    }
                }
            }
        }
        if (days < 1 || workers < 1 || warmUp < 0 || latencyRequests < 1) {
            throw new IllegalArgumentException("--days, --workers and --latency-requests must be positive, "
                                               + "--warm-up not negative");
        }
        List<Size> parsed = new ArrayList<>();
        for (String spec : sizes.split(",")) {
            parsed.add(Size.parse(spec, days, start));
        }
        return new BenchmarkOptions(List.copyOf(parsed), seed, workers, warmUp, latencyRequests, repository,
                                    (workDir != null ? workDir : repository.resolve("target/demo-benchmark")).normalize(),
                                    noDocs ? null : repository.resolve(docs).normalize(), keepRuns, rebuilds);
    }

    /** The {@code --sizes} that measures these sizes again. */
    String sizesSpec() {
        return String.join(",", sizes.stream().map(Size::spec).toList());
    }
}
