package vn.province.govtrack.query.personnel;

import vn.province.govtrack.kernel.unit.UnitKind;

/** A registered unit as the personnel reports name it. */
record UnitRecord(String code, String name, UnitKind kind) {
}
