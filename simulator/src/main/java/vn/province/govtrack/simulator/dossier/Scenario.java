package vn.province.govtrack.simulator.dossier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What to simulate: {@code dossiers} dossiers submitted over {@code days} days from {@code firstDay}
 * (the demo: 30,000 from 1 July 2025, over 16 days). The history stops at the period's end,
 * leaving what is still open then open.
 */
public record Scenario(long seed, int dossiers, LocalDate firstDay, int days) {

    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_DOSSIERS = 30_000;
    public static final LocalDate DEFAULT_FIRST_DAY = LocalDate.of(2025, 7, 1);
    public static final int DEFAULT_DAYS = 16;

    public Scenario {
        if (dossiers < 0) {
            throw new IllegalArgumentException("dossiers must not be negative: " + dossiers);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
    }

    public static Scenario demo() {
        return new Scenario(DEFAULT_SEED, DEFAULT_DOSSIERS, DEFAULT_FIRST_DAY, DEFAULT_DAYS);
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }

    /** The end of the period: midnight after its last day, in the province's zone. */
    public Instant horizon() {
        return firstDay.plusDays(days).atStartOfDay(OfficeHours.ZONE).toInstant();
    }
}
