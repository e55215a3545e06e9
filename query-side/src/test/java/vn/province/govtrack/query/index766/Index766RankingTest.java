package vn.province.govtrack.query.index766;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.query.index766.Index766Answers.Scores;
import vn.province.govtrack.query.index766.Index766Answers.UnitAnswer;
import vn.province.govtrack.query.index766.Index766Ledger.ScoredUnit;
import vn.province.govtrack.query.index766.ServiceQualityIndex.Ranked;

class Index766RankingTest {

    @Test
    void equal_totals_share_a_rank_in_code_order_and_the_next_rank_skips_and_idle_units_come_last_unranked() {
        List<UnitAnswer> ranking = ServiceQualityIndex.ranked(List.of(
                unit("U-E", "97.00", false),
                unit("U-D", "70.10", true),
                unit("U-C", "80.25", true),
                unit("U-A", "80.25", true),
                unit("U-B", "91.00", true),
                unit("U-0", "99.99", false)));

        assertThat(ranking).extracting(UnitAnswer::rank, UnitAnswer::unitCode, UnitAnswer::score).containsExactly(
                tuple(1, "U-B", 91.0),
                tuple(2, "U-A", 80.25),
                tuple(2, "U-C", 80.25),
                tuple(4, "U-D", 70.1),
                tuple(null, "U-0", 99.99),
                tuple(null, "U-E", 97.0));
    }

    private static Ranked unit(String code, String score, boolean active) {
        return new Ranked(new ScoredUnit(code, "Xã " + code, UnitKind.COMMUNE),
                new Scores(new BigDecimal(score), List.of()), active);
    }
}
