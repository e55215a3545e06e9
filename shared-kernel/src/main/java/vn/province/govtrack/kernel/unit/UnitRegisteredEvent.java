package vn.province.govtrack.kernel.unit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/** A unit exists from now on under {@code code}. */
@Revision("1")
public record UnitRegisteredEvent(String code, String name, UnitKind kind) implements BusinessEvent {

    /** Empty: it took effect when it was decided, its message's timestamp. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.empty();
    }
}
