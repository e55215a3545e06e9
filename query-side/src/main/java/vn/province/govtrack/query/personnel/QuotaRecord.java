package vn.province.govtrack.query.personnel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.province.govtrack.kernel.InForce;

/**
 * Every quota ever set for one unit and field, in the order recorded.
 */
record QuotaRecord(String unitCode, String field, List<Quota> quotas) {

    QuotaRecord {
        quotas = quotas == null ? List.of() : List.copyOf(quotas);
    }

    static QuotaRecord initial(String unitCode, String field) {
        return new QuotaRecord(unitCode, field, List.of());
    }

    QuotaRecord plus(Quota quota) {
        List<Quota> longer = new ArrayList<>(quotas);
        longer.add(quota);
        return new QuotaRecord(unitCode, field, longer);
    }

    /**
     * The quota in force on {@code day}: the latest effective on or before it; of two effective the
     * same day, the later recorded.
     */
    Optional<Integer> positionsOn(LocalDate day) {
        return InForce.on(day, quotas, Quota::effectiveDate).map(Quota::positions);
    }

    record Quota(LocalDate effectiveDate, int positions, String decisionNo) {
    }
}
