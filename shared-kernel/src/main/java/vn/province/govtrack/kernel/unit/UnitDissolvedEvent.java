package vn.province.govtrack.kernel.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * Unit {@code code} is dissolved from {@code effectiveDate} on (the first day it no longer exists)
 * by decision {@code decisionNo}. Nothing moves into it on or after that day; what it did before
 * stays in its history and in the reports of earlier days.
 */
@Revision("1")
public record UnitDissolvedEvent(String code, LocalDate effectiveDate, String decisionNo) implements BusinessEvent {

    /** The start of {@code effectiveDate}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return BusinessEvent.startOf(effectiveDate, businessZone);
    }
}
