package vn.province.govtrack.query.index766;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import vn.province.govtrack.query.index766.Index766Answers.GroupAnswer;
import vn.province.govtrack.query.index766.Index766Answers.IndicatorAnswer;
import vn.province.govtrack.query.index766.Index766Answers.Scores;
import vn.province.govtrack.query.index766.Index766Answers.UnitAnswer;
import vn.province.govtrack.query.index766.Index766Ledger.MonthCounts;
import vn.province.govtrack.query.index766.Index766Ledger.ProcedureFigures;
import vn.province.govtrack.query.index766.Index766Ledger.ScoredUnit;
import vn.province.govtrack.query.index766.Index766Rules.Group;
import vn.province.govtrack.query.index766.Index766Rules.Indicator;
import vn.province.govtrack.query.index766.Index766Rules.Input;
import vn.province.govtrack.query.index766.Index766Rules.Score;
import vn.province.govtrack.query.timeliness.MonthlyProgress;
import vn.province.govtrack.query.timeliness.MonthlyProgress.Verdicts;

/**
 * The national index of a month, for the province and each unit: the ledger's counts and the timeliness
 * index's verdicts, scored by {@link Index766Rules}, and the units ranked on their totals.
 *
 * <p>As known at a position, both sources answer as of that position, so the answer is the one asked then;
 * read-your-writes has awaited both positions (the endpoints name both processors). Asked plainly, each
 * answers from what it has processed, which {@code minPosition} bounds for both.
 */
@Component
class ServiceQualityIndex {

    private final Index766Ledger ledger;
    private final MonthlyProgress progress;
    ServiceQualityIndex(Index766Ledger ledger, MonthlyProgress progress) {
        this.ledger = ledger;
        this.progress = progress;
    }

    /**
     * The month's scores, as known at {@code knownAt} (absent: the present), feedback judged as of
     * {@code asked}.
     *
     * @return the province's scores and every scored unit's, in rank order
     */
    Month month(YearMonth month, OptionalLong knownAt, Instant asked) {
        MonthlyProgress.Month verdicts = progress.of(month, knownAt);
        MonthCounts counts = ledger.counts(month, knownAt.orElse(Index766Ledger.PRESENT), asked);
        Scores province = scores(counts.provinceInputs(), counts.provinceFeedback(), counts.province(),
                verdicts.province());
        List<Ranked> units = new ArrayList<>();
        long[] noInputs = new long[Input.values().length];
        long[] noFeedback = new long[2];
        for (ScoredUnit unit : counts.units()) {
            Verdicts unitVerdicts = verdicts.of(unit.code());
            ProcedureFigures procedures = Index766Rules.communeLevel(unit.kind()) ? counts.communeTier()
                    : counts.provincialTier();
            Scores scores = scores(counts.inputs().getOrDefault(unit.code(), noInputs),
                    counts.feedbackByUnit().getOrDefault(unit.code(), noFeedback), procedures, unitVerdicts);
            units.add(new Ranked(unit, scores, unitVerdicts.received() > 0 || unitVerdicts.ended() > 0));
        }
        return new Month(province, ranked(units));
    }

    /**
     * Ranked on the total, highest first: equal totals share a rank and the next rank skips (1, 2, 2, 4), equal
     * totals in code order; the units without a dossier received or ended in the month follow, unranked, in
     * code order.
     */
    static List<UnitAnswer> ranked(List<Ranked> units) {
        List<Ranked> ranked = units.stream().filter(Ranked::active)
                                   .sorted(Comparator.comparingDouble((Ranked unit) -> -unit.scores.score())
                                                     .thenComparing(unit -> unit.unit.code()))
                                   .toList();
        List<UnitAnswer> answers = new ArrayList<>();
        int rank = 0;
        double previous = Double.NaN;
        for (int i = 0; i < ranked.size(); i++) {
            Ranked unit = ranked.get(i);
            // scores are sums of 2-decimal points: equal totals are equal doubles
            if (unit.scores.score() != previous) {
                rank = i + 1;
                previous = unit.scores.score();
            }
            answers.add(UnitAnswer.of(rank, unit.unit, unit.scores));
        }
        units.stream().filter(unit -> !unit.active()).sorted(Comparator.comparing(unit -> unit.unit.code()))
             .forEach(unit -> answers.add(UnitAnswer.of(null, unit.unit, unit.scores)));
        return answers;
    }

    /** Every indicator of one unit or the province, scored, in groups. */
    static Scores scores(long[] inputs, long[] feedback, ProcedureFigures procedures, Verdicts verdicts) {
        List<GroupAnswer> groups = new ArrayList<>();
        List<BigDecimal> groupPoints = new ArrayList<>();
        for (Group group : Group.values()) {
            List<Score> scores = group.indicators().stream()
                                      .map(indicator -> score(indicator, inputs, feedback, procedures, verdicts))
                                      .toList();
            BigDecimal points = Index766Rules.sum(scores.stream().map(Score::points).toList());
            groupPoints.add(points);
            groups.add(GroupAnswer.of(group, points, scores.stream().map(IndicatorAnswer::of).toList()));
        }
        return new Scores(Index766Rules.sum(groupPoints), groups);
    }

    private static Score score(Indicator indicator, long[] inputs, long[] feedback, ProcedureFigures procedures,
                               Verdicts verdicts) {
        if (indicator.fromLedger()) {
            return Index766Rules.fraction(indicator, inputs[indicator.numerator.ordinal()],
                    inputs[indicator.denominator.ordinal()]);
        }
        return switch (indicator) {
            case PUBLISHED_ON_TIME -> Index766Rules.fraction(indicator, procedures.publishedOnTime,
                    procedures.inScope);
            case UPDATED_ON_TIME -> Index766Rules.fraction(indicator, procedures.updatesOnTime, procedures.updates);
            case CONTENT_COMPLETE -> Index766Rules.fraction(indicator, procedures.complete, procedures.inScope);
            case PROCEDURES_ONLINE -> Index766Rules.fraction(indicator, procedures.online, procedures.inScope);
            case ON_TIME -> Index766Rules.fraction(indicator, verdicts.inTime(), verdicts.ended());
            case FEEDBACK_ON_TIME -> Index766Rules.fraction(indicator, feedback[0], feedback[1]);
            case SERVICE_SATISFACTION -> Index766Rules.satisfaction(verdicts.late(), verdicts.ended(),
                    inputs[Input.COMPLAINTS.ordinal()], inputs[Input.RECEIVED.ordinal()]);
            default -> throw new IllegalStateException(indicator + " is counted from the ledger");
        };
    }

    /** The month's scores: the province's, and each scored unit's in rank order. */
    record Month(Scores province, List<UnitAnswer> units) {
    }

    /** @param active whether it received or ended a dossier in the month: only those are ranked */
    record Ranked(ScoredUnit unit, Scores scores, boolean active) {
    }
}
