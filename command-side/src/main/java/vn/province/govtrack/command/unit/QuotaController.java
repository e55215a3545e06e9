package vn.province.govtrack.command.unit;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
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
@Tag(name = "units")
@RestController
@RequestMapping("/api/v1/units/{code}/quotas")
class QuotaController {

    private final CommandSender commands;

    QuotaController(CommandSender commands) {
        this.commands = commands;
    }

    /** Sets the quota of one field; setting it again replaces it from the new effective date. 404 for an unknown unit. */
    @PutMapping("/{field}")
    @Operation(summary = "Set a unit's staffing quota in one field, from an effective date")
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
    @Schema(example = """
            {"positions": 3, "effectiveDate": "2025-07-01", "decisionNo": "20/QĐ-SNV"}""")
    record QuotaRequest(@NotNull @PositiveOrZero @Max(Unit.MAX_QUOTA) Integer positions,
                        LocalDate effectiveDate,
                        @Size(min = 1, max = 100) String decisionNo) {
    }

    @Schema(example = """
            {"unitCode": "XA-TAN-LAP", "field": "INFORMATION_TECHNOLOGY", "positions": 3, "effectiveDate": "2025-07-01",
             "decisionNo": "20/QĐ-SNV", "position": 2311}""")
    record QuotaSet(String unitCode, String field, int positions, LocalDate effectiveDate, String decisionNo,
                    long position) {
    }
}
