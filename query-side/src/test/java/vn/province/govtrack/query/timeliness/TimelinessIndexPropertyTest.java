package vn.province.govtrack.query.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index against the report counted fact by fact ({@link TimelinessReport}, the oracle), over
 * random histories ({@link RandomDossiers}) and random questions: every period from a day to more
 * than a year, starting before, inside or after the history; every grouping; the whole province, one
 * unit, an unknown unit. The rows and the total must be equal, to the last rounded digit.
 *
 * <p>As known at a position: a fact's elements recorded up to it are the fold of the events up to it, and
 * the figures known at it are those of an index that was fed only those events, while every later
 * event, most of them dated before earlier ones, is left out.
 *
 * <p>Two zones: the province's, and São Paulo's in 2017–2018, whose clocks jumped at midnight (so a
 * day could start at 01:00, or last 25 hours). Each case is a seed; a failure names it.
 */
class TimelinessIndexPropertyTest {

    private static final int DOSSIERS = 400;
    private static final int QUESTIONS = 150;

    static List<Arguments> histories() {
        List<Arguments> histories = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            histories.add(Arguments.of(new RandomDossiers(ZoneId.of("Asia/Ho_Chi_Minh"), LocalDate.of(2025, 5, 1),
                    LocalDate.of(2025, 9, 30), 6, 7), seed));
            histories.add(Arguments.of(new RandomDossiers(ZoneId.of("America/Sao_Paulo"), LocalDate.of(2017, 9, 1),
                    LocalDate.of(2018, 3, 31), 4, 5), 100 + seed));
        }
        return histories;
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("histories")
    void the_index_fed_event_by_event_counts_as_the_report_over_the_facts(RandomDossiers province, long seed) {
        Random random = new Random(seed);
        Map<String, List<Object>> streams = province.streams(DOSSIERS, random);
        List<Delivery> deliveries = interleaved(streams, random);
        TimelinessIndex index = new TimelinessIndex(province.zone());
        Map<String, List<Object>> delivered = new HashMap<>();

        int checks = 0;
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            index.apply(delivery.dossierId(), delivery.position(), delivery.event());
            delivered.computeIfAbsent(delivery.dossierId(), id -> new ArrayList<>()).add(delivery.event());
            if (random.nextInt(10) == 0) {
                Delivery again = deliveries.get(random.nextInt(i + 1));
                index.apply(again.dossierId(), again.position(), again.event());
            }
            if (i % (deliveries.size() / 8) == 0) {
                assertSameFigures(index, RandomDossiers.facts(delivered), province, random, QUESTIONS / 10);
                checks++;
            }
        }

        assertThat(checks).isGreaterThanOrEqualTo(8);
        assertSameFigures(index, RandomDossiers.facts(streams), province, random, QUESTIONS);
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("histories")
    void the_index_loaded_from_facts_part_of_which_are_ahead_then_fed_the_rest_counts_as_the_report(
            RandomDossiers province, long seed) {
        Random random = new Random(seed);
        Map<String, List<Object>> streams = province.streams(DOSSIERS, random);
        List<Delivery> deliveries = interleaved(streams, random);
        long loadedAt = deliveries.size() / 2;
        // a fact may be stored a little ahead of the token it is loaded with, as the projection writes
        // before it stores its token
        long storedUpTo = loadedAt + random.nextInt(50);
        Map<String, StoredFact> stored = new HashMap<>();
        for (Delivery delivery : deliveries.subList(0, (int) storedUpTo)) {
            StoredFact before = stored.get(delivery.dossierId());
            DossierFact fact = TimelinessFold.evolve(before == null ? null : before.fact(), delivery.event(),
                    delivery.position());
            if (fact != null) {
                stored.put(delivery.dossierId(), new StoredFact(fact, delivery.position()));
            }
        }
        TimelinessIndex index = new TimelinessIndex(province.zone());

        index.load(consumer -> stored.values().forEach(fact -> consumer.accept(fact.fact(), fact.lastPosition())));
        for (Delivery delivery : deliveries.subList((int) loadedAt, deliveries.size())) {
            index.apply(delivery.dossierId(), delivery.position(), delivery.event());
        }

        assertSameFigures(index, RandomDossiers.facts(streams), province, random, QUESTIONS);
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("histories")
    void a_rebuild_keeping_what_was_last_touched_up_to_a_position_and_replaying_every_event_counts_as_the_report(
            RandomDossiers province, long seed) {
        Random random = new Random(seed);
        Map<String, List<Object>> streams = province.streams(DOSSIERS, random);
        List<Delivery> deliveries = interleaved(streams, random);
        TimelinessIndex index = new TimelinessIndex(province.zone());
        deliveries.forEach(delivery -> index.apply(delivery.dossierId(), delivery.position(), delivery.event()));

        index.forgetTouchedAfter(1 + random.nextInt(deliveries.size()));
        deliveries.forEach(delivery -> index.apply(delivery.dossierId(), delivery.position(), delivery.event()));

        assertSameFigures(index, RandomDossiers.facts(streams), province, random, QUESTIONS);
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("histories")
    void a_fact_as_known_at_a_position_is_the_fold_of_the_events_up_to_it(RandomDossiers province, long seed) {
        Random random = new Random(seed);
        List<Delivery> deliveries = interleaved(province.streams(DOSSIERS / 4, random), random);
        Map<String, DossierFact> folded = new HashMap<>();
        Map<String, List<DossierFact>> prefixes = new HashMap<>();
        for (Delivery delivery : deliveries) {
            DossierFact fact = TimelinessFold.evolve(folded.get(delivery.dossierId()), delivery.event(),
                    delivery.position());
            folded.put(delivery.dossierId(), fact);
            prefixes.computeIfAbsent(delivery.dossierId(), id -> new ArrayList<>()).add(fact);
        }

        // every prefix of every dossier's history, and the positions between its events
        Map<String, Integer> seen = new HashMap<>();
        for (Delivery delivery : deliveries) {
            int n = seen.merge(delivery.dossierId(), 1, Integer::sum) - 1;
            DossierFact whole = folded.get(delivery.dossierId());
            DossierFact prefix = prefixes.get(delivery.dossierId()).get(n);
            String asked = "%s known at %d".formatted(delivery.dossierId(), delivery.position());
            assertThat(whole == null ? null : whole.asKnownAt(delivery.position())).as(asked).isEqualTo(prefix);
            assertThat(whole == null ? null : whole.asKnownAt(delivery.position() - 1))
                    .as(asked + " - 1").isEqualTo(n == 0 ? null : prefixes.get(delivery.dossierId()).get(n - 1));
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("histories")
    void the_figures_known_at_a_position_are_those_of_an_index_fed_only_the_events_up_to_it(RandomDossiers province,
                                                                                           long seed) {
        Random random = new Random(seed);
        assertKnownAtFigures(province, interleaved(province.streams(DOSSIERS, random), random), random);
    }

    /**
     * Dossier after dossier, so that most blocks of the index's slots were last changed before the
     * position, or first changed after it, and are skipped whole.
     */
    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("histories")
    void the_figures_known_at_a_position_are_those_of_an_index_fed_only_the_events_up_to_it_dossier_by_dossier(
            RandomDossiers province, long seed) {
        Random random = new Random(seed);
        List<Delivery> deliveries = new ArrayList<>();
        province.streams(DOSSIERS * 4, random).forEach((id, events) -> events.forEach(
                event -> deliveries.add(new Delivery(deliveries.size() + 1, id, event))));
        assertKnownAtFigures(province, deliveries, random);
    }

    /**
     * Dossier after dossier into segments of 256 slots, so that at most positions several segments hold
     * only dossiers received after it, whose figures are taken away whole, beside segments recounted
     * dossier by dossier. The first half is loaded as stored facts (receipts recorded again among them,
     * with the facts they replaced), the rest folded; then the last quarter is forgotten and replayed, so
     * that slots are freed and taken again in another order.
     */
    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("histories")
    void the_figures_known_at_a_position_are_those_of_an_index_fed_only_the_events_up_to_it_with_segments_taken_whole(
            RandomDossiers province, long seed) {
        Random random = new Random(seed);
        List<Delivery> deliveries = new ArrayList<>();
        province.streams(DOSSIERS * 4, random).forEach((id, events) -> events.forEach(
                event -> deliveries.add(new Delivery(deliveries.size() + 1, id, event))));
        Map<String, StoredFact> stored = new LinkedHashMap<>();
        for (Delivery delivery : deliveries.subList(0, deliveries.size() / 2)) {
            StoredFact before = stored.get(delivery.dossierId());
            DossierFact fact = TimelinessFold.evolve(before == null ? null : before.fact(), delivery.event(),
                    delivery.position());
            if (fact != null) {
                stored.put(delivery.dossierId(), new StoredFact(fact, delivery.position()));
            }
        }
        TimelinessIndex index = new TimelinessIndex(province.zone(), 256);
        index.load(consumer -> stored.values().forEach(fact -> consumer.accept(fact.fact(), fact.lastPosition())));
        deliveries.forEach(delivery -> index.apply(delivery.dossierId(), delivery.position(), delivery.event()));
        index.forgetTouchedAfter(deliveries.size() * 3L / 4);
        deliveries.forEach(delivery -> index.apply(delivery.dossierId(), delivery.position(), delivery.event()));

        int segmentsTakenWhole = assertKnownAtFigures(province, deliveries, index, random);
        assertThat(segmentsTakenWhole).as("segments taken whole").isGreaterThan(8);
    }

    private static void assertKnownAtFigures(RandomDossiers province, List<Delivery> deliveries, Random random) {
        TimelinessIndex index = new TimelinessIndex(province.zone());
        deliveries.forEach(delivery -> index.apply(delivery.dossierId(), delivery.position(), delivery.event()));
        assertKnownAtFigures(province, deliveries, index, random);
    }

    /** @return how many segments the questions' reports took away whole, over all positions asked */
    private static int assertKnownAtFigures(RandomDossiers province, List<Delivery> deliveries,
                                            TimelinessIndex index, Random random) {
        int segmentsTakenWhole = 0;

        int differentFromToday = 0;
        for (int check = 0; check < 8; check++) {
            // events are interleaved at random across dossiers whose business times span months, so most
            // recorded after the position happened, in business time, before events recorded up to it
            long known = check == 0 ? 0 : check == 1 ? deliveries.size() : 1 + random.nextInt(deliveries.size());
            TimelinessIndex upToThen = new TimelinessIndex(province.zone());
            segmentsTakenWhole += index.segmentsFirstReceivedAfterCount(known);
            deliveries.subList(0, (int) known).forEach(
                    delivery -> upToThen.apply(delivery.dossierId(), delivery.position(), delivery.event()));
            for (int question = 0; question < QUESTIONS / 3; question++) {
                LocalDate from = province.firstDay().plusDays(random.nextInt(200) - 20);
                LocalDate to = from.plusDays(random.nextInt(8) == 0 ? random.nextInt(400) : random.nextInt(40));
                Period period = Period.of(from, to, province.zone());
                GroupBy groupBy = GroupBy.values()[random.nextInt(GroupBy.values().length)];
                int pick = random.nextInt(province.units() + 3);
                String unitCode = pick < province.units() ? province.unit(pick)
                        : pick == province.units() ? "U-NONE" : null;

                TimelinessFigures then = upToThen.figures(period, groupBy, unitCode);
                TimelinessFigures knownThen = index.figures(period, groupBy, unitCode, OptionalLong.of(known));

                String asked = "%s to %s by %s for %s known at %d".formatted(from, to, groupBy, unitCode, known);
                assertThat(knownThen.rows()).as(asked).isEqualTo(then.rows());
                assertThat(knownThen.total()).as(asked).isEqualTo(then.total());
                if (groupBy == GroupBy.UNIT && unitCode == null) {
                    assertThat(Ranking.of(knownThen.tallies())).as(asked).isEqualTo(Ranking.of(then.tallies()));
                }
                if (!knownThen.total().equals(index.figures(period, groupBy, unitCode).total())) {
                    differentFromToday++;
                }
            }
        }
        assertThat(differentFromToday).as("questions whose answer changed since").isGreaterThan(QUESTIONS / 3);
        return segmentsTakenWhole;
    }

    private record Delivery(long position, String dossierId, Object event) {
    }

    private record StoredFact(DossierFact fact, long lastPosition) {
    }

    /** The dossiers' events in one random global order that keeps each dossier's own order; positions from 1. */
    private static List<Delivery> interleaved(Map<String, List<Object>> streams, Random random) {
        List<String> turns = new ArrayList<>();
        streams.forEach((id, events) -> events.forEach(event -> turns.add(id)));
        Collections.shuffle(turns, random);
        Map<String, Integer> next = new HashMap<>();
        List<Delivery> deliveries = new ArrayList<>(turns.size());
        for (String id : turns) {
            int n = next.merge(id, 1, Integer::sum) - 1;
            deliveries.add(new Delivery(deliveries.size() + 1, id, streams.get(id).get(n)));
        }
        return deliveries;
    }

    private static void assertSameFigures(TimelinessIndex index, List<DossierFact> facts, RandomDossiers province,
                                          Random random, int questions) {
        for (int question = 0; question < questions; question++) {
            LocalDate from = province.firstDay().plusDays(random.nextInt(200) - 20);
            LocalDate to = from.plusDays(random.nextInt(8) == 0 ? random.nextInt(400) : random.nextInt(40));
            Period period = Period.of(from, to, province.zone());
            GroupBy groupBy = GroupBy.values()[random.nextInt(GroupBy.values().length)];
            int pick = random.nextInt(province.units() + 3);
            String unitCode = pick < province.units() ? province.unit(pick) : pick == province.units() ? "U-NONE" : null;

            TimelinessReport oracle = new TimelinessReport(period, groupBy, unitCode);
            facts.forEach(oracle::count);
            TimelinessFigures figures = index.figures(period, groupBy, unitCode);

            String asked = "%s to %s by %s for %s".formatted(from, to, groupBy, unitCode);
            assertThat(figures.rows()).as(asked).isEqualTo(oracle.rows());
            assertThat(figures.total()).as(asked).isEqualTo(oracle.total());
            if (groupBy == GroupBy.UNIT && unitCode == null) {
                assertThat(Ranking.of(figures.tallies())).as(asked).isEqualTo(Ranking.of(oracle.tallies()));
            }
        }
    }
}
