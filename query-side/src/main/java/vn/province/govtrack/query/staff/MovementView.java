package vn.province.govtrack.query.staff;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * One dated movement as the API shows it. Fields that do not apply to the kind are null.
 *
 * @param effectiveDate from when it counts (for a secondment its first day, for its end the first day back)
 * @param unitCode      the unit concerned: the new home unit, the home unit left, the account's unit
 * @param toUnitCode    the host unit of a secondment
 * @param until         a secondment's last day as decided
 * @param detail        the course, the account, the departure's reason, or how a secondment ended
 * @param recordedAt    when the event was recorded, in the business zone
 * @param eventPosition the event's global position (see {@code GET /audit/events})
 * @param actor         who recorded it
 */
public record MovementView(MovementKind kind, LocalDate effectiveDate, String decisionNo, String unitCode,
                           String field, String position, String toUnitCode, String toField, LocalDate until,
                           String detail, OffsetDateTime recordedAt, long eventPosition, String actor) {

    static MovementView of(StaffRecord.Movement m, ZoneId zone) {
        return new MovementView(m.kind(), m.effectiveDate(), m.decisionNo(), m.unitCode(), m.field(), m.position(),
                m.toUnitCode(), m.toField(), m.until(), m.detail(),
                m.recordedAt() == null ? null : m.recordedAt().atZone(zone).toOffsetDateTime(), m.eventPosition(),
                m.actor());
    }
}
