package vn.province.govtrack.simulator.province;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public holidays civil servants had off, as decreed, per year; sent with
 * {@code PUT /calendar/holidays/{year}}. A year not listed here has weekends only.
 */
public final class Holidays {

    /*
     * 2025, as announced for public-sector staff:
     * - Labour Code 2019, art. 112: New Year (1/1), Tết, Hùng Kings' day (10/3 lunar = 7 April 2025),
     *   Reunification Day (30/4), Labour Day (1/5), National Day (2/9 and one adjacent day).
     * - Tết Ất Tỵ: 25 Jan to 2 Feb 2025, nine days in a row (five days of Tết, 27 to 31 Jan, plus two
     *   weekends), approved by the Prime Minister; Government Office announcement of 26 Nov 2024
     *   (SGGP, 27 Nov 2024, "Prime Minister approves 9-day Tet break for 2025").
     * - 30/4 and 1/5: 30 Apr to 4 May 2025, Friday 2 May off in exchange for working Saturday 26 Apr;
     *   National Day: 30 Aug to 2 Sep 2025 (Monday 1 Sep and Tuesday 2 Sep off) — MoLISA's 2025 holiday
     *   plan of 3 Dec 2024 (SGGP, 4 Dec 2024).
     * The API takes days off only, so the make-up working Saturday (26 Apr) cannot be expressed;
     * decreed ranges are listed whole, weekend days included, as the decree states them.
     */
    private static final Map<Integer, List<LocalDate>> DECREED = Map.of(
            2025, concat(
                    List.of(LocalDate.of(2025, 1, 1)),
                    range(LocalDate.of(2025, 1, 25), LocalDate.of(2025, 2, 2)),
                    List.of(LocalDate.of(2025, 4, 7)),
                    range(LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 4)),
                    range(LocalDate.of(2025, 8, 30), LocalDate.of(2025, 9, 2))));

    private Holidays() {
    }

    /** The decreed days off of {@code year}, or empty when this table does not know the year. */
    public static Optional<List<LocalDate>> of(int year) {
        return Optional.ofNullable(DECREED.get(year));
    }

    @SafeVarargs
    private static List<LocalDate> concat(List<LocalDate>... parts) {
        List<LocalDate> all = new ArrayList<>();
        for (List<LocalDate> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }

    private static List<LocalDate> range(LocalDate first, LocalDate last) {
        return first.datesUntil(last.plusDays(1)).toList();
    }
}
