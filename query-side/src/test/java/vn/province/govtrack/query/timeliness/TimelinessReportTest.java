package vn.province.govtrack.query.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.BA_DINH;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.HOAN_KIEM;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.JULY_1;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.JULY_16;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.MINH_PHU;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.SOC_SON;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.ZONE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.dossier.Timeliness;

/** The hand-made province counted by hand, period by period, against the report. */
class TimelinessReportTest {

    private static final Period FIRST_HALF_OF_JULY = Period.of(JULY_1, JULY_16, ZONE);

    @Test
    void each_unit_counts_what_it_received_resolved_and_still_holds_at_the_end_of_the_period() {
        TimelinessReport report = report(FIRST_HALF_OF_JULY, GroupBy.UNIT, null);

        assertThat(report.rows()).containsExactly(
                row(MINH_PHU, 1, 0, 0, 0, 0, 1, 0, null, null, null),
                row(SOC_SON, 2, 1, 0, 1, 0, 3, 2, 1.0, 1.0, 20.0),
                row(BA_DINH, 7, 4, 1, 1, 2, 2, 0, 0.5, 4.14, 10.0),
                row(HOAN_KIEM, 4, 1, 0, 1, 0, 3, 1, 1.0, 3.0, 20.0));
        assertThat(report.total()).isEqualTo(row("PROVINCE", 14, 6, 1, 3, 2, 9, 3, 0.6667, 3.42, 13.33));
    }

    @Test
    void by_field_and_by_procedure_the_rows_add_up_to_the_same_province_total() {
        TimelinessReport byField = report(FIRST_HALF_OF_JULY, GroupBy.FIELD, null);
        TimelinessReport byProcedure = report(FIRST_HALF_OF_JULY, GroupBy.PROCEDURE, null);

        assertThat(byField.rows()).containsExactly(
                row("JUSTICE", 5, 2, 0, 1, 1, 4, 1, 0.5, 3.25, 10.0),
                row("LAND", 9, 4, 1, 2, 1, 5, 2, 0.75, 3.51, 15.0));
        assertThat(byProcedure.rows()).containsExactly(
                row("1.000123", 1, 0, 0, 0, 0, 1, 0, null, null, null),
                row("1.004227", 8, 4, 1, 2, 1, 4, 2, 0.75, 3.51, 15.0),
                row("2.000001", 5, 2, 0, 1, 1, 4, 1, 0.5, 3.25, 10.0));
        assertThat(byField.total()).isEqualTo(byProcedure.total())
                                   .isEqualTo(report(FIRST_HALF_OF_JULY, GroupBy.UNIT, null).total());
    }

    @Test
    void one_unit_by_field_counts_only_what_is_attributed_to_that_unit() {
        TimelinessReport report = report(FIRST_HALF_OF_JULY, GroupBy.FIELD, BA_DINH);

        assertThat(report.rows()).containsExactly(
                row("JUSTICE", 2, 1, 0, 0, 1, 1, 0, 0.0, 5.5, 0.0),
                row("LAND", 5, 3, 1, 1, 1, 1, 0, 0.6667, 3.68, 13.33));
        assertThat(report.total()).isEqualTo(row(BA_DINH, 7, 4, 1, 1, 2, 2, 0, 0.5, 4.14, 10.0));
    }

    @Test
    void dossiers_open_at_an_earlier_period_end_are_judged_at_that_end_where_they_were_then() {
        TimelinessReport report = report(Period.of(JULY_1, LocalDate.of(2025, 7, 5), ZONE), GroupBy.UNIT, null);

        // HS-02 and HS-03 (paused then) pending at Ba Đình; HS-04 at Hoàn Kiếm since its transfer;
        // HS-11 received at Hoàn Kiếm, overdue at Sóc Sơn; HS-08 at Sóc Sơn, extended so not overdue.
        assertThat(report.rows()).containsExactly(
                row(SOC_SON, 0, 0, 0, 0, 0, 2, 1, null, null, null),
                row(BA_DINH, 4, 1, 1, 0, 0, 2, 0, 1.0, 2.94, 20.0),
                row(HOAN_KIEM, 1, 0, 0, 0, 0, 1, 0, null, null, null));
        assertThat(report.total()).isEqualTo(row("PROVINCE", 5, 1, 1, 0, 0, 5, 1, 1.0, 2.94, 20.0));
    }

    @Test
    void an_extension_made_before_the_period_end_moves_the_due_date_that_end_is_judged_against() {
        LocalDate june30 = LocalDate.of(2025, 6, 30);

        TimelinessReport report = report(Period.of(june30, june30, ZONE), GroupBy.UNIT, null);

        // HS-08 was due 30/06 09:00, extended at 08:00 that day to 09/07: pending, not overdue.
        assertThat(report.rows()).containsExactly(row(SOC_SON, 0, 0, 0, 0, 0, 1, 0, null, null, null));
    }

    @Test
    void an_extension_made_after_the_period_end_does_not_excuse_a_dossier_overdue_at_that_end() {
        TimelinessReport beforeTheLetter = report(FIRST_HALF_OF_JULY, GroupBy.PROCEDURE, HOAN_KIEM);
        TimelinessReport afterTheLetter = report(Period.of(JULY_1, LocalDate.of(2025, 7, 18), ZONE),
                GroupBy.PROCEDURE, HOAN_KIEM);

        // HS-05 was due 15/07 09:00 and extended only on 18/07: overdue at the end of 16/07, not of 18/07
        // (HS-17, the unit's other open land registration, was waiting for a supplement, then due 21/07).
        assertThat(overdue(beforeTheLetter, HandMadeProvince.LAND_REGISTRATION)).isEqualTo(1);
        assertThat(overdue(afterTheLetter, HandMadeProvince.LAND_REGISTRATION)).isZero();
    }

    private static long overdue(TimelinessReport report, String key) {
        return report.rows().stream().filter(row -> row.key().equals(key)).findFirst().orElseThrow().overdue();
    }

    @Test
    void a_period_in_which_nothing_happened_and_nothing_was_open_has_no_rows_and_a_zero_total() {
        LocalDate day = LocalDate.of(2025, 6, 1);

        TimelinessReport report = report(Period.of(day, day, ZONE), GroupBy.UNIT, null);

        assertThat(report.rows()).isEmpty();
        assertThat(report.total()).isEqualTo(row("PROVINCE", 0, 0, 0, 0, 0, 0, 0, null, null, null));
    }

    @Test
    void the_report_does_not_depend_on_the_order_the_facts_are_counted_in() {
        List<DossierFact> facts = facts();
        List<DossierFact> shuffled = new ArrayList<>(facts);
        Collections.shuffle(shuffled, new Random(42));

        TimelinessReport inOrder = new TimelinessReport(FIRST_HALF_OF_JULY, GroupBy.UNIT, null);
        facts.forEach(inOrder::count);
        TimelinessReport outOfOrder = new TimelinessReport(FIRST_HALF_OF_JULY, GroupBy.UNIT, null);
        shuffled.forEach(outOfOrder::count);

        assertThat(outOfOrder.rows()).isEqualTo(inOrder.rows());
        assertThat(outOfOrder.total()).isEqualTo(inOrder.total());
    }

    @Test
    void units_are_ranked_by_on_time_rate_with_ties_sharing_a_rank_and_units_without_a_rate_last() {
        TimelinessReport report = report(FIRST_HALF_OF_JULY, GroupBy.UNIT, null);

        List<Ranking.RankedUnit> ranking = Ranking.of(report.tallies());

        assertThat(ranking).extracting(Ranking.RankedUnit::unitCode)
                           .containsExactly(SOC_SON, HOAN_KIEM, BA_DINH, MINH_PHU);
        assertThat(ranking).extracting(Ranking.RankedUnit::rank).containsExactly(1, 1, 3, null);
        assertThat(ranking.get(2).onTimeRate()).isEqualTo(0.5);
        assertThat(ranking.get(2).progressScore()).isEqualTo(10.0);
    }

    @Test
    void rates_are_ranked_exactly_not_by_their_rounded_values() {
        Tally twoThirds = tally(3, 2);
        Tally almostTwoThirds = tally(29_999, 19_999);

        List<Ranking.RankedUnit> ranking = Ranking.of(new TreeMap<>(Map.of(
                "A", almostTwoThirds, "B", twoThirds)));

        assertThat(ranking.get(0).onTimeRate()).isEqualTo(ranking.get(1).onTimeRate()).isEqualTo(0.6667);
        assertThat(ranking).extracting(Ranking.RankedUnit::unitCode).containsExactly("B", "A");
        assertThat(ranking).extracting(Ranking.RankedUnit::rank).containsExactly(1, 2);
    }

    @Test
    void within_a_tie_the_unit_that_resolved_more_is_listed_first() {
        List<Ranking.RankedUnit> ranking = Ranking.of(new TreeMap<>(Map.of(
                "A", tally(2, 2), "B", tally(5, 5), "C", tally(4, 1))));

        assertThat(ranking).extracting(Ranking.RankedUnit::unitCode).containsExactly("B", "A", "C");
        assertThat(ranking).extracting(Ranking.RankedUnit::rank).containsExactly(1, 1, 3);
    }

    private static Tally tally(long resolved, long onTime) {
        Tally tally = new Tally();
        for (long i = 0; i < resolved; i++) {
            TimelinessReport.ended(tally, i < onTime ? Timeliness.ON_TIME : Timeliness.LATE, 1.0);
        }
        return tally;
    }

    static TimelinessReport report(Period period, GroupBy groupBy, String unitCode) {
        TimelinessReport report = new TimelinessReport(period, groupBy, unitCode);
        facts().forEach(report::count);
        return report;
    }

    /** The province's facts as the projection would store them, folded in memory. */
    static List<DossierFact> facts() {
        return HandMadeProvince.streams().values().stream()
                               .map(RandomDossiers::fold)
                               .filter(Objects::nonNull)
                               .toList();
    }

    private static TimelinessRow row(String key, long received, long resolved, long early, long onTime, long late,
                                     long pending, long overdue, Double onTimeRate, Double avgProcessingDays,
                                     Double progressScore) {
        return new TimelinessRow(key, received, resolved, early, onTime, late, pending, overdue, onTimeRate,
                avgProcessingDays, progressScore, 20);
    }
}
