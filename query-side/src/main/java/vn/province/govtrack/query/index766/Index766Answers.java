package vn.province.govtrack.query.index766;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

import vn.province.govtrack.query.index766.Index766Ledger.EvidenceRow;
import vn.province.govtrack.query.index766.Index766Ledger.ScoredUnit;
import vn.province.govtrack.query.index766.Index766Rules.Deduction;
import vn.province.govtrack.query.index766.Index766Rules.Group;
import vn.province.govtrack.query.index766.Index766Rules.Score;

/** The answers of {@code /api/v1/index-766}: points as numbers with at most 2 decimals, ratios with 4. */
final class Index766Answers {

    private Index766Answers() {
    }

    /**
     * An answer as known at an earlier instant ({@code knownAt}) is the answer given then, byte for byte: the
     * position it was read at is in the {@code X-Known-At-Position} header, as for every report.
     *
     * @param units each scored unit, in rank order; only with {@code groupBy=unit}
     */
    @Schema(example = """
            {"period": "2025-07", "maxScore": 100, "province": {"score": 87.35,
            "pointsLost": 12.65, "groups": [{"group": "ONLINE", "maxPoints": 22, "points": 19.5, "pointsLost": 2.5,
            "indicators": [{"indicator": "ONLINE_DOSSIERS", "maxPoints": 10, "points": 10.0, "pointsLost": 0.0,
            "numerator": 620, "denominator": 1000, "ratio": 0.62, "fullAt": 0.5, "counted": true,
            "deductions": null}]}]}}""")
    record IndexAnswer(String period, int maxScore, Scores province,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<UnitAnswer> units) {
    }

    @Schema(example = """
            {"period": "2025-07", "maxScore": 100, "units": [{"rank": 1, "unitCode": "PH-11",
            "unitName": "Phường Hạc Thành", "unitKind": "WARD", "score": 91.2, "pointsLost": 8.8, "groups": []}]}""")
    record RankingAnswer(String period, int maxScore, List<UnitAnswer> units) {
    }

    /**
     * @param numerator   how many rows are in the numerator, over every page
     * @param denominator how many are in the denominator
     * @param total       how many rows in all
     */
    @Schema(example = """
            {"period": "2025-07", "indicator": "DIGITISED_DOSSIERS", "unitCode": "PH-11", "numerator": 1,
            "denominator": 2, "rows": [{"kind": "DOSSIER", "id": "HS-2025-000123", "position": 1043,
            "inNumerator": true, "inDenominator": true}, {"kind": "DOSSIER", "id": "HS-2025-000124",
            "position": 1050, "inNumerator": false, "inDenominator": true}], "page": 0, "size": 100, "total": 2}""")
    record EvidenceAnswer(String period, String indicator, String unitCode, long numerator, long denominator,
                          List<EvidenceRowAnswer> rows, int page, int size, long total) {
    }

    /** @param position the global position of the event that counted it (its last such event) */
    record EvidenceRowAnswer(String kind, String id, long position, boolean inNumerator, boolean inDenominator) {

        static EvidenceRowAnswer of(EvidenceRow row) {
            return new EvidenceRowAnswer(row.kind().name(), row.id(), row.position(), row.inNumerator(),
                    row.inDenominator());
        }
    }

    /** The total of the five groups, and what was lost of the {@value Index766Rules#MAX_SCORE} points. */
    record Scores(double score, double pointsLost, List<GroupAnswer> groups) {

        Scores(BigDecimal score, List<GroupAnswer> groups) {
            this(score.doubleValue(), BigDecimal.valueOf(Index766Rules.MAX_SCORE).subtract(score).doubleValue(),
                 groups);
        }
    }

    /** @param rank null for a unit that neither received a dossier nor ended the processing of one in the month */
    record UnitAnswer(Integer rank, String unitCode, String unitName, String unitKind, double score,
                      double pointsLost, List<GroupAnswer> groups) {

        static UnitAnswer of(Integer rank, ScoredUnit unit, Scores scores) {
            return new UnitAnswer(rank, unit.code(), unit.name(), unit.kind().name(), scores.score(),
                    scores.pointsLost(), scores.groups());
        }
    }

    record GroupAnswer(String group, int maxPoints, double points, double pointsLost,
                       List<IndicatorAnswer> indicators) {

        static GroupAnswer of(Group group, BigDecimal points, List<IndicatorAnswer> indicators) {
            return new GroupAnswer(group.name(), group.maxPoints, points.doubleValue(),
                    BigDecimal.valueOf(group.maxPoints).subtract(points).doubleValue(), indicators);
        }
    }

    /**
     * @param numerator  null for SERVICE_SATISFACTION, which is not one fraction
     * @param ratio      numerator / denominator, or the satisfaction; null when there was nothing to count
     * @param fullAt     the share at which it scores full points; null when proportional
     * @param counted    false when there was nothing to count: full points
     * @param deductions SERVICE_SATISFACTION's LATE and COMPLAINTS; null for the others
     */
    record IndicatorAnswer(String indicator, int maxPoints, double points, double pointsLost, Long numerator,
                           Long denominator, Double ratio, Double fullAt, boolean counted,
                           List<DeductionAnswer> deductions) {

        static IndicatorAnswer of(Score score) {
            return new IndicatorAnswer(score.indicator().name(), score.indicator().maxPoints,
                    score.points().doubleValue(), score.pointsLost().doubleValue(), score.numerator(),
                    score.denominator(), score.ratio() == null ? null : score.ratio().doubleValue(),
                    score.indicator().fullAt() == null ? null : score.indicator().fullAt().doubleValue(),
                    score.counted(), score.deductions() == null ? null
                            : score.deductions().stream().map(DeductionAnswer::of).toList());
        }
    }

    record DeductionAnswer(String name, long numerator, long denominator, Double ratio) {

        static DeductionAnswer of(Deduction deduction) {
            return new DeductionAnswer(deduction.name(), deduction.numerator(), deduction.denominator(),
                    deduction.ratio() == null ? null : deduction.ratio().doubleValue());
        }
    }
}
