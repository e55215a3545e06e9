package vn.province.govtrack.query.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.province.govtrack.kernel.unit.UnitKind;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A unit as API clients look it up: its code, name and kind, when it was dissolved, and the staffing
 * quotas set for it, in the order they were set.
 *
 * @param dissolvedOn the first day the unit no longer exists; null while no dissolution is recorded
 */
@Schema(example = """
        {"code": "XA-001", "name": "Xã Nam Hòa", "kind": "COMMUNE",
        "quotas": [{"field": "LAND_ADMINISTRATION", "positions": 3, "effectiveDate": "2025-07-01",
        "decisionNo": "1520/QĐ-UBND"}]}""")
record UnitReference(String code, String name, UnitKind kind, LocalDate dissolvedOn, List<Quota> quotas) {

    /**
     * {@code positions} in {@code field} from {@code effectiveDate} on, by decision {@code decisionNo}
     * (null when none was given); replaces the earlier quota of that field from that day.
     */
    record Quota(String field, int positions, LocalDate effectiveDate, String decisionNo) {
    }

    static UnitReference unknown(String code) {
        return new UnitReference(code, null, null, null, List.of());
    }

    UnitReference registered(String name, UnitKind kind) {
        return new UnitReference(code, name, kind, dissolvedOn, quotas);
    }

    UnitReference dissolvedFrom(LocalDate day) {
        return new UnitReference(code, name, kind, day, quotas);
    }

    UnitReference withQuota(Quota quota) {
        List<Quota> next = new ArrayList<>(quotas);
        next.add(quota);
        return new UnitReference(code, name, kind, dissolvedOn, List.copyOf(next));
    }
}
