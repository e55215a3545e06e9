package vn.province.govtrack.kernel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which of a series of decisions, each effective from a date, is in force on a day: the latest effective
 * on or before it; of two effective the same day, the later recorded. One rule for a person's home
 * assignment (the command side decides with it, the query side reports with it) and a unit's quota.
 */
public final class InForce {

    private InForce() {
    }

    /**
     * The entry of {@code recorded} (in the order recorded) in force on {@code day}; empty when none is
     * effective yet.
     */
    public static <T> Optional<T> on(LocalDate day, List<T> recorded, Function<? super T, LocalDate> effectiveFrom) {
        T inForce = null;
        LocalDate inForceFrom = null;
        for (T entry : recorded) {
            LocalDate from = effectiveFrom.apply(entry);
            if (!from.isAfter(day) && (inForceFrom == null || !from.isBefore(inForceFrom))) {
                inForce = entry;
                inForceFrom = from;
            }
        }
        return Optional.ofNullable(inForce);
    }
}
