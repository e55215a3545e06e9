package vn.province.govtrack.query.index766;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.index766.HandScoredMonth.D1;
import static vn.province.govtrack.query.index766.HandScoredMonth.W1;
import static vn.province.govtrack.query.index766.HandScoredMonth.at;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierDigitisedEvent;
import vn.province.govtrack.kernel.dossier.DossierRatedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierReturnedEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.ElectronicResultIssuedEvent;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.PaymentChannel;
import vn.province.govtrack.kernel.dossier.PaymentRecordedEvent;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.procedure.ProcedureContent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.index766.HandScoredMonth.Recorded;
import vn.province.govtrack.query.index766.Index766Ledger.MonthCounts;
import vn.province.govtrack.query.index766.Index766Rules.Indicator;
import vn.province.govtrack.query.index766.Index766Rules.Input;

/** The ledger's counts of {@link HandScoredMonth}, as known at each position, and their cost. */
class Index766LedgerTest {

    private static final YearMonth SEPTEMBER = YearMonth.of(2025, 9);
    private static final Instant LONG_AFTER = at("2026-01-01T00:00");
    private static final SealedApplicant APPLICANT = new SealedApplicant("key-g", "aw==");

    @Test
    void each_unit_counts_what_happened_there_in_the_month() {
        Index766Ledger ledger = ledgerOf(HandScoredMonth.events());

        MonthCounts counts = ledger.counts(SEPTEMBER, Index766Ledger.PRESENT, LONG_AFTER);

        assertThat(inputs(counts.inputs().get(W1))).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(Input.RECEIVED, 4L),                  // A, B, C, D
                Map.entry(Input.RECEIVED_ONLINE_ELIGIBLE, 3L),  // A (online), C (P1 FULL), D (online)
                Map.entry(Input.RECEIVED_ONLINE, 2L),           // A, D
                Map.entry(Input.DIGITISED, 2L),                 // A, B (its last record)
                Map.entry(Input.REUSED, 1L),                    // A
                Map.entry(Input.POPULATION_DATA, 2L),           // A, B
                Map.entry(Input.RESOLVED, 3L),                  // E, A, B; C was resolved at D1
                Map.entry(Input.ELECTRONIC_RESULT, 1L),         // A
                Map.entry(Input.PAYMENTS, 2L),
                Map.entry(Input.ONLINE_PAYMENTS, 1L),
                Map.entry(Input.RATINGS, 2L),
                Map.entry(Input.SATISFIED_RATINGS, 1L),
                Map.entry(Input.COMPLAINTS, 2L)));               // F1, F3
        assertThat(inputs(counts.inputs().get(D1))).containsExactlyInAnyOrderEntriesOf(Map.of(
                Input.RESOLVED, 1L, Input.ELECTRONIC_RESULT, 1L)); // C, its result issued in October
        assertThat(counts.units()).extracting(Index766Ledger.ScoredUnit::code)
                                  .containsExactly(D1, W1, HandScoredMonth.W2); // X dissolved on 15 August
        assertThat(counts.feedbackByUnit().get(W1)).containsExactly(1, 3); // F1 on time; F2 late; F3 past due
        assertThat(counts.feedbackByUnit()).doesNotContainKey(D1);          // F4 is due in October
        assertThat(counts.province().inScope).isEqualTo(3);
        assertThat(counts.communeTier().inScope).isEqualTo(2);
        assertThat(counts.provincialTier().updates).isEqualTo(1);
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        List<Recorded> events = HandScoredMonth.events();
        Index766Ledger once = ledgerOf(events);
        Index766Ledger twice = ledgerOf(events);

        for (int i = 0; i < events.size(); i++) {
            twice.apply(i + 1, events.get(i).event(), Instant.EPOCH);
        }

        assertSameCounts(twice, once, SEPTEMBER, Index766Ledger.PRESENT);
        assertSameCounts(twice, once, YearMonth.of(2025, 10), Index766Ledger.PRESENT);
        for (Indicator indicator : Indicator.values()) {
            if (indicator != Indicator.ON_TIME) {
                assertThat(twice.evidence(SEPTEMBER, indicator, null, Index766Ledger.PRESENT, LONG_AFTER, null))
                        .isEqualTo(once.evidence(SEPTEMBER, indicator, null, Index766Ledger.PRESENT, LONG_AFTER,
                                null));
            }
        }
    }

    @Test
    void counts_as_known_at_a_position_are_those_of_a_ledger_that_took_the_events_up_to_it_only() {
        List<Recorded> events = HandScoredMonth.events();
        Index766Ledger whole = ledgerOf(events);
        for (int known = 0; known <= events.size(); known++) {
            Index766Ledger then = ledgerOf(events.subList(0, known));
            assertSameCounts(whole.counts(SEPTEMBER, known, LONG_AFTER), then.counts(SEPTEMBER, Index766Ledger.PRESENT,
                    LONG_AFTER), "known at " + known);
            for (Indicator indicator : Indicator.values()) {
                if (indicator != Indicator.ON_TIME) {
                    assertThat(whole.evidence(SEPTEMBER, indicator, W1, known, LONG_AFTER, UnitKind.WARD))
                            .as("%s known at %d", indicator, known)
                            .isEqualTo(then.evidence(SEPTEMBER, indicator, W1, Index766Ledger.PRESENT, LONG_AFTER,
                                    UnitKind.WARD));
                }
            }
        }
    }

    @Test
    void a_later_digitisation_record_replaces_the_earlier_one() {
        List<Recorded> events = HandScoredMonth.events();
        int secondRecordOfB = indexOf(events, event -> event instanceof DossierDigitisedEvent digitised
                && digitised.dossierId().equals("IX-B") && digitised.fullyDigitised());
        Index766Ledger ledger = ledgerOf(events);

        long before = ledger.counts(SEPTEMBER, secondRecordOfB, LONG_AFTER).inputs().get(W1)[Input.DIGITISED.ordinal()];
        long after = ledger.counts(SEPTEMBER, secondRecordOfB + 1, LONG_AFTER).inputs().get(W1)[Input.DIGITISED.ordinal()];

        assertThat(before).as("A only: B's first record has 2 of 3 parts").isEqualTo(1);
        assertThat(after).as("A and B").isEqualTo(2);
    }

    @Test
    void unanswered_feedback_counts_once_it_is_past_due_when_asked() {
        Index766Ledger ledger = ledgerOf(HandScoredMonth.events());

        assertThat(ledger.counts(SEPTEMBER, Index766Ledger.PRESENT, at("2025-09-26T08:59")).feedbackByUnit().get(W1))
                .as("F3 due 26/09 09:00, not yet").containsExactly(1, 2);
        assertThat(ledger.counts(SEPTEMBER, Index766Ledger.PRESENT, at("2025-09-26T09:01")).feedbackByUnit().get(W1))
                .as("F3 past due").containsExactly(1, 3);
    }

    @Test
    void a_procedure_is_taken_as_it_stood_at_the_months_end() {
        Index766Ledger ledger = ledgerOf(HandScoredMonth.events());

        Index766Ledger.ProcedureFigures august = ledger.counts(YearMonth.of(2025, 8), Index766Ledger.PRESENT,
                LONG_AFTER).province();
        Index766Ledger.ProcedureFigures september = ledger.counts(SEPTEMBER, Index766Ledger.PRESENT,
                LONG_AFTER).province();

        // August: P1 FULL, P2 NONE (U1 announced in September), P3 NONE (U2 announced 20/08)
        assertThat(august.online).isEqualTo(1);
        assertThat(august.complete).isEqualTo(1);
        assertThat(august.updates).isEqualTo(1);
        // September: P2 PARTIAL with all twelve elements after U1
        assertThat(september.online).isEqualTo(2);
        assertThat(september.complete).isEqualTo(2);
        assertThat(september.updates).isEqualTo(2);
        assertThat(september.updatesOnTime).isEqualTo(1);
        assertThat(september.publishedOnTime).isEqualTo(2);
    }

    /**
     * What a start costs: the ledger takes the events of tens of thousands of dossiers (about nine each), then
     * answers a month, as known now and as known at a position in the middle. Printed, not asserted: speed is
     * measured by benchmarks, not by unit tests.
     */
    @Test
    void replaying_a_province_and_asking_for_a_month_takes_seconds_and_milliseconds() {
        int dossiers = 40_000;
        List<Object> events = generated(dossiers, new Random(766));
        long heapBefore = usedHeap();
        Index766Ledger ledger = new Index766Ledger(HandScoredMonth.ZONE);

        long started = System.nanoTime();
        for (int i = 0; i < events.size(); i++) {
            ledger.apply(i + 1, events.get(i), Instant.EPOCH);
        }
        long replayMillis = (System.nanoTime() - started) / 1_000_000;
        long ledgerBytes = usedHeap() - heapBefore;
        long[] nanos = new long[50];
        MonthCounts counts = null;
        for (int i = 0; i < nanos.length; i++) {
            long asked = System.nanoTime();
            counts = ledger.counts(YearMonth.of(2025, 8), i % 2 == 0 ? Index766Ledger.PRESENT : events.size() / 2,
                    LONG_AFTER);
            nanos[i] = System.nanoTime() - asked;
        }
        Arrays.sort(nanos);
        System.out.printf("index-766 ledger: %d dossiers, %d events replayed in %d ms; a month's counts in %.2f ms "
                + "(median), %.2f ms (slowest of %d); the heap grew by about %d bytes a dossier%n", dossiers, events.size(), replayMillis, nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length - 1] / 1e6, nanos.length, ledgerBytes / dossiers);

        long received = 0;
        for (YearMonth month = YearMonth.of(2025, 7); !month.isAfter(YearMonth.of(2025, 10));
             month = month.plusMonths(1)) {
            received += ledger.counts(month, Index766Ledger.PRESENT, LONG_AFTER).provinceInputs()[Input.RECEIVED.ordinal()];
        }
        assertThat(received).isEqualTo(dossiers);
        assertThat(counts.units()).hasSize(124);
    }

    /** Dossiers received July to September 2025 at 124 units, each digitised, paid, resolved, most rated. */
    private static List<Object> generated(int dossiers, Random random) {
        List<Object> events = new ArrayList<>();
        for (int unit = 0; unit < 124; unit++) {
            events.add(new UnitRegisteredEvent("G-" + unit, "Xã " + unit, UnitKind.COMMUNE));
        }
        events.add(HandScoredMonth.published("G-P", "COMMUNE", OnlineLevel.PARTIAL, "2025-01-01", "2025-01-01",
                EnumSet.allOf(ProcedureContent.class)));
        Instant start = at("2025-07-01T08:00");
        for (int i = 0; i < dossiers; i++) {
            String id = "G-" + i;
            String unit = "G-" + random.nextInt(124);
            Instant receivedAt = start.plusSeconds(i * 190L);
            Channel channel = random.nextInt(3) == 0 ? Channel.ONLINE : Channel.IN_PERSON;
            events.add(new DossierReceivedEvent(id, "G-P", "JUSTICE", unit, channel, APPLICANT, receivedAt, 40,
                    receivedAt, receivedAt.plusSeconds(5 * 86_400)));
            events.add(new DossierDigitisedEvent(id, 4, 2 + random.nextInt(3), random.nextInt(2), random.nextBoolean(),
                    receivedAt.plusSeconds(600)));
            if (random.nextInt(10) == 0) {
                events.add(new DossierTransferredEvent(id, unit, "G-" + random.nextInt(124), "competent",
                        receivedAt.plusSeconds(3600)));
            }
            events.add(new PaymentRecordedEvent(id, 10_000, receivedAt.plusSeconds(7200),
                    random.nextBoolean() ? PaymentChannel.ONLINE : PaymentChannel.AT_DESK));
            Instant resolvedAt = receivedAt.plusSeconds(86_400L * (1 + random.nextInt(6)));
            events.add(new DossierResolvedEvent(id, Outcome.APPROVED, "decided", resolvedAt, resolvedAt,
                    Timeliness.ON_TIME, 2.0));
            events.add(new ElectronicResultIssuedEvent(id, resolvedAt.plusSeconds(60)));
            events.add(new DossierReturnedEvent(id, resolvedAt.plusSeconds(120)));
            if (random.nextInt(4) != 0) {
                events.add(new DossierRatedEvent(id, 1 + random.nextInt(5), resolvedAt.plusSeconds(180)));
            }
        }
        return events;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static Index766Ledger ledgerOf(List<Recorded> events) {
        Index766Ledger ledger = new Index766Ledger(HandScoredMonth.ZONE);
        for (int i = 0; i < events.size(); i++) {
            ledger.apply(i + 1, events.get(i).event(), Instant.EPOCH);
        }
        return ledger;
    }

    private static void assertSameCounts(Index766Ledger actual, Index766Ledger expected, YearMonth month, long position) {
        assertSameCounts(actual.counts(month, position, LONG_AFTER), expected.counts(month, position, LONG_AFTER),
                month.toString());
    }

    private static void assertSameCounts(MonthCounts actual, MonthCounts expected, String description) {
        assertThat(actual.units()).as(description).isEqualTo(expected.units());
        assertThat(nonZero(actual.inputs())).as(description).isEqualTo(nonZero(expected.inputs()));
        assertThat(actual.provinceInputs()).as(description).isEqualTo(expected.provinceInputs());
        assertThat(nonZero(actual.feedbackByUnit())).as(description).isEqualTo(nonZero(expected.feedbackByUnit()));
        assertThat(actual.provinceFeedback()).as(description).isEqualTo(expected.provinceFeedback());
        for (Index766Ledger.ProcedureFigures[] pair : List.of(
                new Index766Ledger.ProcedureFigures[] {actual.province(), expected.province()},
                new Index766Ledger.ProcedureFigures[] {actual.communeTier(), expected.communeTier()},
                new Index766Ledger.ProcedureFigures[] {actual.provincialTier(), expected.provincialTier()})) {
            assertThat(pair[0]).as(description).usingRecursiveComparison().isEqualTo(pair[1]);
        }
    }

    /** Counts by key, units whose counts are all 0 left out (a ledger that knows more has them as zeros). */
    private static Map<String, List<Long>> nonZero(Map<String, long[]> counts) {
        Map<String, List<Long>> nonZero = new TreeMap<>();
        counts.forEach((key, values) -> {
            if (Arrays.stream(values).anyMatch(value -> value != 0)) {
                nonZero.put(key, Arrays.stream(values).boxed().toList());
            }
        });
        return nonZero;
    }

    private static Map<Input, Long> inputs(long[] counts) {
        Map<Input, Long> inputs = new TreeMap<>();
        for (Input input : Input.values()) {
            if (counts[input.ordinal()] != 0) {
                inputs.put(input, counts[input.ordinal()]);
            }
        }
        return inputs;
    }

    private static int indexOf(List<Recorded> events, Predicate<Object> which) {
        for (int i = 0; i < events.size(); i++) {
            if (which.test(events.get(i).event())) {
                return i;
            }
        }
        throw new AssertionError("no such event");
    }
}
