package vn.province.govtrack.query.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.JULY_1;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.JULY_16;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.ZONE;

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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * The index loaded from many stored facts, as an instance loads it at start, against the report
 * counted over the same facts in memory: the facts' round trip through MongoDB (dates to the
 * millisecond, last positions) changes no figure. The build stores 5,000 facts; ask for more with
 * {@code -Dgovtrack.scale.facts=30000} (the demo's province).
 */
class TimelinessIndexFromStoredFactsTest {

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
        facts = new DossierFacts(client, properties, new ObjectMapper().findAndRegisterModules());
        generated = generate(FACTS, new Random(766));
        MongoCollection<Document> collection = client.getDatabase(properties.getDatabase())
                                                     .getCollection(DossierFacts.COLLECTION);
        List<Document> batch = new ArrayList<>();
        long position = 0;
        for (DossierFact fact : generated) {
            batch.add(facts.toDocument(fact, ++position));
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
    void the_index_loaded_from_every_stored_fact_counts_as_the_report_over_the_facts_in_memory() {
        TimelinessIndex index = new TimelinessIndex(ZONE);

        index.load(facts::forEachStored);

        assertThat(index.dossiers()).isEqualTo(FACTS);
        for (Period period : List.of(Period.of(JULY_1, JULY_16, ZONE), Period.of(JULY_16, JULY_16, ZONE),
                Period.of(JULY_1.minusDays(1), JULY_1.minusDays(1), ZONE),
                Period.of(JULY_1.plusDays(3), JULY_16.plusDays(30), ZONE))) {
            for (GroupBy groupBy : GroupBy.values()) {
                for (String unitCode : Arrays.asList(null, "U-7")) {
                    TimelinessReport inMemory = new TimelinessReport(period, groupBy, unitCode);
                    generated.forEach(inMemory::count);
                    TimelinessFigures loaded = index.figures(period, groupBy, unitCode);
                    assertThat(loaded.rows()).as("%s by %s for %s", period, groupBy, unitCode)
                                             .isEqualTo(inMemory.rows());
                    assertThat(loaded.total()).as("%s by %s for %s", period, groupBy, unitCode)
                                              .isEqualTo(inMemory.total());
                }
            }
        }
        TimelinessFigures july = index.figures(Period.of(JULY_1, JULY_16, ZONE), GroupBy.UNIT, null);
        assertThat(july.total().received()).isEqualTo(FACTS);
        assertThat(july.rows()).hasSize(UNITS);
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
            List<DossierFact.Holding> holdings = new ArrayList<>(List.of(new DossierFact.Holding(receivedAt, unit, 1)));
            if (random.nextInt(20) == 0) {
                holdings.add(new DossierFact.Holding(receivedAt.plus(Duration.ofHours(5)),
                        "U-" + random.nextInt(UNITS), 2));
            }
            List<DossierFact.Deadline> deadlines = new ArrayList<>(List.of(new DossierFact.Deadline(receivedAt, dueAt, 1)));
            List<DossierFact.Pause> pauses = new ArrayList<>();
            if (random.nextInt(10) == 0) {
                Instant requested = receivedAt.plus(Duration.ofHours(20));
                Instant provided = requested.plus(Duration.ofDays(2));
                pauses.add(new DossierFact.Pause(requested, provided, 3, 4));
                deadlines.add(new DossierFact.Deadline(provided, dueAt.plus(Duration.ofDays(2)), 4));
            }
            int draw = random.nextInt(100);
            Instant endedAt = draw < 99 ? receivedAt.plus(Duration.ofHours(4 + random.nextInt(300))) : null;
            Timeliness verdict = endedAt == null ? null
                    : draw < 30 ? Timeliness.EARLY : draw < 97 ? Timeliness.ON_TIME : Timeliness.LATE;
            all.add(new DossierFact("HS-" + i, "P-" + random.nextInt(2_225), FIELDS[random.nextInt(FIELDS.length)],
                    receivedAt, 1, holdings, deadlines, pauses, endedAt, endedAt == null ? null : DossierStatus.RESOLVED,
                    verdict, endedAt == null ? null : Math.round(random.nextDouble() * 1_000) / 100.0,
                    endedAt == null ? 0 : 5, null));
        }
        return all;
    }
}
