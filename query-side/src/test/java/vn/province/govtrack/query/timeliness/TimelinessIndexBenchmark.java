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
import java.util.OptionalLong;
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
 * grouping over a day, a week, a month, a quarter and a year, for the province and for one unit, and of
 * each month's report and ranking as known at a day after the month's end ({@code knownAt}), the events
 * folded in the order a store would have recorded them, some dated back (see {@code RecordedLog}).
 * With {@code -Dgovtrack.benchmark.stored=true} it also times the start-up path: the facts read back
 * from MongoDB ({@code TestMongo}: {@code MONGODB_URI}, or an in-memory wire-protocol server).
 *
 * <p>The build's test JVMs compile with C1 only and their {@code argLine} is fixed in the parent POM, so
 * {@code -DargLine} does not reach them; run it on a JVM of its own, with the optimising compiler and the
 * heap of a query-side instance, from the test classpath:
 * <pre>
 * ./mvnw -o -q -pl query-side -am -DskipTests test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -Dgovtrack.benchmark.dossiers=700000 -Dgovtrack.benchmark.days=365 \
 *     -cp query-side/target/test-classes:query-side/target/classes:$(cat /tmp/cp.txt) \
 *     vn.province.govtrack.query.timeliness.TimelinessIndexBenchmark
 * </pre>
 * ({@code ./mvnw -o -pl query-side -am test -Dtest=TimelinessIndexBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} with the same properties runs it too, on C1 and the default
 * heap.) The province's first 16 days (the demo, 1x) are {@code dossiers=30000 days=16}; 10x is
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

    public static void main(String[] args) {
        new TimelinessIndexBenchmark().measure();
    }

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

        RecordedLog log = RecordedLog.of(new ArrayList<>(streams.values()), random);
        TimelinessIndex folded = new TimelinessIndex(ZONE);
        long started = System.nanoTime();
        log.feed(folded, Long.MAX_VALUE);
        double foldSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("fold of the events one by one, in the order recorded: %.2f s (%,.0f events/s)%n",
                foldSeconds, log.size() / foldSeconds);
        Map<String, Period> months = monthsKnownAfter(log);
        Map<String, Long> knownAt = new LinkedHashMap<>();
        for (Map.Entry<String, Period> month : months.entrySet()) {
            knownAt.put(month.getKey(), log.positionRecordedBy(month.getValue().end().plus(Duration.ofDays(1))));
        }
        checkKnownAt(folded, log, months, knownAt);
        List<DossierFact> facts = RandomDossiers.facts(streams);
        Period whole = Period.of(FIRST_DAY, FIRST_DAY.plusDays(DAYS - 1), ZONE);
        TimelinessReport oracle = new TimelinessReport(whole, GroupBy.UNIT, null);
        facts.forEach(oracle::count);
        assertThat(folded.figures(whole, GroupBy.UNIT, null).rows()).as("folded").isEqualTo(oracle.rows());
        streams.clear();
        log = null;
        usedHeapAfterGc();
        measureKnownAt(folded, months, knownAt);
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
            periods.values().forEach(period -> timedReports(index, period, null, 5, OptionalLong.empty()));
        }
        System.out.println("report latency, ms (p50 / p99 / max):");
        for (Map.Entry<String, Period> period : periods.entrySet()) {
            System.out.printf("  %-8s province %s   one unit %s%n", period.getKey(),
                    summary(timedReports(index, period.getValue(), null, QUERIES, OptionalLong.empty())),
                    summary(timedReports(index, period.getValue(), "U-7", QUERIES, OptionalLong.empty())));
        }
    }

    /** Each month of the history that ends more than a day before the last event was recorded. */
    private static Map<String, Period> monthsKnownAfter(RecordedLog log) {
        Map<String, Period> months = new LinkedHashMap<>();
        for (LocalDate month = FIRST_DAY; ; month = month.plusMonths(1)) {
            Period period = Period.of(month, month.plusMonths(1).minusDays(1), ZONE);
            if (!period.end().plus(Duration.ofDays(1)).isBefore(log.lastRecorded())) {
                return months;
            }
            months.put(month.getYear() + "-" + month.getMonthValue(), period);
        }
    }

    /** The first month's reports known at a day after its end against an index fed only the events recorded by then. */
    private static void checkKnownAt(TimelinessIndex index, RecordedLog log, Map<String, Period> months,
                                     Map<String, Long> knownAt) {
        if (months.isEmpty()) {
            return;
        }
        String first = months.keySet().iterator().next();
        TimelinessIndex upToThen = new TimelinessIndex(ZONE);
        log.feed(upToThen, knownAt.get(first));
        for (GroupBy groupBy : GroupBy.values()) {
            assertThat(index.figures(months.get(first), groupBy, null, OptionalLong.of(knownAt.get(first))).rows())
                    .as("known at").isEqualTo(upToThen.figures(months.get(first), groupBy, null).rows());
        }
    }

    /**
     * Reports as known at an instant: for each month of the history, its report known at one day after
     * its end (events recorded later, backdated ones included, left out), beside the same report asked
     * plainly; and the ranking of that month as known then.
     */
    private static void measureKnownAt(TimelinessIndex index, Map<String, Period> months, Map<String, Long> knownAt) {
        if (months.isEmpty()) {
            System.out.println("known at: no month ends a day before the history does");
            return;
        }
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            months.forEach((name, month) -> timedReports(index, month, null, 2, OptionalLong.of(knownAt.get(name))));
        }
        int count = Math.max(1, QUERIES / 5);
        System.out.printf("reports of a month known at a day after its end, ms (p50 / p99 / max), %d of each "
                          + "grouping; the same asked plainly; the ranking known then%n", count);
        List<double[]> all = new ArrayList<>();
        List<double[]> allPlain = new ArrayList<>();
        List<double[]> allRankings = new ArrayList<>();
        for (Map.Entry<String, Period> month : months.entrySet()) {
            OptionalLong position = OptionalLong.of(knownAt.get(month.getKey()));
            double[] known = timedReports(index, month.getValue(), null, count, position);
            double[] plain = timedReports(index, month.getValue(), null, count, OptionalLong.empty());
            double[] rankings = timedRankings(index, month.getValue(), count, position);
            System.out.printf("  %-8s known at %,9d (%,d dossiers recounted): %s   plain %s   ranking %s%n",
                    month.getKey(), position.getAsLong(),
                    index.dossiersChangedAfter(position.getAsLong(), month.getValue().end()), summary(known),
                    summary(plain), summary(rankings));
            all.add(known);
            allPlain.add(plain);
            allRankings.add(rankings);
        }
        System.out.printf("  %-8s %41s %s   plain %s   ranking %s%n", "all", "", summary(merged(all)),
                summary(merged(allPlain)), summary(merged(allRankings)));
        // the expensive case: a long period known early in it, when most of its dossiers came later
        Period year = Period.of(FIRST_DAY, FIRST_DAY.plusYears(1).minusDays(1), ZONE);
        System.out.printf("the whole year known at the end of a month, ms (p50 / p99 / max), %d of each grouping:%n",
                count);
        for (Map.Entry<String, Period> month : months.entrySet()) {
            if (month.getValue().to().getMonthValue() % 3 != 0) {
                continue;
            }
            OptionalLong position = OptionalLong.of(knownAt.get(month.getKey()));
            System.out.printf("  at the end of %-8s (%,d dossiers recounted, %d segments taken whole): %s%n",
                    month.getKey(), index.dossiersChangedAfter(position.getAsLong(), year.end()),
                    index.segmentsFirstReceivedAfterCount(position.getAsLong()),
                    summary(timedReports(index, year, null, count, position)));
        }
    }

    private static double[] timedRankings(TimelinessIndex index, Period period, int count, OptionalLong knownAt) {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            Ranking.of(index.figures(period, GroupBy.UNIT, null, knownAt).tallies());
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double[] merged(List<double[]> samples) {
        double[] all = samples.stream().flatMapToDouble(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /**
     * The events in the order a store would have recorded them: each when it happened, but one
     * resolution in twenty (and the return after it) recorded three days late and one receipt in fifty
     * a day late, dated back into days already reported; a dossier's own events keep their order.
     */
    private static final class RecordedLog {
        private final List<List<Object>> streams;
        /** By position - 1: the dossier's number (high bits) and the event's number in its stream (low 8 bits). */
        private final int[] events;
        /** By position - 1: the second it was recorded. */
        private final long[] recorded;

        private RecordedLog(List<List<Object>> streams, int[] events, long[] recorded) {
            this.streams = streams;
            this.events = events;
            this.recorded = recorded;
        }

        static RecordedLog of(List<List<Object>> streams, Random random) {
            int size = streams.stream().mapToInt(List::size).sum();
            long origin = FIRST_DAY.atStartOfDay(ZONE).toEpochSecond();
            long[] keyed = new long[size];
            int n = 0;
            for (int dossier = 0; dossier < streams.size(); dossier++) {
                long last = 0;
                long delay = 0;
                List<Object> stream = streams.get(dossier);
                for (int event = 0; event < stream.size(); event++) {
                    Object payload = stream.get(event);
                    if (payload instanceof DossierReceivedEvent && random.nextInt(50) == 0) {
                        delay = Duration.ofDays(1).toSeconds();
                    } else if (payload instanceof DossierResolvedEvent && random.nextInt(20) == 0) {
                        delay = Duration.ofDays(3).toSeconds();
                    }
                    last = Math.max(last, happened(payload).getEpochSecond() - origin + delay);
                    keyed[n++] = (last << 28) | ((long) dossier << 8) | event;
                }
            }
            Arrays.sort(keyed);
            int[] events = new int[size];
            long[] recorded = new long[size];
            for (int i = 0; i < size; i++) {
                events[i] = (int) (keyed[i] & 0xFFF_FFFF);
                recorded[i] = (keyed[i] >>> 28) + origin;
            }
            return new RecordedLog(streams, events, recorded);
        }

        int size() {
            return events.length;
        }

        /** Folds the events at positions 1 to {@code upTo} into {@code index}. */
        void feed(TimelinessIndex index, long upTo) {
            for (int i = 0; i < events.length && i < upTo; i++) {
                int dossier = events[i] >>> 8;
                index.apply("HS-" + dossier, i + 1, streams.get(dossier).get(events[i] & 0xFF));
            }
        }

        Instant lastRecorded() {
            return Instant.ofEpochSecond(recorded[recorded.length - 1]);
        }

        /** The last position recorded at or before {@code instant}; 0 for none. */
        long positionRecordedBy(Instant instant) {
            long second = instant.getEpochSecond();
            int low = 0;
            int high = recorded.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (recorded[middle] <= second) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        private static Instant happened(Object event) {
            if (event instanceof DossierReceivedEvent e) {
                return e.receivedAt();
            }
            if (event instanceof DossierTransferredEvent e) {
                return e.transferredAt();
            }
            if (event instanceof SupplementRequestedEvent e) {
                return e.requestedAt();
            }
            if (event instanceof SupplementProvidedEvent e) {
                return e.providedAt();
            }
            if (event instanceof DossierExtendedEvent e) {
                return e.extendedAt();
            }
            if (event instanceof DossierResolvedEvent e) {
                return e.resolvedAt();
            }
            if (event instanceof DossierReturnedEvent e) {
                return e.returnedAt();
            }
            throw new IllegalArgumentException("an event the benchmark does not make: " + event);
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

    private static double[] timedReports(TimelinessIndex index, Period period, String unitCode, int count,
                                         OptionalLong knownAt) {
        double[] millis = new double[count * GroupBy.values().length];
        int n = 0;
        for (int i = 0; i < count; i++) {
            for (GroupBy groupBy : GroupBy.values()) {
                long started = System.nanoTime();
                TimelinessFigures figures = index.figures(period, groupBy, unitCode, knownAt);
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
