package vn.province.govtrack.simulator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.simulator.Seeding;
import vn.province.govtrack.simulator.Simulation;
import vn.province.govtrack.simulator.Simulator;
import vn.province.govtrack.simulator.Tally;
import vn.province.govtrack.simulator.benchmark.Product;
import vn.province.govtrack.simulator.benchmark.ProjectionRebuilds;
import vn.province.govtrack.simulator.dossier.DossierSeeder;
import vn.province.govtrack.simulator.dossier.Scenario;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;
import vn.province.govtrack.simulator.province.Province;
import vn.province.govtrack.simulator.province.ProvinceCatalogue;
import vn.province.govtrack.simulator.province.UnitSpec;
import vn.province.govtrack.simulator.report.Projections;

/**
 * Crash under load, end to end: the embedded MongoDB (durable file store), two command sides and two
 * query sides, each its own JVM, take a steady load of simulated dossiers' lifecycles from several
 * clients that retry every request with its {@code Idempotency-Key} until it is answered, each attempt
 * on a command side chosen at random; meanwhile a chaos thread kills the database, a command side and
 * a query side with SIGKILL, several times each, at random moments, and starts them again. Afterwards:
 * <ul>
 *   <li>every command acknowledged to a client is in the log exactly once: the commit ending at the
 *       position it was answered with carries the commit key of its caller's key, no two acknowledged
 *       commands share a commit, and the log holds no keyed commit that no acknowledgement explains;</li>
 *   <li>no command was applied twice, and none was refused: a retry never met a conflict of its own
 *       first attempt;</li>
 *   <li>the log has no hole (its commits cover 1 to the head without a gap, and, on a store this
 *       layout created, without a void slot);</li>
 *   <li>every read model equals its clean rebuild, document for document in canonical JSON
 *       ({@code dossier_open} by its open entries, without closed dossiers' tombstones:
 *       {@link StoreContents#COMPARED});</li>
 *   <li>the hash chain verifies, up to the head.</li>
 * </ul>
 * The kills are drawn from a seed, printed and written to {@code target/crash-suite/seed.txt} with the
 * schedule ({@code kills.json}); {@code -Dcrash.seed=N} draws the same kills again. The logs of every
 * process stay under {@code target/crash-suite/data/logs}.
 *
 * <p>With {@code MONGODB_URI} set, the services run on that MongoDB, which this suite cannot kill: it
 * then kills only the services, and says so.
 */
class CrashUnderLoadIT {

    private static final Path DIR = Path.of("target", "crash-suite");
    private static final Path DATA_DIR = DIR.resolve("data");
    /** Small heaps, as the other end-to-end tests; each JVM logs its collections next to its log. */
    private static final List<String> JAVA_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xlog:gc:file=" + DATA_DIR.resolve("logs").toAbsolutePath() + "/gc-%p.log:uptime");
    private static final int INSTANCES = 2;
    private static final int CLIENTS = 6;
    private static final int KILLS_OF_EACH = 3;
    /** The load goes on, round after round of new dossiers, until this many dossier commands and every kill are done. */
    private static final int MIN_LOAD_COMMANDS = 10_000;
    /** Dossiers per round: about 1,900 commands (their lifecycles within the round's five days). */
    private static final int DOSSIERS_PER_ROUND = 500;
    private static final int DAYS_PER_ROUND = 5;
    private static final int MAX_ROUNDS = 20;
    private static final long CATCH_UP_MILLIS = 300_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out = System.out;

    @Test
    void everyAcknowledgedCommandSurvivesKillsOfTheDatabaseAndOfEachService() throws Exception {
        long seed = Long.getLong("crash.seed", new SecureRandom().nextLong() & Long.MAX_VALUE);
        // Not TestMongo.kind(), which would start its own server when MONGODB_URI is not set.
        String configuredUri = System.getenv("MONGODB_URI");
        boolean externalDatabase = configuredUri != null && !configuredUri.isBlank();
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve("seed.txt"), seed + "\n");
        out.printf("crash suite: seed %d (reproduce the kills with -Dcrash.seed=%d)%n", seed, seed);
        List<String> targets = externalDatabase ? List.of("command", "query") : List.of("mongo", "command", "query");
        if (externalDatabase) {
            out.println("crash suite: MONGODB_URI is set; its MongoDB cannot be killed from here, so only the services are");
        }
        Path repository = Path.of(System.getProperty("govtrack.repository", ".."));
        Path dataDir = DATA_DIR;
        long startedAt = System.nanoTime();
        try (Product product = externalDatabase
                ? Product.startCluster(repository, configuredUri, TestMongo.freshDatabaseName("crash"), dataDir,
                                       INSTANCES, JAVA_OPTIONS)
                : Product.startCluster(repository, dataDir, INSTANCES, JAVA_OPTIONS)) {
            out.printf("crash suite: %s started in %.1f s; logs in %s%n", product.parts(),
                       (System.nanoTime() - startedAt) / 1e9, product.logs());
            List<Http> commandSides = new ArrayList<>();
            for (int instance = 1; instance <= INSTANCES; instance++) {
                commandSides.add(product.commands(instance));
            }
            RetryingCommands client = new RetryingCommands(commandSides);
            Province province = smallProvince();
            mintTokens(product, province);
            Tally tally = new Tally(out);
            Simulation.seed(seeding(province, 0, client, product, tally), Simulation.referenceSeeders());
            long referenceCommands = tally.commands();

            List<Chaos.Kill> schedule = Chaos.schedule(new Random(seed), targets, KILLS_OF_EACH, INSTANCES);
            JSON.writeValue(DIR.resolve("kills.json").toFile(), Map.of("seed", seed, "schedule", schedule));
            Chaos chaos = new Chaos(product, schedule);
            Thread chaosThread = new Thread(chaos, "chaos");
            long loadStart = System.nanoTime();
            chaosThread.start();
            int rounds = 0;
            try {
                while (rounds < MAX_ROUNDS && chaos.failure() == null
                       && (tally.commands() - referenceCommands < MIN_LOAD_COMMANDS || chaosThread.isAlive())) {
                    Simulation.seed(seeding(province, rounds++, client, product, tally), List.of(new DossierSeeder()));
                }
            } finally {
                chaos.stop();
                chaosThread.join();
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long loadCommands = tally.commands() - referenceCommands;
            List<Chaos.Done> kills = chaos.done();
            JSON.writeValue(DIR.resolve("kills.json").toFile(),
                            Map.of("seed", seed, "schedule", schedule, "done", kills));
            writeAcknowledged(client.acknowledged());
            assertThat(chaos.failure()).as("a kill or restart failed").isNull();
            assertThat(kills).as("every kill of the schedule happened during the load").hasSize(schedule.size());
            assertThat(loadCommands).isGreaterThanOrEqualTo(MIN_LOAD_COMMANDS);
            assertThat(tally.rejections()).as("commands refused (a retry that met its own first attempt?)").isZero();

            Projections projections = new Projections(product.queries(1));
            long head = projections.headPosition();
            for (int instance = 1; instance <= INSTANCES; instance++) {
                assertThat(new Projections(product.queries(instance)).awaitPosition(head, CATCH_UP_MILLIS, p -> {
                })).as("query side %d's projections reach the head %d", instance, head).isTrue();
            }
            Summary summary = new Summary(seed, loadCommands, referenceCommands, loadSeconds, rounds, client, kills, head);
            try (StoreContents store = new StoreContents(product.mongoUri(), product.database())) {
                List<StoreContents.Commit> commits = store.commits();
                assertNoHole(commits, head, externalDatabase);
                assertEachAcknowledgedCommandRecordedOnce(client.acknowledged(), commits, pepper(dataDir), summary);
                long submissions = client.acknowledged().stream().filter(a -> a.path().equals("/api/v1/dossiers")).count();
                assertThat(store.count("dossier_view")).as("one dossier per submission").isEqualTo(submissions);
                assertReadModelsEqualTheirRebuild(store, product, projections, head);
            }
            assertChainIntact(product.queries(1), head);
            summary.print(out);
            Files.writeString(DIR.resolve("summary.txt"), summary.text());
        }
    }

    /** Every acknowledged request with its answer, one JSON line each, for diagnosis. */
    private static void writeAcknowledged(List<RetryingCommands.Acknowledged> acknowledged) throws IOException {
        ObjectMapper lines = new ObjectMapper();
        List<String> text = new ArrayList<>();
        for (RetryingCommands.Acknowledged command : acknowledged) {
            text.add(lines.writeValueAsString(command));
        }
        Files.write(DIR.resolve("acknowledged.jsonl"), text);
    }

    /** A few units of each kind (and the fallbacks the planner transfers to), with the procedures they serve. */
    private static Province smallProvince() {
        Province full = ProvinceCatalogue.province();
        List<UnitSpec> units = new ArrayList<>();
        units.addAll(full.localUnits().stream().filter(unit -> unit.code().equals("PH-01")).toList());
        units.addAll(full.localUnits().stream().filter(unit -> !unit.code().equals("PH-01")).limit(3).toList());
        units.addAll(full.provincialUnits().stream().filter(unit -> unit.code().equals("TT-01")).toList());
        units.addAll(full.provincialUnits().stream().filter(unit -> !unit.code().equals("TT-01")).limit(5).toList());
        // Provincial procedures only of fields that two of these units serve, so that a transfer has somewhere to go.
        Map<vn.province.govtrack.simulator.province.Field, Long> servedBy = units.stream()
                .filter(unit -> !unit.kind().local()).flatMap(unit -> unit.fields().stream())
                .collect(Collectors.groupingBy(field -> field, Collectors.counting()));
        List<vn.province.govtrack.simulator.province.ProcedureSpec> procedures = new ArrayList<>();
        for (int i = 0; i < full.procedures().size(); i += 25) {
            var procedure = full.procedures().get(i);
            if (procedure.communeLevel() || servedBy.getOrDefault(procedure.field(), 0L) >= 2) {
                procedures.add(procedure);
            }
        }
        return new Province(units, procedures);
    }

    /** Round {@code round}'s dossiers are new ones (their own scenario seed, so their own ids) over the same days. */
    private Seeding seeding(Province province, int round, RetryingCommands client, Product product, Tally tally) {
        Scenario scenario = new Scenario(Scenario.DEFAULT_SEED + round, DOSSIERS_PER_ROUND,
                                         Scenario.DEFAULT_FIRST_DAY, DAYS_PER_ROUND);
        return new Seeding(province, scenario, Simulator.officeHours(scenario), client, product.tokens(), tally,
                           CLIENTS, out, true);
    }

    /** Every token the load needs, asked for while every command side is up (tokens hold across instances). */
    private static void mintTokens(Product product, Province province) {
        for (Official official : List.of(Official.ADMIN, Official.HOME_AFFAIRS, Official.AUDITOR)) {
            product.tokens().of(official);
        }
        for (UnitSpec unit : province.units()) {
            product.tokens().of(Official.clerkOf(unit.code()));
            product.tokens().of(Official.headOf(unit.code()));
        }
    }

    /**
     * Positions 1 to the head are covered by commits, each starting right after the one before; a store
     * created by this layout writes no void slot (ADR 0001: they come only from layouts 1 and 2, or, on
     * a MongoDB shared with older runs, never into a fresh database either).
     */
    private static void assertNoHole(List<StoreContents.Commit> commits, long head, boolean externalDatabase) {
        long expected = 1;
        for (StoreContents.Commit commit : commits) {
            assertThat(commit.first()).as("the commit after position %d", expected - 1).isEqualTo(expected);
            assertThat(commit.last()).isGreaterThanOrEqualTo(commit.first());
            assertThat(commit.voidSlot()).as("void slot at %d", commit.first()).isFalse();
            expected = commit.last() + 1;
        }
        assertThat(expected - 1).as("the log ends at the head").isEqualTo(head);
    }

    /**
     * Each acknowledged command's answer names its commit's last position; that commit carries the commit
     * key of the caller's scope and key (computed here from the local secrets, as ADR 0005 defines it), and
     * is no other acknowledged command's. Every keyed commit is one acknowledged command's; a commit
     * without a key is an acknowledged keyless command's (a PUT) or the command side's own ending of
     * expired secondments (ADR 0002).
     */
    private static void assertEachAcknowledgedCommandRecordedOnce(List<RetryingCommands.Acknowledged> acknowledged,
                                                                  List<StoreContents.Commit> commits, String pepper,
                                                                  Summary summary) {
        Map<Long, StoreContents.Commit> byLast = new HashMap<>();
        commits.forEach(commit -> byLast.put(commit.last(), commit));
        Map<Long, RetryingCommands.Acknowledged> explained = new HashMap<>();
        SecretKeySpec digestKey = new SecretKeySpec(hmac(new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8),
                                                                           "HmacSHA256"),
                                                         "govtrack/idempotency/v1"), "HmacSHA256");
        List<String> failures = new ArrayList<>();
        for (RetryingCommands.Acknowledged command : acknowledged) {
            String what = command.method() + " " + command.path() + " key " + command.key();
            if (command.position() == 0) {
                failures.add(what + ": answered without a position: " + command.answer());
                continue;
            }
            StoreContents.Commit commit = byLast.get(command.position());
            if (commit == null) {
                failures.add(what + ": answered position " + command.position() + ", where no commit ends");
                continue;
            }
            String expectedKey = command.key() == null ? null
                    : HexFormat.of().formatHex(hmac(digestKey, "key\n" + command.subject() + "\n" + command.key()));
            if (!java.util.Objects.equals(commit.key(), expectedKey)) {
                failures.add(what + ": the commit at " + commit.first() + "–" + commit.last() + " has key " + commit.key()
                             + ", not " + expectedKey);
            }
            RetryingCommands.Acknowledged other = explained.put(commit.first(), command);
            if (other != null) {
                failures.add(what + " and " + other.path() + " key " + other.key() + " both answered commit " + commit.first());
            }
        }
        for (StoreContents.Commit commit : commits) {
            if (explained.containsKey(commit.first())) {
                continue;
            }
            if (commit.key() == null && commit.eventTypes().stream().allMatch(type -> type.endsWith("SecondmentEndedEvent"))) {
                summary.expiryCommits++;
                continue;
            }
            failures.add("commit " + commit.first() + "–" + commit.last() + " (key " + commit.key() + ", events "
                         + commit.eventTypes() + " of " + new HashSet<>(commit.aggregates())
                         + ") answers no acknowledged command: applied twice, or never acknowledged");
        }
        assertThat(failures).as("acknowledged commands not recorded exactly once").isEmpty();
        summary.commits = commits.size();
    }

    /**
     * Dumps the read models, rebuilds every projection from the first event (each alone, after all have
     * caught up), dumps them again and compares. Only the collections that are not read models are left
     * out ({@link StoreContents#NOT_READ_MODELS}); within the read models nothing is, but the tombstones of
     * {@code dossier_open} ({@link StoreContents#COMPARED}).
     */
    private void assertReadModelsEqualTheirRebuild(StoreContents store, Product product, Projections projections,
                                                   long head) throws IOException {
        Map<String, List<String>> before = store.dumpReadModels();
        List<Http> querySides = new ArrayList<>();
        for (int instance = 1; instance <= INSTANCES; instance++) {
            querySides.add(product.queries(instance));
        }
        new ProjectionRebuilds(querySides, product.tokens(), projections, out).all();
        assertThat(projections.headPosition()).as("nothing appended during the rebuilds").isEqualTo(head);
        Map<String, List<String>> after = store.dumpReadModels();
        Map<String, String> differences = new TreeMap<>();
        for (String collection : union(before.keySet(), after.keySet())) {
            List<String> live = before.getOrDefault(collection, List.of());
            List<String> rebuilt = after.getOrDefault(collection, List.of());
            if (!live.equals(rebuilt)) {
                differences.put(collection, firstDifference(live, rebuilt));
                Files.write(DIR.resolve(collection + ".live.jsonl"), live);
                Files.write(DIR.resolve(collection + ".rebuilt.jsonl"), rebuilt);
            }
        }
        out.printf("crash suite: read models compared with their rebuild: %s%n",
                   before.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size())
                         .collect(Collectors.joining(", ")));
        assertThat(differences).as("read models that differ from their rebuild (dumps in %s)", DIR).isEmpty();
        assertThat(before.values().stream().mapToInt(List::size).sum()).as("read-model documents").isPositive();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new java.util.TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    private static String firstDifference(List<String> live, List<String> rebuilt) {
        for (int i = 0; i < Math.max(live.size(), rebuilt.size()); i++) {
            String a = i < live.size() ? live.get(i) : "(none)";
            String b = i < rebuilt.size() ? rebuilt.get(i) : "(none)";
            if (!a.equals(b)) {
                return live.size() + " live, " + rebuilt.size() + " rebuilt documents; first difference:\n  live    "
                       + a + "\n  rebuilt " + b;
            }
        }
        return "equal";
    }

    /** GET /audit/verification, polling its job while it answers 202: intact through the head. */
    private static void assertChainIntact(Http queries, long head) throws InterruptedException {
        long deadline = System.currentTimeMillis() + CATCH_UP_MILLIS;
        Answer answer = queries.get("/api/v1/audit/verification");
        while (answer.status() == 202 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            try {
                answer = queries.get(answer.location());
            } catch (org.springframework.web.client.ResourceAccessException busy) {
                // a busy machine kept the query side from answering for a moment: the job runs on, ask again
            }
        }
        assertThat(answer.status()).as("verification: %s", answer.body()).isEqualTo(200);
        assertThat(answer.body().path("state").asText()).as("verification: %s", answer.body()).isEqualTo("INTACT");
        assertThat(answer.body().path("verifiedThrough").asLong()).isEqualTo(head);
    }

    private static String pepper(Path secretsDir) throws IOException {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(secretsDir.resolve("local-secrets.properties"))) {
            secrets.load(reader);
        }
        return secrets.getProperty("govtrack.personal-data.lookup-pepper");
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the run did, printed at the end and kept in {@code summary.txt}. */
    private static final class Summary {

        final long seed;
        final long loadCommands;
        final long referenceCommands;
        final double loadSeconds;
        final int rounds;
        final RetryingCommands client;
        final List<Chaos.Done> kills;
        final long head;
        long commits;
        long expiryCommits;

        Summary(long seed, long loadCommands, long referenceCommands, double loadSeconds, int rounds,
                RetryingCommands client, List<Chaos.Done> kills, long head) {
            this.seed = seed;
            this.loadCommands = loadCommands;
            this.referenceCommands = referenceCommands;
            this.loadSeconds = loadSeconds;
            this.rounds = rounds;
            this.client = client;
            this.kills = kills;
            this.head = head;
        }

        String text() {
            StringBuilder text = new StringBuilder();
            text.append(String.format("seed %d%n", seed));
            text.append(String.format("load: %,d dossier commands in %d rounds in %.1f s (%,.0f/s), after %,d reference "
                                      + "commands; %,d client threads, %d command sides%n", loadCommands, rounds,
                                      loadSeconds, loadCommands / loadSeconds, referenceCommands, CLIENTS, INSTANCES));
            long retried = client.acknowledged().stream().filter(a -> a.attempts() > 1).count();
            text.append(String.format("retries: %,d attempts more, %,d commands retried, longest wait %.1f s; causes %s%n",
                                      client.retries(), retried, client.longestWaitMillis() / 1e3,
                                      client.retryCauses()));
            text.append(String.format("kills: %d%n", kills.size()));
            for (Chaos.Done kill : kills) {
                text.append(String.format("  at %6.1f s  %-10s down %.1f s, ready again %.1f s later (outage %.1f s)%n",
                                          kill.killedAtMillis() / 1e3, kill.part(), kill.downMillis() / 1e3,
                                          kill.restartMillis() / 1e3, kill.outageMillis() / 1e3));
            }
            text.append(String.format("log: head %,d, %,d commits (%d by the secondment expiry), no hole; "
                                      + "read models equal their rebuild; chain intact%n", head, commits, expiryCommits));
            return text.toString();
        }

        void print(PrintStream out) {
            out.print("crash suite summary\n" + text());
        }
    }
}
