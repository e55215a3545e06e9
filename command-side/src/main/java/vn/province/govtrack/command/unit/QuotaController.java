package vn.province.govtrack.command.unit;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.command.messaging.Accepted;
import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.command.web.Patterns;
import vn.province.govtrack.kernel.unit.SetStaffingQuotaCommand;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;

/** Staffing quotas (biên chế) of a unit, one per field. */
@RestController
@RequestMapping("/api/v1/units/{code}/quotas")
class QuotaController {

    private final CommandSender commands;

    QuotaController(CommandSender commands) {
        this.commands = commands;
    }

    /** Sets the quota of one field; setting it again replaces it from the new effective date. 404 for an unknown unit. */
    @PutMapping("/{field}")
    QuotaSet set(@PathVariable @Pattern(regexp = Patterns.CODE) String code,
                 @PathVariable @Pattern(regexp = Patterns.CODE) String field,
                 @Valid @RequestBody QuotaRequest request) {
        Accepted<StaffingQuotaSetEvent> accepted = commands.send(() -> new SetStaffingQuotaCommand(
                code, field, request.positions(), request.effectiveDate(), request.decisionNo()),
                StaffingQuotaSetEvent.class);
        StaffingQuotaSetEvent e = accepted.answer();
        return new QuotaSet(e.unitCode(), e.field(), e.positions(), e.effectiveDate(), e.decisionNo(),
                            accepted.position());
    }

    /**
     * @param positions     the number of positions the unit may fill in the field
     * @param effectiveDate optional; from when the quota applies, today when absent
     * @param decisionNo    optional; the decision setting the quota
     */
    record QuotaRequest(@NotNull @PositiveOrZero @Max(Unit.MAX_QUOTA) Integer positions,
                        LocalDate effectiveDate,
                        @Size(min = 1, max = 100) String decisionNo) {
    }

    record QuotaSet(String unitCode, String field, int positions, LocalDate effectiveDate, String decisionNo,
                    long position) {
    }
}
