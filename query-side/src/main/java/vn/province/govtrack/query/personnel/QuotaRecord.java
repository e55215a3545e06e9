package vn.province.govtrack.query.personnel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.province.govtrack.kernel.InForce;

/**
 * Every quota ever set for one unit and field, in the order recorded. A decision is never removed: a
 * later one in force from the same day or earlier supersedes it on the days after, so the record as known
 * at a position is the decisions recorded up to it ({@link #knownAt}).
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

    /**
     * The record as the events up to {@code position} left it: the decisions recorded by then.
     *
     * @param storedPosition the document's last position, taken as the recording position of a decision
     *                       stored before decisions carried theirs
     */
    QuotaRecord knownAt(long position, long storedPosition) {
        return new QuotaRecord(unitCode, field, quotas.stream()
                .filter(quota -> (quota.knownFrom() == null ? storedPosition : quota.knownFrom()) <= position)
                .toList());
    }

    /** @param knownFrom the position of the event that recorded the decision; null in documents stored before */
    record Quota(LocalDate effectiveDate, int positions, String decisionNo, Long knownFrom) {

        Quota(LocalDate effectiveDate, int positions, String decisionNo) {
            this(effectiveDate, positions, decisionNo, null);
        }
    }
}
