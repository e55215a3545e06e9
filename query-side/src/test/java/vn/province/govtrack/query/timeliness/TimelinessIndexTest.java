package vn.province.govtrack.query.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.BA_DINH;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.HOAN_KIEM;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.SOC_SON;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.ZONE;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.at;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;

/**
 * The index following events one at a time: each changed fact takes its old counts away before it
 * adds its new ones, so a dossier is counted once, where and when the rules say, however its fact
 * changed on the way.
 */
class TimelinessIndexTest {

    private static final LocalDate JULY_1 = HandMadeProvince.JULY_1;

    private final TimelinessIndex index = new TimelinessIndex(ZONE);
    private long position;

    @Test
    void after_each_event_of_the_hand_made_province_the_figures_are_those_of_the_events_so_far() {
        Map<String, List<Object>> sofar = new LinkedHashMap<>();
        List<Period> periods = List.of(Period.of(JULY_1, HandMadeProvince.JULY_16, ZONE),
                Period.of(JULY_1, LocalDate.of(2025, 7, 5), ZONE), Period.of(LocalDate.of(2025, 6, 30),
                        LocalDate.of(2025, 6, 30), ZONE), Period.of(LocalDate.of(2025, 7, 10),
                        LocalDate.of(2025, 7, 31), ZONE));
        for (Map.Entry<String, List<Object>> stream : HandMadeProvince.streams().entrySet()) {
            for (Object event : stream.getValue()) {
                apply(stream.getKey(), event);
                sofar.computeIfAbsent(stream.getKey(), id -> new ArrayList<>()).add(event);
                for (Period period : periods) {
                    for (GroupBy groupBy : GroupBy.values()) {
                        TimelinessReport oracle = new TimelinessReport(period, groupBy, null);
                        RandomDossiers.facts(sofar).forEach(oracle::count);
                        TimelinessFigures figures = index.figures(period, groupBy, null);
                        assertThat(figures.rows()).as("after %s, %s by %s", event, period, groupBy)
                                                  .isEqualTo(oracle.rows());
                        assertThat(figures.total()).as("after %s, %s by %s", event, period, groupBy)
                                                   .isEqualTo(oracle.total());
                    }
                }
            }
        }
    }

    @Test
    void a_transfer_moves_a_pending_dossier_to_its_new_unit_from_the_next_midnight_on_and_leaves_earlier_ones_alone() {
        List<Object> hs11 = HandMadeProvince.streams().get("HS-11");
        apply("HS-11", hs11.get(0));
        assertThat(pendingByUnit(days(1, 4))).containsExactly(Map.entry(HOAN_KIEM, "1 (overdue 1)"));

        apply("HS-11", hs11.get(1)); // transferred to Sóc Sơn on 4 July at 15:00

        assertThat(pendingByUnit(days(1, 3))).containsExactly(Map.entry(HOAN_KIEM, "1 (overdue 0)"));
        assertThat(pendingByUnit(days(1, 4))).containsExactly(Map.entry(SOC_SON, "1 (overdue 1)"));
        assertThat(index.figures(days(1, 4), GroupBy.UNIT, HOAN_KIEM).total().received()).isEqualTo(1);
    }

    @Test
    void an_end_of_processing_takes_the_dossier_out_of_pending_after_its_day_and_counts_it_on_that_day() {
        List<Object> hs04 = HandMadeProvince.streams().get("HS-04");
        hs04.forEach(event -> apply("HS-04", event)); // Ba Đình, to Hoàn Kiếm on 4 July, resolved 8 July 08:00

        assertThat(pendingByUnit(days(3, 7))).containsExactly(Map.entry(HOAN_KIEM, "1 (overdue 0)"));
        assertThat(pendingByUnit(days(3, 8))).isEmpty();
        TimelinessFigures eighth = index.figures(days(8, 8), GroupBy.UNIT, null);
        assertThat(eighth.rows()).extracting(TimelinessRow::key, TimelinessRow::resolved, TimelinessRow::onTime)
                                 .containsExactly(tuple(HOAN_KIEM, 1L, 1L));
    }

    @Test
    void an_event_delivered_again_or_one_the_fact_already_reflects_changes_nothing() {
        List<Object> hs01 = HandMadeProvince.streams().get("HS-01");
        apply("HS-01", hs01.get(0));
        apply("HS-01", hs01.get(1));
        List<TimelinessRow> once = index.figures(days(1, 16), GroupBy.PROCEDURE, null).rows();

        index.apply("HS-01", 2, hs01.get(1));
        index.apply("HS-01", 1, hs01.get(0));

        assertThat(index.figures(days(1, 16), GroupBy.PROCEDURE, null).rows()).isEqualTo(once);
        assertThat(index.dossiers()).isEqualTo(1);
    }

    @Test
    void an_event_before_the_receipt_counts_nothing() {
        apply("HS-99", new DossierTransferredEvent("HS-99", BA_DINH, HOAN_KIEM, "wrong desk", at("2025-07-02T09:00")));

        assertThat(index.dossiers()).isZero();
        assertThat(index.figures(days(1, 16), GroupBy.UNIT, null).rows()).isEmpty();
    }

    @Test
    void forgetting_what_events_after_a_position_touched_takes_those_dossiers_out_of_every_count() {
        HandMadeProvince.streams().get("HS-06").forEach(event -> apply("HS-06", event));
        long keptUpTo = position;
        HandMadeProvince.streams().get("HS-11").forEach(event -> apply("HS-11", event));

        index.forgetTouchedAfter(keptUpTo);

        assertThat(index.dossiers()).isEqualTo(1);
        assertThat(pendingByUnit(days(1, 16))).containsExactly(Map.entry(HOAN_KIEM, "1 (overdue 0)"));
        assertThat(index.figures(days(1, 16), GroupBy.UNIT, null).total().received()).isEqualTo(1);
    }

    @Test
    void a_dossier_whose_fact_a_load_hands_over_twice_counts_once_as_the_last_one() {
        List<Object> hs11 = HandMadeProvince.streams().get("HS-11");
        DossierFact received = TimelinessFold.evolve(null, hs11.get(0), 1);
        DossierFact transferred = TimelinessFold.evolve(received, hs11.get(1), 2);

        index.load(consumer -> {
            consumer.accept(received, 1L);
            consumer.accept(transferred, 2L);
        });

        assertThat(index.dossiers()).isEqualTo(1);
        assertThat(pendingByUnit(days(1, 16))).containsExactly(Map.entry(SOC_SON, "1 (overdue 1)"));
        assertThat(index.figures(days(1, 16), GroupBy.UNIT, null).total().received()).isEqualTo(1);
    }

    @Test
    void a_dossier_received_again_counts_as_known_from_its_first_receipt_even_alone_in_a_segment_of_later_receipts() {
        TimelinessIndex segmented = new TimelinessIndex(ZONE, CompactFacts.BLOCK);
        Object receipt = HandMadeProvince.streams().get("HS-11").get(0);
        DossierFact first = TimelinessFold.evolve(null, receipt, 5);
        DossierFact again = TimelinessFold.evolve(first, receipt, 10); // recorded again: replaces, keeps the first
        segmented.load(consumer -> consumer.accept(again, 10L));
        TimelinessIndex fedUpTo7 = new TimelinessIndex(ZONE);
        fedUpTo7.apply("HS-11", 5, receipt);

        TimelinessFigures knownAt7 = segmented.figures(days(1, 16), GroupBy.UNIT, null, OptionalLong.of(7));

        assertThat(knownAt7.total().received()).isEqualTo(1);
        assertThat(knownAt7.rows()).isEqualTo(fedUpTo7.figures(days(1, 16), GroupBy.UNIT, null).rows());
        assertThat(segmented.figures(days(1, 16), GroupBy.UNIT, null, OptionalLong.of(4)).rows()).isEmpty();
    }

    @Test
    void by_day_each_day_of_the_period_is_a_row_with_that_days_receipts_and_ends_and_its_closing_stock() {
        HandMadeProvince.streams().forEach((id, events) -> events.forEach(event -> apply(id, event)));

        TimelinessFigures byDay = index.figuresByDay(days(1, 5), null, OptionalLong.empty());

        // received: HS-01 and HS-11 on 1 July, HS-02 and HS-03 on 2 July, HS-04 on 3 July; HS-01 resolved
        // early on 3 July; pending from HS-08 (received in June, extended to 9 July): HS-11 overdue from
        // the end of 4 July (due 4 July 09:00), HS-03 paused for a supplement from 3 July
        assertThat(byDay.rows()).extracting(TimelinessRow::key, TimelinessRow::received, TimelinessRow::resolved,
                                            TimelinessRow::early, TimelinessRow::pending, TimelinessRow::overdue)
                                .containsExactly(tuple("2025-07-01", 2L, 0L, 0L, 3L, 0L),
                                                 tuple("2025-07-02", 2L, 0L, 0L, 5L, 0L),
                                                 tuple("2025-07-03", 1L, 1L, 1L, 5L, 0L),
                                                 tuple("2025-07-04", 0L, 0L, 0L, 5L, 1L),
                                                 tuple("2025-07-05", 0L, 0L, 0L, 5L, 1L));
        assertThat(byDay.total()).isEqualTo(index.figures(days(1, 5), GroupBy.UNIT, null).total());
        assertThat(byDay.total()).extracting(TimelinessRow::key, TimelinessRow::received, TimelinessRow::resolved,
                                             TimelinessRow::pending, TimelinessRow::overdue, TimelinessRow::onTimeRate)
                                 .containsExactly("PROVINCE", 5L, 1L, 5L, 1L, 1.0);
    }

    @Test
    void by_day_for_one_unit_counts_that_units_days_only() {
        HandMadeProvince.streams().forEach((id, events) -> events.forEach(event -> apply(id, event)));

        TimelinessFigures byDay = index.figuresByDay(days(2, 3), BA_DINH, OptionalLong.empty());

        // Ba Đình received HS-02 and HS-03 on 2 July and HS-04 on 3 July, and resolved HS-01 on 3 July
        assertThat(byDay.rows()).extracting(TimelinessRow::key, TimelinessRow::received, TimelinessRow::resolved,
                                            TimelinessRow::pending)
                                .containsExactly(tuple("2025-07-02", 2L, 0L, 3L), tuple("2025-07-03", 1L, 1L, 3L));
        assertThat(byDay.total().key()).isEqualTo(BA_DINH);
        assertThat(byDay.total().received()).isEqualTo(3);
    }

    private void apply(String dossierId, Object event) {
        index.apply(dossierId, ++position, event);
    }

    private static Period days(int from, int to) {
        return Period.of(LocalDate.of(2025, 7, from), LocalDate.of(2025, 7, to), ZONE);
    }

    /** Pending (and overdue) at the period's end, by unit, for the units with any. */
    private Map<String, String> pendingByUnit(Period period) {
        Map<String, String> pending = new LinkedHashMap<>();
        for (TimelinessRow row : index.figures(period, GroupBy.UNIT, null).rows()) {
            if (row.pending() > 0) {
                pending.put(row.key(), row.pending() + " (overdue " + row.overdue() + ")");
            }
        }
        return pending;
    }
}
