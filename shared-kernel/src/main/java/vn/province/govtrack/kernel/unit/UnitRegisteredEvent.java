package vn.province.govtrack.kernel.unit;

import org.axonframework.serialization.Revision;

/** A unit exists from now on under {@code code}. */
@Revision("1")
public record UnitRegisteredEvent(String code, String name, UnitKind kind) {
}
