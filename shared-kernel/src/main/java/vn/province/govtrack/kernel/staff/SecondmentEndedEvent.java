package vn.province.govtrack.kernel.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * Secondment {@code secondmentNo} is over: from {@code endedOn} the staff member is back at the home
 * unit (or, for {@link SecondmentEndReason#DEPARTED}, out of service). When the secondment expired,
 * {@code endedOn} is the day after its {@code until}; an {@code endedOn} on or before its
 * {@code from} means it never took effect.
 *
 * @param decisionNo null when the secondment {@link SecondmentEndReason#EXPIRED}
 */
@Revision("1")
public record SecondmentEndedEvent(String staffId, int secondmentNo, String toUnitCode, LocalDate endedOn,
                                   SecondmentEndReason reason, String decisionNo) implements StaffEvent {

    /** The start of {@code endedOn}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return BusinessEvent.startOf(endedOn, businessZone);
    }
}
