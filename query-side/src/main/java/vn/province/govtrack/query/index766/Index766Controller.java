package vn.province.govtrack.query.index766;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.query.index766.Index766Answers.EvidenceAnswer;
import vn.province.govtrack.query.index766.Index766Answers.EvidenceRowAnswer;
import vn.province.govtrack.query.index766.Index766Answers.IndexAnswer;
import vn.province.govtrack.query.index766.Index766Answers.RankingAnswer;
import vn.province.govtrack.query.index766.Index766Ledger.EvidenceRow;
import vn.province.govtrack.query.index766.Index766Ledger.ScoredUnit;
import vn.province.govtrack.query.index766.Index766Rules.Indicator;
import vn.province.govtrack.query.projection.KnownAt;
import vn.province.govtrack.query.projection.ProjectionQuery;
import vn.province.govtrack.query.timeliness.MonthlyProgress;
import vn.province.govtrack.query.web.Paging;
import vn.province.govtrack.query.web.QueryParameters;
import vn.province.govtrack.query.web.UnitScope;
import vn.province.govtrack.security.Caller;
import vn.province.govtrack.web.ProblemType;

/**
 * The national service-quality index (Decision 766) of one calendar month in the business zone, out of 100
 * points in five groups, for the province and each unit, with the counts behind every indicator
 * (docs/index-766.md). Answered from this instance's {@link Index766Ledger} and timeliness index, so
 * read-your-writes waits for both.
 *
 * <p>{@code knownAt} (an ISO-8601 instant with offset, not in the future) answers as the store knew it then,
 * from the events it had recorded by that instant ({@link KnownAt}), feedback judged past due as of that
 * instant: the answer asked then, byte for byte.
 */
@Tag(name = "index-766", description = "The national service-quality index: five groups, 100 points, per unit "
                                      + "and month, and the evidence behind each indicator")
@RestController
@RequestMapping("/api/v1/index-766")
class Index766Controller {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT)
                                                                    .withResolverStyle(ResolverStyle.STRICT);

    private static final String PERIOD = "The month, YYYY-MM, in the business zone (Asia/Ho_Chi_Minh); required";
    private static final String KNOWN_AT = "ISO-8601 instant with offset, not in the future; the index as the store "
                                           + "knew it then (recorded time), feedback judged past due as of then";

    private final ServiceQualityIndex index;
    private final Index766Ledger ledger;
    private final Clock clock;

    Index766Controller(ServiceQualityIndex index, Index766Ledger ledger, Clock clock) {
        this.index = index;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The province's score, groups and indicators; with {@code groupBy=unit} every scored unit's, in rank order. */
    @GetMapping
    @Operation(summary = "The national service-quality index of a month: the province's 100-point score, its five "
                         + "groups and their inputs, and with groupBy=unit each unit's")
    @ProjectionQuery(value = {Index766Projection.PROCESSING_GROUP, MonthlyProgress.PROCESSOR}, knownAt = true)
    IndexAnswer index(@Parameter(description = PERIOD) @RequestParam(required = false)
                      @Size(max = QueryParameters.MAX_TIME) String period,
                      @Parameter(description = "unit: add every scored unit, in rank order; absent: the province "
                                               + "only") @RequestParam(required = false)
                      @Size(max = QueryParameters.MAX_TIME) String groupBy,
                      @Parameter(description = KNOWN_AT) @RequestParam(required = false)
                      @Size(max = QueryParameters.MAX_TIME) String knownAt,
                      HttpServletRequest request) {
        YearMonth month = month(period);
        boolean byUnit = groupBy != null && !groupBy.isBlank();
        if (byUnit && !"unit".equalsIgnoreCase(groupBy.trim())) {
            throw ProblemType.INVALID_INPUT.exception("groupBy must be unit or absent; got '" + groupBy + "'");
        }
        ServiceQualityIndex.Month scores = index.month(month, KnownAt.position(request), asked(knownAt));
        return new IndexAnswer(month.toString(), Index766Rules.MAX_SCORE, scores.province(),
                byUnit ? scores.units() : null);
    }

    /**
     * Every scored unit ranked on its total: equal totals share a rank (1, 2, 2, 4), in code order; the units
     * that neither received a dossier nor ended the processing of one in the month follow without a rank.
     */
    @GetMapping("/ranking")
    @Operation(summary = "Units ranked on their national index score for a month")
    @ProjectionQuery(value = {Index766Projection.PROCESSING_GROUP, MonthlyProgress.PROCESSOR}, knownAt = true)
    RankingAnswer ranking(@Parameter(description = PERIOD) @RequestParam(required = false)
                          @Size(max = QueryParameters.MAX_TIME) String period,
                          @Parameter(description = KNOWN_AT) @RequestParam(required = false)
                          @Size(max = QueryParameters.MAX_TIME) String knownAt,
                          HttpServletRequest request) {
        YearMonth month = month(period);
        ServiceQualityIndex.Month scores = index.month(month, KnownAt.position(request), asked(knownAt));
        return new RankingAnswer(month.toString(), Index766Rules.MAX_SCORE, scores.units());
    }

    /**
     * What stands behind one indicator's numerator and denominator, in position order, a page at a time: each
     * dossier, payment, rating, feedback, procedure or update counted, with the position of the event that
     * counted it. ON_TIME's dossiers are the timeliness report's (400 here). SERVICE_SATISFACTION's rows are its
     * complaint deduction's: the complaints and the dossiers received; its late deduction is ON_TIME's.
     */
    @GetMapping("/evidence")
    @Operation(summary = "The dossiers, payments, ratings, feedback or procedures behind one indicator of the "
                         + "national index")
    @ProjectionQuery(value = {Index766Projection.PROCESSING_GROUP, MonthlyProgress.PROCESSOR}, knownAt = true)
    EvidenceAnswer evidence(@Parameter(description = PERIOD) @RequestParam(required = false)
                            @Size(max = QueryParameters.MAX_TIME) String period,
                            @Parameter(description = "The indicator, e.g. DIGITISED_DOSSIERS; required")
                            @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String indicator,
                            @Parameter(description = "The unit; absent: the province")
                            @RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String unitCode,
                            @Parameter(description = KNOWN_AT) @RequestParam(required = false)
                            @Size(max = QueryParameters.MAX_TIME) String knownAt,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "100") int size,
                            @AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        YearMonth month = month(period);
        Indicator asked = indicator(indicator);
        Paging paging = Paging.of(page, size);
        if (asked == Indicator.ON_TIME) {
            throw ProblemType.INVALID_INPUT.exception("ON_TIME's dossiers are the timeliness report's: GET "
                    + "/api/v1/timeliness?groupBy=unit&from=" + month.atDay(1) + "&to=" + month.atEndOfMonth()
                    + " and the dossiers behind it at /api/v1/dossiers");
        }
        OptionalLong known = KnownAt.position(request);
        long position = known.orElse(Index766Ledger.PRESENT);
        // the rows name dossiers and feedback, which a clerk or unit head reads for its own unit only
        String unit = UnitScope.unitFilter(caller, unitCode == null || unitCode.isBlank() ? null : unitCode.trim(),
                "evidence");
        ScoredUnit scored = null;
        if (unit != null) {
            scored = ledger.unit(unit, position);
            if (scored == null) {
                throw ProblemType.UNIT_NOT_FOUND.exception("No unit '" + unit + "' is registered"
                        + (known.isPresent() ? " as known at " + knownAt : ""));
            }
        }
        List<EvidenceRow> rows = ledger.evidence(month, asked, unit, position, asked(knownAt),
                scored == null ? null : scored.kind());
        return new EvidenceAnswer(month.toString(), asked.name(), unit,
                rows.stream().filter(EvidenceRow::inNumerator).count(),
                rows.stream().filter(EvidenceRow::inDenominator).count(),
                paging.slice(rows).stream().map(EvidenceRowAnswer::of).toList(), paging.page(), paging.size(),
                rows.size());
    }

    private static YearMonth month(String period) {
        if (period == null || period.isBlank()) {
            throw ProblemType.INVALID_INPUT.exception("period is required: a month YYYY-MM, e.g. 2025-07");
        }
        try {
            return YearMonth.parse(period.trim(), MONTH);
        } catch (DateTimeParseException e) {
            throw ProblemType.INVALID_INPUT.exception("period must be a month YYYY-MM, e.g. 2025-07; got '"
                    + period + "'");
        }
    }

    private static Indicator indicator(String indicator) {
        if (indicator == null || indicator.isBlank()) {
            throw ProblemType.INVALID_INPUT.exception("indicator is required, one of " + List.of(Indicator.values()));
        }
        try {
            return Indicator.valueOf(indicator.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemType.INVALID_INPUT.exception("indicator must be one of " + List.of(Indicator.values())
                    + "; got '" + indicator + "'");
        }
    }

    /** When the question is asked: the {@code knownAt} instant (read-your-writes has checked it), or now. */
    private Instant asked(String knownAt) {
        return knownAt == null || knownAt.isBlank() ? clock.instant()
                : QueryParameters.instant(KnownAt.PARAMETER, knownAt, clock.getZone());
    }
}
