package vn.province.govtrack.query.timeliness;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.province.govtrack.query.projection.PeriodicCheck;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/**
 * The month the dashboard opens on, as meters: the figures {@code GET /api/v1/timeliness?groupBy=unit}
 * answers for the latest month in which dossiers were received, found as the dashboard finds it (the
 * received count per day, a calendar year at a time, over the last {@value #YEARS_BACK} years), so that
 * Prometheus and Grafana show the same numbers as the page.
 *
 * <ul>
 *   <li>{@value #DOSSIERS}, tagged {@code period} (YYYY-MM), {@code unit} (a unit code, or
 *       {@value TimelinessFigures#TOTAL_KEY} for the province) and {@code measure} ({@code received},
 *       {@code resolved}, {@code early}, {@code on_time}, {@code late}, {@code pending}, {@code overdue});</li>
 *   <li>{@value #ON_TIME_RATE}, tagged {@code period} and {@code unit}: the share of resolved dossiers
 *       resolved early or on time, 0 to 1; absent while the unit resolved none.</li>
 * </ul>
 *
 * <p>Read from this instance's timeliness index in memory every {@code govtrack.query.metrics.timeliness-refresh}
 * (15 s): no database read. When the month changes, the old month's series go away. Nothing is registered
 * while no dossier was received in the years looked at.
 */
@Component
class TimelinessMeters extends PeriodicCheck {

    static final String DOSSIERS = "govtrack.timeliness.dossiers";
    static final String ON_TIME_RATE = "govtrack.timeliness.on.time.rate";
    static final int YEARS_BACK = 5;

    private static final List<Measure> MEASURES = List.of(
            new Measure("received", row -> row.received()), new Measure("resolved", row -> row.resolved()),
            new Measure("early", row -> row.early()), new Measure("on_time", row -> row.onTime()),
            new Measure("late", row -> row.late()), new Measure("pending", row -> row.pending()),
            new Measure("overdue", row -> row.overdue()));

    private final TimelinessIndex index;
    private final Clock clock;
    private final MultiGauge dossiers;
    private final MultiGauge onTimeRate;

    TimelinessMeters(TimelinessIndex index, Clock clock, MeterRegistry registry,
                     @Value("${govtrack.query.metrics.timeliness-refresh:15s}") Duration refresh) {
        super("timeliness-meters", refresh);
        this.index = index;
        this.clock = clock;
        this.dossiers = MultiGauge.builder(DOSSIERS)
                                  .description("Dossiers of the latest month with receipts, per unit and province, "
                                               + "as GET /api/v1/timeliness counts them")
                                  .baseUnit("dossiers").register(registry);
        this.onTimeRate = MultiGauge.builder(ON_TIME_RATE)
                                    .description("Share of the month's resolved dossiers resolved early or on time")
                                    .register(registry);
    }

    @Override
    protected void check() {
        Optional<YearMonth> month = latestMonthWithReceipts();
        List<MultiGauge.Row<?>> counts = new ArrayList<>();
        List<MultiGauge.Row<?>> rates = new ArrayList<>();
        month.ifPresent(found -> {
            TimelinessFigures figures = index.figures(
                    Period.of(found.atDay(1), found.atEndOfMonth(), clock.getZone()), GroupBy.UNIT, null);
            List<TimelinessRow> rows = new ArrayList<>(figures.rows());
            rows.add(figures.total());
            for (TimelinessRow row : rows) {
                Tags tags = Tags.of("period", found.toString(), "unit", row.key());
                for (Measure measure : MEASURES) {
                    counts.add(MultiGauge.Row.of(tags.and("measure", measure.name()),
                                                 measure.value().applyAsLong(row)));
                }
                if (row.onTimeRate() != null) {
                    rates.add(MultiGauge.Row.of(tags, row.onTimeRate()));
                }
            }
        });
        dossiers.register(counts, true);
        onTimeRate.register(rates, true);
    }

    /** The latest month, this one or before, in which a dossier was received, within {@value #YEARS_BACK} years. */
    Optional<YearMonth> latestMonthWithReceipts() {
        LocalDate today = LocalDate.now(clock);
        for (int back = 0; back < YEARS_BACK; back++) {
            Year year = Year.from(today).minusYears(back);
            LocalDate to = back == 0 ? today : year.atMonth(12).atEndOfMonth();
            TimelinessFigures days = index.figuresByDay(Period.of(year.atDay(1), to, clock.getZone()), null,
                                                        OptionalLong.empty());
            Optional<String> latest = days.rows().stream().filter(day -> day.received() > 0)
                                          .map(TimelinessRow::key).reduce((first, second) -> second);
            if (latest.isPresent()) {
                return Optional.of(YearMonth.from(LocalDate.parse(latest.get())));
            }
        }
        return Optional.empty();
    }

    private record Measure(String name, ToLongFunction<TimelinessRow> value) {
    }
}
