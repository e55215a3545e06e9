package vn.province.govtrack.query.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.kernel.staff.SecondmentEndReason;
import vn.province.govtrack.query.projection.ProjectionQuery;
import vn.province.govtrack.query.staff.StaffRecord.Assignment;
import vn.province.govtrack.query.staff.StaffRecord.Secondment;
import vn.province.govtrack.query.web.QueryParameters;
import vn.province.govtrack.web.ProblemException;
import vn.province.govtrack.web.ProblemType;

/** A staff member's assignment on a day, and the dated history of movements behind it. */
@Tag(name = "staff", description = "A person's assignment on a day and dated movements")
@RestController
@RequestMapping("/api/v1/staff")
class StaffController {

    /** History in the order movements take effect; among movements of one day, in the order recorded. */
    private static final Comparator<StaffRecord.Movement> BY_EFFECT =
            Comparator.comparing(StaffRecord.Movement::effectiveDate)
                      .thenComparingLong(StaffRecord.Movement::eventPosition);

    private final StaffMembers staffMembers;
    private final Clock clock;

    StaffController(StaffMembers staffMembers, Clock clock) {
        this.staffMembers = staffMembers;
        this.clock = clock;
    }

    /**
     * The assignment on {@code asOf} (YYYY-MM-DD, default today): home unit, field and job position,
     * where the person works that day ({@code secondedTo} while seconded), active accounts, and the
     * movements that take effect after that day. Future-dated movements count from their effective date.
     */
    @GetMapping("/{staffId}")
    @Operation(summary = "A person's assignment on a day: home unit, field, job position and secondment")
    @ProjectionQuery(StaffProjection.PROCESSING_GROUP)
    StaffResponse staff(@PathVariable String staffId,
                        @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String asOf) {
        LocalDate day = BusinessDays.asOf(asOf, clock);
        StaffRecord record = staffMembers.record(staffId).orElseThrow(() -> notFound(staffId));
        Assignment shown = shownAssignment(record, day);
        SecondedTo secondedTo = record.secondmentOn(day).map(SecondedTo::of).orElse(null);
        return new StaffResponse(record.staffId(), record.fullName(), day, record.statusOn(day),
                shown.unitCode(), shown.field(), shown.position(), shown.from(), shown.decisionNo(), secondedTo,
                record.workplaceOn(day).orElse(null),
                record.accounts().stream().filter(account -> account.activeOn(day))
                      .map(account -> new AccountView(account.account(), account.unitCode(), account.provisionedOn()))
                      .toList(),
                record.trainings(), record.departure(),
                record.movements().stream().filter(movement -> movement.effectiveDate().isAfter(day)).sorted(BY_EFFECT)
                      .map(movement -> MovementView.of(movement, clock.getZone())).toList(),
                staffMembers.lastPosition(staffId));
    }

    @GetMapping("/{staffId}/history")
    @Operation(summary = "A person's dated movements, each with its decision number")
    @ProjectionQuery(StaffProjection.PROCESSING_GROUP)
    StaffHistory history(@PathVariable String staffId) {
        StaffRecord record = staffMembers.record(staffId).orElseThrow(() -> notFound(staffId));
        return new StaffHistory(record.staffId(), record.fullName(),
                record.movements().stream().sorted(BY_EFFECT).map(movement -> MovementView.of(movement, clock.getZone()))
                      .toList(),
                staffMembers.lastPosition(staffId));
    }

    /**
     * In service: the assignment in force. Not yet in service: the one the recruitment takes effect
     * with. Departed: the last one held.
     */
    private static Assignment shownAssignment(StaffRecord record, LocalDate day) {
        return record.assignmentOn(day).orElseGet(() -> {
            if (record.departure() != null && !record.departure().effectiveDate().isAfter(day)) {
                return record.assignmentOn(record.departure().effectiveDate().minusDays(1))
                             .orElse(record.assignments().get(record.assignments().size() - 1));
            }
            return record.assignments().get(0);
        });
    }

    private static ProblemException notFound(String staffId) {
        return ProblemType.STAFF_NOT_FOUND.exception("No staff member '" + staffId + "' in the staff projection");
    }

    /**
     * @param status       NOT_YET_IN_SERVICE, IN_SERVICE, SECONDED or DEPARTED on {@code asOf}
     * @param unitCode     the home unit (see {@code status} for which assignment is shown when not in service)
     * @param position     the job position
     * @param assignedFrom the effective date of the assignment shown
     * @param worksAt      the unit the person works at on {@code asOf}; null when not in service
     * @param upcoming     movements taking effect after {@code asOf}
     * @param lastPosition global position of the last event reflected here
     */
    @Schema(example = """
            {"staffId": "CB-SO-08-042", "fullName": "Nguyễn Hữu Toàn", "asOf": "2026-12-03",
            "status": "IN_SERVICE", "unitCode": "SO-08", "field": "FINANCE_PLANNING",
            "position": "Chuyên viên chính tài chính - kế hoạch", "assignedFrom": "2011-07-06",
            "decisionNo": "338/QĐ-SNV", "worksAt": "SO-08", "accounts": [{"account": "toannh.so08",
            "unitCode": "SO-08", "provisionedOn": "2026-12-03"}], "trainings": [], "upcoming": [],
            "lastPosition": 10533}""")
    record StaffResponse(String staffId, String fullName, LocalDate asOf, StaffStatus status, String unitCode,
                         String field, String position, LocalDate assignedFrom, String decisionNo,
                         SecondedTo secondedTo, String worksAt, List<AccountView> accounts,
                         List<StaffRecord.Training> trainings, StaffRecord.Departure departure,
                         List<MovementView> upcoming, long lastPosition) {
    }

    /** @param lastDay the last day at the host unit, as far as recorded */
    record SecondedTo(int secondmentNo, String toUnitCode, String toField, LocalDate from, LocalDate until,
                      LocalDate lastDay, String decisionNo, SecondmentEndReason endReason) {

        static SecondedTo of(Secondment s) {
            return new SecondedTo(s.secondmentNo(), s.toUnitCode(), s.toField(), s.from(), s.until(), s.lastDay(),
                                  s.decisionNo(), s.endReason());
        }
    }

    record AccountView(String account, String unitCode, LocalDate provisionedOn) {
    }

    /** @param movements every movement, in the order they take effect */
    @Schema(example = """
            {"staffId": "CB-SO-08-042", "fullName": "Nguyễn Hữu Toàn", "movements": [{"kind": "RECRUITED",
            "effectiveDate": "2011-07-06", "decisionNo": "338/QĐ-SNV", "unitCode": "SO-08",
            "field": "FINANCE_PLANNING", "position": "Chuyên viên chính tài chính - kế hoạch",
            "recordedAt": "2026-12-03T21:36:32.666+07:00", "eventPosition": 10499,
            "actor": "simulator-home_affairs"}], "lastPosition": 10533}""")
    record StaffHistory(String staffId, String fullName, List<MovementView> movements, long lastPosition) {
    }
}
