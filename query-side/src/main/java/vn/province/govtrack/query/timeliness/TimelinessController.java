package vn.province.govtrack.query.timeliness;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.query.projection.KnownAt;
import vn.province.govtrack.query.projection.ProjectionQuery;
import vn.province.govtrack.query.web.CsvReport;
import vn.province.govtrack.query.web.QueryParameters;
import vn.province.govtrack.web.ProblemType;

/**
 * The progress indicator of the national service-quality index, for any period of local dates.
 *
 * <p>{@code from} and {@code to} are dates ({@code YYYY-MM-DD}) in the business time zone, both
 * included; absent, {@code to} is today and {@code from} the first day of {@code to}'s month. See
 * {@link TimelinessRow} for what each count means and {@link TimelinessIndex} for the unit a count
 * is attributed to. Answered from this instance's index, so read-your-writes waits for its position.
 *
 * <p>{@code knownAt} (an ISO-8601 instant with offset, not in the future) answers as the store knew it
 * then: from the events it had recorded by that instant, backdated ones recorded later left out, the
 * body exactly the one the same request had then ({@link KnownAt}). {@code from} and {@code to} remain
 * business dates.
 */
@Tag(name = "timeliness", description = "On-time figures and the unit ranking for a period")
@RestController
@RequestMapping("/api/v1/timeliness")
class TimelinessController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
                                                                   .withResolverStyle(ResolverStyle.STRICT);

    /** The grouping by day of the period, for charts of a month: not a counting key of the index. */
    private static final String DAY = "day";

    /** The longest period answered by day: a year, a leap day included. */
    private static final int MAX_DAYS = 366;
    /**
     * The longest period answered by day as the store knew it at {@code knownAt}: a month. Each day's report
     * then goes over every dossier changed since, all under the index's read lock, which holds the index's
     * writer up meanwhile.
     */
    private static final int MAX_DAYS_KNOWN_AT = 31;

    private static final String GROUP_BY = "unit, field or procedure: one row per key with something counted; day: "
                                           + "one row per day of the period (at most " + MAX_DAYS + ", or "
                                           + MAX_DAYS_KNOWN_AT + " with knownAt), keyed "
                                           + "YYYY-MM-DD, each the report of that day alone (pending and overdue at "
                                           + "its end), the total the report of the period";

    private static final String KNOWN_AT = "ISO-8601 instant with offset; the report as the store knew it then "
                                           + "(recorded time); from/to remain business dates";

    private final TimelinessIndex index;
    private final Clock clock;

    TimelinessController(TimelinessIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    /**
     * @param periodStart the period's first instant
     * @param periodEnd   the instant just after the period (midnight closing {@code to}), at which
     *                    pending and overdue are judged
     * @param total       the sum of {@code rows}
     */
    @CsvReport
    @Schema(example = """
            {"groupBy": "unit", "from": "2025-07-01", "to": "2025-07-31",
            "periodStart": "2025-07-01T00:00:00+07:00", "periodEnd": "2025-08-01T00:00:00+07:00",
            "rows": [{"key": "PH-02", "received": 4, "resolved": 3, "early": 2, "onTime": 1, "late": 0,
            "pending": 1, "overdue": 0, "onTimeRate": 1.0, "avgProcessingDays": 0.64, "progressScore": 20.0,
            "maxScore": 20}], "total": {"key": "PROVINCE", "received": 190, "resolved": 160, "early": 106,
            "onTime": 50, "late": 4, "pending": 30, "overdue": 18, "onTimeRate": 0.975,
            "avgProcessingDays": 1.17, "progressScore": 19.5, "maxScore": 20}}""")
    record Report(String groupBy, LocalDate from, LocalDate to, String unitCode, OffsetDateTime periodStart,
                  OffsetDateTime periodEnd, List<TimelinessRow> rows, TimelinessRow total) {
    }

    @CsvReport
    @Schema(example = """
            {"from": "2025-07-01", "to": "2025-07-31", "periodStart": "2025-07-01T00:00:00+07:00",
            "periodEnd": "2025-08-01T00:00:00+07:00", "units": [{"rank": 1, "unitCode": "PH-11",
            "onTimeRate": 1.0, "progressScore": 20.0, "received": 6, "resolved": 6, "early": 5, "onTime": 1,
            "late": 0, "pending": 0, "overdue": 0, "avgProcessingDays": 1.27}]}""")
    record UnitRanking(LocalDate from, LocalDate to, OffsetDateTime periodStart, OffsetDateTime periodEnd,
                       List<Ranking.RankedUnit> units) {
    }

    /**
     * Rows by {@code groupBy} (unit, field or procedure; default unit), optionally for one unit only, and their
     * total; or, with {@code groupBy=day}, one row per day of the period ({@link TimelinessIndex#figuresByDay}),
     * for charts by day in one call.
     *
     * @param knownAt ISO-8601 instant with offset; the report as the store knew it then (recorded time);
     *                {@code from}/{@code to} remain business dates. Read by {@link KnownAt}.
     */
    @GetMapping
    @Operation(summary = "On-time figures for a period, by unit, field or procedure, with the province's total")
    @ProjectionQuery(value = TimelinessIndexProjection.PROCESSING_GROUP, knownAt = true)
    Report report(@Parameter(description = GROUP_BY) @RequestParam(defaultValue = "unit")
                  @Size(max = QueryParameters.MAX_TIME) String groupBy,
                  @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String from,
                  @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String to,
                  @RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String unitCode,
                  @Parameter(description = KNOWN_AT) @RequestParam(required = false)
                  @Size(max = QueryParameters.MAX_TIME) String knownAt,
                  HttpServletRequest request) {
        boolean byDay = DAY.equalsIgnoreCase(groupBy.trim());
        GroupBy grouping = byDay ? null : GroupBy.parse(groupBy).orElseThrow(() -> ProblemType.INVALID_INPUT.exception(
                "groupBy must be unit, field, procedure or day; got '" + groupBy + "'"));
        Period period = period(from, to);
        String unit = unitCode == null || unitCode.isBlank() ? null : unitCode.trim();
        TimelinessFigures figures;
        if (byDay) {
            int maxDays = KnownAt.position(request).isPresent() ? MAX_DAYS_KNOWN_AT : MAX_DAYS;
            if (period.to().toEpochDay() - period.from().toEpochDay() >= maxDays) {
                throw ProblemType.INVALID_INPUT.exception("groupBy=day answers periods of at most " + maxDays
                        + " days" + (maxDays == MAX_DAYS_KNOWN_AT ? " with knownAt" : "") + "; from "
                        + period.from() + " to " + period.to() + " is longer");
            }
            figures = index.figuresByDay(period, unit, KnownAt.position(request));
        } else {
            figures = index.figures(period, grouping, unit, KnownAt.position(request));
        }
        return new Report(byDay ? DAY : grouping.name().toLowerCase(Locale.ROOT), period.from(), period.to(), unit,
                inZone(period.start()), inZone(period.end()), figures.rows(), figures.total());
    }

    /**
     * Every unit with something counted in the period, ranked as {@link Ranking} says.
     *
     * @param knownAt ISO-8601 instant with offset; the ranking as the store knew it then (recorded time);
     *                {@code from}/{@code to} remain business dates. Read by {@link KnownAt}.
     */
    @GetMapping("/ranking")
    @Operation(summary = "Units ranked by their on-time rate for a period")
    @ProjectionQuery(value = TimelinessIndexProjection.PROCESSING_GROUP, knownAt = true)
    UnitRanking ranking(@RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String from,
                        @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String to,
                        @Parameter(description = KNOWN_AT) @RequestParam(required = false)
                  @Size(max = QueryParameters.MAX_TIME) String knownAt,
                        HttpServletRequest request) {
        Period period = period(from, to);
        TimelinessFigures figures = index.figures(period, GroupBy.UNIT, null, KnownAt.position(request));
        return new UnitRanking(period.from(), period.to(), inZone(period.start()), inZone(period.end()),
                Ranking.of(figures.tallies()));
    }

    private Period period(String from, String to) {
        LocalDate last = isAbsent(to) ? LocalDate.now(clock) : date("to", to);
        LocalDate first = isAbsent(from) ? last.withDayOfMonth(1) : date("from", from);
        if (first.isAfter(last)) {
            throw ProblemType.INVALID_INPUT.exception("from (" + first + ") must not be after to (" + last + ")");
        }
        return Period.of(first, last, clock.getZone());
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.trim(), DATE);
        } catch (DateTimeParseException e) {
            throw ProblemType.INVALID_INPUT.exception(
                    name + " must be a date YYYY-MM-DD, e.g. 2025-07-16; got '" + value + "'");
        }
    }

    private OffsetDateTime inZone(Instant instant) {
        return instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
