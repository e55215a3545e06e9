package vn.province.govtrack.query.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierExtendedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierReturnedEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.SupplementProvidedEvent;
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;
import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * A rerunnable measurement of the index, not a test: no build runs it (its name does not end in
 * Test) and it asserts nothing about time. It makes a province's dossiers in memory (166 units, 2,225
 * procedures of very unequal use, 2,000 dossiers a working day by default, 5% transferred, 10% with a
 * supplement, 3% extended, 97% resolved, about 5 events each), then prints the heap the index takes,
 * how long loading their facts and folding their events take, and the latency of reports of every
 * grouping over a day, a week, a month, a quarter and a year, for the province and for one unit.
 * With {@code -Dgovtrack.benchmark.stored=true} it also times the start-up path: the facts read back
 * from MongoDB ({@code TestMongo}: {@code MONGODB_URI}, or an in-memory wire-protocol server).
 *
 * <pre>
 * ./mvnw -o -pl query-side test -Dtest=TimelinessIndexBenchmark -DargLine=-Xmx1g \
 *     -Dgovtrack.benchmark.dossiers=700000 -Dgovtrack.benchmark.days=365
 * </pre>
 * The province's first 16 days (the demo, 1x) are {@code dossiers=30000 days=16}; 10x is
 * {@code dossiers=300000 days=16}.
 */
class TimelinessIndexBenchmark {

    private static final int DOSSIERS = Integer.getInteger("govtrack.benchmark.dossiers", 30_000);
    private static final int DAYS = Integer.getInteger("govtrack.benchmark.days", 16);
    private static final int QUERIES = Integer.getInteger("govtrack.benchmark.queries", 100);
    /** Whether to also store the facts in MongoDB (TestMongo: MONGODB_URI, or an in-memory server) and load them back. */
    private static final boolean STORED = Boolean.getBoolean("govtrack.benchmark.stored");
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 7, 1);
    private static final int UNITS = 166;
    private static final int PROCEDURES = 2_225;
    private static final String[] FIELDS = {"LAND", "ENVIRONMENT", "JUSTICE", "CULTURE", "IT", "FINANCE",
            "CONSTRUCTION", "EDUCATION", "HEALTH", "LABOUR"};
    private static final SealedApplicant APPLICANT = new SealedApplicant("key-b", "Yg==");

    @Test
    void measure() {
        Random random = new Random(766);
        List<LocalDate> workingDays = workingDays();
        Map<String, List<Object>> streams = new LinkedHashMap<>();
        for (int i = 0; i < DOSSIERS; i++) {
            streams.put("HS-" + i, dossier("HS-" + i, workingDays.get(i * workingDays.size() / DOSSIERS), random));
        }
        long events = streams.values().stream().mapToLong(List::size).sum();
        System.out.printf("%n%,d dossiers, %,d events over %d days from %s%n", DOSSIERS, events, DAYS, FIRST_DAY);

        TimelinessIndex folded = new TimelinessIndex(ZONE);
        long started = System.nanoTime();
        long position = 0;
        for (Map.Entry<String, List<Object>> stream : streams.entrySet()) {
            for (Object event : stream.getValue()) {
                folded.apply(stream.getKey(), ++position, event);
            }
        }
        double foldSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("fold of the events one by one: %.2f s (%,.0f events/s)%n", foldSeconds,
                position / foldSeconds);
        List<DossierFact> facts = RandomDossiers.facts(streams);
        Period whole = Period.of(FIRST_DAY, FIRST_DAY.plusDays(DAYS - 1), ZONE);
        TimelinessReport oracle = new TimelinessReport(whole, GroupBy.UNIT, null);
        facts.forEach(oracle::count);
        assertThat(folded.figures(whole, GroupBy.UNIT, null).rows()).as("folded").isEqualTo(oracle.rows());
        streams.clear();
        folded = null;

        long before = usedHeapAfterGc();
        TimelinessIndex index = new TimelinessIndex(ZONE);
        started = System.nanoTime();
        index.load(consumer -> facts.forEach(fact -> consumer.accept(fact, 1L)));
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        long heap = usedHeapAfterGc() - before;
        System.out.printf("load of the facts: %.2f s (%,.0f facts/s); heap %,d MB, %,d MB per 100,000 dossiers%n",
                loadSeconds, facts.size() / loadSeconds, heap >> 20, (heap * 100_000 / DOSSIERS) >> 20);
        assertThat(index.figures(whole, GroupBy.UNIT, null).rows()).as("loaded").isEqualTo(oracle.rows());
        if (STORED) {
            measureLoadFromTheStore(facts);
        }

        LocalDate lastDay = FIRST_DAY.plusDays(DAYS - 1);
        Map<String, Period> periods = new LinkedHashMap<>();
        periods.put("day", Period.of(lastDay, lastDay, ZONE));
        periods.put("week", Period.of(lastDay.minusDays(6), lastDay, ZONE));
        periods.put("month", Period.of(lastDay.minusMonths(1).plusDays(1), lastDay, ZONE));
        periods.put("quarter", Period.of(lastDay.minusMonths(3).plusDays(1), lastDay, ZONE));
        periods.put("year", Period.of(lastDay.minusYears(1).plusDays(1), lastDay, ZONE));
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            periods.values().forEach(period -> timedReports(index, period, null, 5));
        }
        System.out.println("report latency, ms (p50 / p99 / max):");
        for (Map.Entry<String, Period> period : periods.entrySet()) {
            System.out.printf("  %-8s province %s   one unit %s%n", period.getKey(),
                    summary(timedReports(index, period.getValue(), null, QUERIES)),
                    summary(timedReports(index, period.getValue(), "U-7", QUERIES)));
        }
    }

    /** The start-up path: the facts written to the tests' MongoDB server, then read back into a new index. */
    private static void measureLoadFromTheStore(List<DossierFact> facts) {
        try (MongoClient client = MongoClients.create(TestMongo.uri())) {
            MongoProperties properties = new MongoProperties();
            properties.setDatabase(TestMongo.freshDatabaseName("timeliness_benchmark"));
            DossierFacts stored = new DossierFacts(client, properties, new ObjectMapper().findAndRegisterModules());
            MongoCollection<Document> collection = client.getDatabase(properties.getDatabase())
                                                         .getCollection(DossierFacts.COLLECTION);
            List<Document> batch = new ArrayList<>();
            for (DossierFact fact : facts) {
                batch.add(stored.toDocument(fact, 1L));
                if (batch.size() == 5_000) {
                    collection.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                collection.insertMany(batch);
            }
            TimelinessIndex index = new TimelinessIndex(ZONE);
            long started = System.nanoTime();
            index.load(stored::forEachStored);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("load of the stored facts from %s: %.1f s (%,.0f facts/s)%n", TestMongo.uri(), seconds,
                    index.dossiers() / seconds);
            collection.drop();
        }
    }

    private static double[] timedReports(TimelinessIndex index, Period period, String unitCode, int count) {
        double[] millis = new double[count * GroupBy.values().length];
        int n = 0;
        for (int i = 0; i < count; i++) {
            for (GroupBy groupBy : GroupBy.values()) {
                long started = System.nanoTime();
                TimelinessFigures figures = index.figures(period, groupBy, unitCode);
                figures.rows();
                figures.total();
                millis[n++] = (System.nanoTime() - started) / 1e6;
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    private static String summary(double[] sorted) {
        return "%6.2f / %6.2f / %6.2f".formatted(sorted[sorted.length / 2],
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)],
                sorted[sorted.length - 1]);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static List<LocalDate> workingDays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = FIRST_DAY; day.isBefore(FIRST_DAY.plusDays(DAYS)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    /** One dossier received on {@code day} in office hours; procedures drawn with a heavy skew. */
    private static List<Object> dossier(String id, LocalDate day, Random random) {
        List<Object> events = new ArrayList<>();
        int procedure = (int) Math.min(PROCEDURES - 1, Math.floor(Math.pow(random.nextDouble(), 3) * PROCEDURES));
        String unit = "U-" + random.nextInt(UNITS);
        Instant at = day.atTime(8, 0).atZone(ZONE).toInstant().plusSeconds(random.nextInt(9 * 3600));
        Instant due = at.plus(Duration.ofDays(1 + random.nextInt(10)));
        events.add(new DossierReceivedEvent(id, "P-" + procedure, FIELDS[procedure % FIELDS.length], unit,
                Channel.IN_PERSON, APPLICANT, at, 24, at, due));
        if (random.nextInt(20) == 0) {
            at = at.plus(Duration.ofHours(2));
            String to = "U-" + random.nextInt(UNITS);
            events.add(new DossierTransferredEvent(id, unit, to, "competent unit", at));
        }
        if (random.nextInt(10) == 0) {
            at = at.plus(Duration.ofHours(20));
            events.add(new SupplementRequestedEvent(id, "missing document", at, 1));
            at = at.plus(Duration.ofDays(2));
            due = due.plus(Duration.ofDays(2));
            events.add(new SupplementProvidedEvent(id, "supplied", at, 16, due));
        }
        if (random.nextInt(33) == 0) {
            Instant newDue = due.plus(Duration.ofDays(5));
            events.add(new DossierExtendedEvent(id, due, newDue, "apology", at.plus(Duration.ofHours(1))));
            due = newDue;
        }
        if (random.nextInt(100) < 97) {
            at = at.plus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 9)));
            Timeliness verdict = at.isAfter(due) ? Timeliness.LATE
                    : random.nextInt(3) == 0 ? Timeliness.EARLY : Timeliness.ON_TIME;
            events.add(new DossierResolvedEvent(id, Outcome.APPROVED, "decided", at, due, verdict,
                    random.nextInt(480 * 9) / 480.0));
            events.add(new DossierReturnedEvent(id, at.plus(Duration.ofHours(3))));
        }
        return events;
    }
}
