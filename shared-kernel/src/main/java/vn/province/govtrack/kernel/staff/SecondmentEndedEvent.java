package vn.province.govtrack.kernel.staff;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

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
}
