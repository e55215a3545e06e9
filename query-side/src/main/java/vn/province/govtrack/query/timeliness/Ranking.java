package vn.province.govtrack.query.timeliness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Units ranked by on-time rate, highest first, compared exactly as fractions (not as rounded rates).
 *
 * <p>Equal rates share a rank and the next rank skips accordingly (1, 2, 2, 4); within a tie, units
 * are listed by more dossiers resolved first, then by unit code. Units that resolved nothing in the
 * period have no rate: they follow the ranked units without a rank, by dossiers received, then code.
 */
final class Ranking {

    private Ranking() {
    }

    /**
     * @param rank       null for a unit without a rate
     * @param onTimeRate see {@link TimelinessRow#onTimeRate()}; so are the other counts
     */
    record RankedUnit(Integer rank, String unitCode, Double onTimeRate, Double progressScore, long received,
                      long resolved, long early, long onTime, long late, long pending, long overdue,
                      Double avgProcessingDays) {
    }

    static List<RankedUnit> of(Map<String, Tally> tallyByUnit) {
        List<Map.Entry<String, Tally>> rated = new ArrayList<>();
        List<Map.Entry<String, Tally>> unrated = new ArrayList<>();
        for (Map.Entry<String, Tally> unit : tallyByUnit.entrySet()) {
            (unit.getValue().resolved > 0 ? rated : unrated).add(unit);
        }
        rated.sort(Comparator.<Map.Entry<String, Tally>, Tally>comparing(Map.Entry::getValue, Ranking::byRateDescending)
                             .thenComparing(unit -> unit.getValue().resolved, Comparator.reverseOrder())
                             .thenComparing(Map.Entry::getKey));
        unrated.sort(Comparator.<Map.Entry<String, Tally>, Long>comparing(unit -> unit.getValue().received,
                                       Comparator.reverseOrder())
                               .thenComparing(Map.Entry::getKey));
        List<RankedUnit> ranking = new ArrayList<>(tallyByUnit.size());
        int rank = 0;
        for (int i = 0; i < rated.size(); i++) {
            if (i == 0 || byRateDescending(rated.get(i - 1).getValue(), rated.get(i).getValue()) != 0) {
                rank = i + 1;
            }
            ranking.add(ranked(rank, rated.get(i)));
        }
        unrated.forEach(unit -> ranking.add(ranked(null, unit)));
        return ranking;
    }

    /** a/b against c/d as a·d against c·b: exact, and both denominators are positive. */
    private static int byRateDescending(Tally first, Tally second) {
        return Long.compare(second.inTime() * first.resolved, first.inTime() * second.resolved);
    }

    private static RankedUnit ranked(Integer rank, Map.Entry<String, Tally> unit) {
        TimelinessRow row = TimelinessRow.of(unit.getKey(), unit.getValue());
        return new RankedUnit(rank, row.key(), row.onTimeRate(), row.progressScore(), row.received(), row.resolved(),
                row.early(), row.onTime(), row.late(), row.pending(), row.overdue(), row.avgProcessingDays());
    }
}
