package vn.province.govtrack.query.index766;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.query.index766.Index766Rules.Group;
import vn.province.govtrack.query.index766.Index766Rules.Indicator;
import vn.province.govtrack.query.index766.Index766Rules.Score;

/** The index's arithmetic, each expectation worked out by hand beside it. */
class Index766RulesTest {

    @Test
    void the_groups_weigh_the_decisions_points_and_their_indicators_add_up_to_each_group() {
        assertThat(Arrays.stream(Group.values()).mapToInt(group -> group.maxPoints).sum()).isEqualTo(100);
        assertThat(Arrays.stream(Group.values()).map(group -> group.maxPoints))
                .containsExactly(18, 20, 22, 22, 18);
        for (Group group : Group.values()) {
            assertThat(group.indicators().stream().mapToInt(indicator -> indicator.maxPoints).sum())
                    .as(group.name()).isEqualTo(group.maxPoints);
        }
        assertThat(Group.DIGITISATION.indicators()).containsExactly(Indicator.ELECTRONIC_RESULTS,
                Indicator.DIGITISED_DOSSIERS, Indicator.REUSED_DATA, Indicator.POPULATION_DATA);
    }

    @Test
    void a_fraction_scores_its_points_times_its_ratio_rounded_half_up_from_the_exact_ratio() {
        // 6 × 90/100 = 5.4
        assertScore(Index766Rules.fraction(Indicator.PUBLISHED_ON_TIME, 90, 100), "5.40", "0.60", "0.9000");
        // 5 × 2/3 = 3.3333… → 3.33
        assertScore(Index766Rules.fraction(Indicator.REUSED_DATA, 2, 3), "3.33", "1.67", "0.6667");
        // 5 × 1/8 = 0.625 exactly → 0.63 (half up, not to even)
        assertScore(Index766Rules.fraction(Indicator.REUSED_DATA, 1, 8), "0.63", "4.37", "0.1250");
        // 20 × 2/3 = 13.3333… → 13.33, the timeliness report's progressScore
        assertScore(Index766Rules.fraction(Indicator.ON_TIME, 2, 3), "13.33", "6.67", "0.6667");
        // 6 × 0/7 = 0
        assertScore(Index766Rules.fraction(Indicator.RATINGS, 0, 7), "0.00", "6.00", "0.0000");
    }

    @Test
    void online_dossiers_score_full_points_from_half_of_the_dossiers_on() {
        // 10 × min(1, (3/10) / 0.5) = 6
        assertScore(Index766Rules.fraction(Indicator.ONLINE_DOSSIERS, 3, 10), "6.00", "4.00", "0.3000");
        // 10 × min(1, (1/3) / 0.5) = 6.6666… → 6.67
        assertScore(Index766Rules.fraction(Indicator.ONLINE_DOSSIERS, 1, 3), "6.67", "3.33", "0.3333");
        // 10 × min(1, (5/10) / 0.5) = 10, and no more above it
        assertScore(Index766Rules.fraction(Indicator.ONLINE_DOSSIERS, 5, 10), "10.00", "0.00", "0.5000");
        assertScore(Index766Rules.fraction(Indicator.ONLINE_DOSSIERS, 9, 10), "10.00", "0.00", "0.9000");
    }

    @Test
    void an_indicator_with_nothing_to_count_scores_full_points_and_says_it_was_not_counted() {
        Score score = Index766Rules.fraction(Indicator.ELECTRONIC_RESULTS, 0, 0);

        assertThat(score.points()).isEqualByComparingTo("6");
        assertThat(score.counted()).isFalse();
        assertThat(score.ratio()).isNull();
        assertThat(Index766Rules.satisfaction(0, 0, 0, 0).counted()).isFalse();
        assertThat(Index766Rules.satisfaction(0, 0, 0, 0).points()).isEqualByComparingTo("6");
    }

    @Test
    void satisfaction_is_one_minus_the_late_and_complaint_rates_with_full_points_at_ninety_percent() {
        // 1 − 20/100 − 5/100 = 0.75; 6 × 0.75 / 0.9 = 5
        Score score = Index766Rules.satisfaction(20, 100, 5, 100);
        assertScore(score, "5.00", "1.00", "0.7500");
        assertThat(score.numerator()).isNull();
        assertThat(score.deductions()).extracting(Index766Rules.Deduction::name, Index766Rules.Deduction::numerator,
                        Index766Rules.Deduction::denominator)
                .containsExactly(tuple("LATE", 20L, 100L),
                        tuple("COMPLAINTS", 5L, 100L));
        // 1 − 1/3 − 1/7 = 11/21 = 0.5238…; 6 × (11/21) / 0.9 = 3.4920… → 3.49
        assertScore(Index766Rules.satisfaction(1, 3, 1, 7), "3.49", "2.51", "0.5238");
        // 1 − 3/120 − 2/200 = 0.965 ≥ 0.9: full points
        assertScore(Index766Rules.satisfaction(3, 120, 2, 200), "6.00", "0.00", "0.9650");
        // 1 − 5/5 − 3/4 = −0.75: no points, never fewer than none
        assertScore(Index766Rules.satisfaction(5, 5, 3, 4), "0.00", "6.00", "-0.7500");
        // nothing ended: the late rate is 0; 1 − 0 − 1/2 = 0.5; 6 × 0.5 / 0.9 = 3.3333… → 3.33
        assertScore(Index766Rules.satisfaction(0, 0, 1, 2), "3.33", "2.67", "0.5000");
        assertThat(Index766Rules.satisfaction(0, 0, 1, 2).deductions().get(0).ratio()).isNull();
    }

    @Test
    void group_and_total_points_are_sums_of_rounded_points_so_they_add_up() {
        // 3.33 + 3.33 + 3.33 = 9.99, not 10 × 1/3 … rounded once
        List<BigDecimal> thirds = List.of(new BigDecimal("3.33"), new BigDecimal("3.33"), new BigDecimal("3.33"));
        assertThat(Index766Rules.sum(thirds)).isEqualTo(new BigDecimal("9.99"));
    }

    @Test
    void commune_level_units_are_scored_on_commune_procedures_and_provincial_units_on_the_others() {
        assertThat(Index766Rules.communeLevel(UnitKind.WARD)).isTrue();
        assertThat(Index766Rules.communeLevel(UnitKind.SPECIAL_ZONE)).isTrue();
        assertThat(Index766Rules.communeLevel(UnitKind.DEPARTMENT)).isFalse();
        assertThat(Index766Rules.inTier("COMMUNE", true)).isTrue();
        assertThat(Index766Rules.inTier("PROVINCE", true)).isFalse();
        assertThat(Index766Rules.inTier("PROVINCE", false)).isTrue();
    }

    @Test
    void a_numerator_above_its_denominator_is_a_fault_not_a_score() {
        assertThatThrownBy(() -> Index766Rules.fraction(Indicator.RATINGS, 3, 2))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void assertScore(Score score, String points, String pointsLost, String ratio) {
        assertThat(score.points()).as("points").isEqualTo(new BigDecimal(points));
        assertThat(score.pointsLost()).as("points lost").isEqualTo(new BigDecimal(pointsLost));
        assertThat(score.ratio()).as("ratio").isEqualTo(new BigDecimal(ratio));
        assertThat(score.counted()).isTrue();
    }
}
