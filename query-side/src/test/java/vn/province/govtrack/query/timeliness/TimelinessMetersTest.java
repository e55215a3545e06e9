package vn.province.govtrack.query.timeliness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.ZONE;

/**
 * The meters of the month the dashboard opens on: the hand-made province's July 2025, found from a
 * later year, with the numbers the timeliness report gives for that month.
 */
class TimelinessMetersTest {

    private final TimelinessIndex index = new TimelinessIndex(ZONE);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private long position;

    @Test
    void with_nothing_received_no_series_is_registered() {
        TimelinessMeters meters = meters(LocalDate.of(2026, 12, 3));

        meters.check();

        assertThat(meters.latestMonthWithReceipts()).isEmpty();
        assertThat(registry.find(TimelinessMeters.DOSSIERS).gauges()).isEmpty();
    }

    @Test
    void the_latest_month_with_receipts_is_found_in_an_earlier_year_and_its_figures_are_the_reports() {
        for (Map.Entry<String, List<Object>> stream : HandMadeProvince.streams().entrySet()) {
            stream.getValue().forEach(event -> index.apply(stream.getKey(), ++position, event));
        }
        TimelinessMeters meters = meters(LocalDate.of(2026, 12, 3));

        meters.check();

        assertThat(meters.latestMonthWithReceipts()).contains(YearMonth.of(2025, 7));
        TimelinessFigures july = index.figures(Period.of(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31), ZONE),
                                               GroupBy.UNIT, null);
        assertThat(july.total().received()).isPositive();
        for (TimelinessRow row : concat(july.rows(), july.total())) {
            assertThat(dossiers(row.key(), "received")).as(row.key()).isEqualTo(row.received());
            assertThat(dossiers(row.key(), "resolved")).as(row.key()).isEqualTo(row.resolved());
            assertThat(dossiers(row.key(), "on_time")).as(row.key()).isEqualTo(row.onTime());
            assertThat(dossiers(row.key(), "late")).as(row.key()).isEqualTo(row.late());
            assertThat(dossiers(row.key(), "overdue")).as(row.key()).isEqualTo(row.overdue());
            Gauge rate = registry.find(TimelinessMeters.ON_TIME_RATE).tags("period", "2025-07", "unit", row.key())
                                 .gauge();
            if (row.onTimeRate() == null) {
                assertThat(rate).as(row.key()).isNull();
            } else {
                assertThat(rate.value()).as(row.key()).isEqualTo(row.onTimeRate());
            }
        }
        assertThat(registry.find(TimelinessMeters.DOSSIERS).tag("unit", "PROVINCE").gauges())
                .hasSize(7).allSatisfy(gauge -> assertThat(gauge.getId().getTag("period")).isEqualTo("2025-07"));
    }

    @Test
    void a_new_month_with_receipts_replaces_the_old_months_series() {
        for (Map.Entry<String, List<Object>> stream : HandMadeProvince.streams().entrySet()) {
            stream.getValue().forEach(event -> index.apply(stream.getKey(), ++position, event));
        }
        TimelinessMeters meters = meters(LocalDate.of(2025, 7, 20));
        meters.check();
        assertThat(registry.find(TimelinessMeters.DOSSIERS).tag("period", "2025-07").gauges()).isNotEmpty();

        index.forgetTouchedAfter(0);
        meters.check();

        assertThat(registry.find(TimelinessMeters.DOSSIERS).gauges()).isEmpty();
    }

    private TimelinessMeters meters(LocalDate today) {
        Clock clock = Clock.fixed(ZonedDateTime.of(today.atTime(10, 0), ZONE).toInstant(), ZONE);
        return new TimelinessMeters(index, clock, registry, Duration.ofSeconds(15));
    }

    private double dossiers(String unit, String measure) {
        return registry.get(TimelinessMeters.DOSSIERS).tags("period", "2025-07", "unit", unit, "measure", measure)
                       .gauge().value();
    }

    private static List<TimelinessRow> concat(List<TimelinessRow> rows, TimelinessRow total) {
        return java.util.stream.Stream.concat(rows.stream(), java.util.stream.Stream.of(total)).toList();
    }
}
