package vn.province.govtrack.query.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.JULY_1;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.JULY_16;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.ZONE;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

import com.mongodb.client.MongoClient;
import com.sun.management.OperatingSystemMXBean;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.query.projection.PositionGuardedDocuments;

/**
 * The report over many stored facts: exact, and how long it takes. The build stores 5,000; for a
 * measurement ask for more, e.g. {@code -Dgovtrack.scale.facts=30000} (the demo's province) or
 * {@code 300000}. Wall-clock and CPU times of the whole process (this JVM runs the test's MongoDB
 * server too) are printed; the bound asserted is a loose guard against a pathological slowdown,
 * not a benchmark.
 */
class TimelinessReportScaleTest {

    private static final int FACTS = Integer.getInteger("govtrack.scale.facts", 5_000);
    private static final int UNITS = 166;
    private static final String[] FIELDS = {"LAND", "ENVIRONMENT", "JUSTICE", "CULTURE", "IT", "FINANCE",
            "CONSTRUCTION", "EDUCATION", "HEALTH", "LABOUR"};

    private static MongoClient client;
    private static DossierFacts facts;
    private static List<DossierFact> generated;

    @BeforeAll
    static void storeAProvince() {
        client = MongoClients.create(TestMongo.uri());
        MongoProperties properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName("timeliness_scale"));
        facts = new DossierFacts(client, properties);
        generated = generate(FACTS, new Random(766));
        MongoCollection<Document> collection = client.getDatabase(properties.getDatabase())
                                                     .getCollection(DossierFacts.COLLECTION);
        List<Document> batch = new ArrayList<>();
        long position = 0;
        for (DossierFact fact : generated) {
            batch.add(DossierFacts.toDocument(fact).append(PositionGuardedDocuments.LAST_POSITION, ++position));
            if (batch.size() == 5_000) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void the_report_over_every_stored_fact_equals_the_report_over_the_facts_in_memory_and_answers_promptly() {
        Period period = Period.of(JULY_1, JULY_16, ZONE);
        TimelinessReport inMemory = new TimelinessReport(period, GroupBy.UNIT, null);
        generated.forEach(inMemory::count);

        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] millis = new long[11];
        long[] cpuMillis = new long[millis.length];
        TimelinessReport stored = null;
        for (int run = 0; run < millis.length; run++) {
            long started = System.nanoTime();
            long cpuStarted = os.getProcessCpuTime();
            stored = new TimelinessReport(period, GroupBy.UNIT, null);
            facts.forEachRelevantTo(period, stored::count);
            stored.rows();
            millis[run] = Duration.ofNanos(System.nanoTime() - started).toMillis();
            cpuMillis[run] = Duration.ofNanos(os.getProcessCpuTime() - cpuStarted).toMillis();
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        int median = millis.length / 2;
        System.out.printf("timeliness report over %,d facts, groupBy=unit, %d runs: wall median %d ms (min %d, max %d);"
                        + " process CPU median %d ms (min %d); load average %.1f on %d cores%n",
                FACTS, millis.length, millis[median], millis[0], millis[millis.length - 1], cpuMillis[median],
                cpuMillis[0], os.getSystemLoadAverage(), os.getAvailableProcessors());

        assertThat(stored.rows()).isEqualTo(inMemory.rows());
        assertThat(stored.total()).isEqualTo(inMemory.total());
        assertThat(stored.total().received()).isEqualTo(FACTS);
        assertThat(stored.rows()).hasSize(UNITS);
        assertThat(millis[median]).as("median report time, ms").isLessThan(Math.max(5_000, FACTS / 3));
    }

    /**
     * Dossiers received 1–16 July 2025 across the units: about 97% ended on time or early, 2% late,
     * the rest still open; one in twenty transferred, one in ten with a supplement.
     */
    private static List<DossierFact> generate(int count, Random random) {
        Instant start = JULY_1.atStartOfDay(ZONE).toInstant();
        long periodSeconds = Duration.ofDays(16).toSeconds();
        List<DossierFact> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant receivedAt = start.plusSeconds((long) (random.nextDouble() * periodSeconds));
            String unit = "U-" + (i % UNITS);
            Instant dueAt = receivedAt.plus(Duration.ofDays(1 + random.nextInt(10)));
            List<DossierFact.Holding> holdings = new ArrayList<>(List.of(new DossierFact.Holding(receivedAt, unit)));
            if (random.nextInt(20) == 0) {
                holdings.add(new DossierFact.Holding(receivedAt.plus(Duration.ofHours(5)),
                        "U-" + random.nextInt(UNITS)));
            }
            List<DossierFact.Deadline> deadlines = new ArrayList<>(List.of(new DossierFact.Deadline(receivedAt, dueAt)));
            List<DossierFact.Pause> pauses = new ArrayList<>();
            if (random.nextInt(10) == 0) {
                Instant requested = receivedAt.plus(Duration.ofHours(20));
                Instant provided = requested.plus(Duration.ofDays(2));
                pauses.add(new DossierFact.Pause(requested, provided));
                deadlines.add(new DossierFact.Deadline(provided, dueAt.plus(Duration.ofDays(2))));
            }
            int draw = random.nextInt(100);
            Instant endedAt = draw < 99 ? receivedAt.plus(Duration.ofHours(4 + random.nextInt(300))) : null;
            Timeliness verdict = endedAt == null ? null
                    : draw < 30 ? Timeliness.EARLY : draw < 97 ? Timeliness.ON_TIME : Timeliness.LATE;
            all.add(new DossierFact("HS-" + i, "P-" + random.nextInt(2_225), FIELDS[random.nextInt(FIELDS.length)],
                    receivedAt, holdings, deadlines, pauses, endedAt, endedAt == null ? null : DossierStatus.RESOLVED,
                    verdict, endedAt == null ? null : Math.round(random.nextDouble() * 1_000) / 100.0));
        }
        return all;
    }
}
