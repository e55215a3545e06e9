package vn.province.govtrack.command.unit;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import vn.province.govtrack.command.messaging.Accepted;
import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.command.web.QuerySideLinks;
import vn.province.govtrack.command.web.Patterns;
import vn.province.govtrack.kernel.unit.DissolveUnitCommand;
import vn.province.govtrack.kernel.unit.RegisterUnitCommand;
import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;

/**
 * Units: registration and dissolution. A dissolved unit keeps its history, but from its dissolution
 * date on nothing moves into it: recruitment, transfers and secondments into it and dossier
 * submissions and transfers to it answer 409 and append nothing.
 */
@Tag(name = "units", description = "The units of the province: registration, dissolution and staffing quotas")
@RestController
@RequestMapping("/api/v1/units")
class UnitController {

    private final CommandSender commands;
    private final QuerySideLinks links;

    UnitController(CommandSender commands, QuerySideLinks links) {
        this.commands = commands;
        this.links = links;
    }

    @PostMapping
    @Operation(summary = "Register a unit: a commune, ward, special zone, department or centre")
    ResponseEntity<UnitRegistered> register(@Valid @RequestBody RegisterUnitRequest request) {
        Accepted<UnitRegisteredEvent> accepted = commands.send(
                () -> new RegisterUnitCommand(request.code(), request.name(), request.kind()),
                UnitRegisteredEvent.class);
        UnitRegisteredEvent e = accepted.answer();
        return ResponseEntity
                .created(links.unit(e.code()))
                .body(new UnitRegistered(e.code(), e.name(), e.kind(), accepted.position()));
    }

    /**
     * Dissolves the unit by decision from {@code effectiveDate} (today when absent): 200 with the
     * effective date decided; 404 for an unknown unit; 409 when it is already dissolved.
     */
    @PostMapping("/{code}/dissolution")
    @Operation(summary = "Dissolve a unit by decision, from an effective date (default today)",
               description = "From effectiveDate on, the unit takes no staff (recruitment, transfer, or a secondment "
                       + "that would run on or after that day; recruitment and transfers are open-ended, so none is "
                       + "accepted once a dissolution is recorded), no dossiers (submission or transfer at or after "
                       + "the start of that day, business zone) and no quota: those commands answer 409 "
                       + "problem+json and append nothing. Its history stays; the personnel audit shows its rows "
                       + "as DISSOLVED from that day. 404 unknown unit; 409 already dissolved.")
    UnitDissolved dissolve(@PathVariable @Pattern(regexp = Patterns.CODE) String code,
                           @Valid @RequestBody DissolutionRequest request) {
        Accepted<UnitDissolvedEvent> accepted = commands.send(
                () -> new DissolveUnitCommand(code, request.effectiveDate(), request.decisionNo()),
                UnitDissolvedEvent.class);
        UnitDissolvedEvent e = accepted.answer();
        return new UnitDissolved(e.code(), e.effectiveDate(), e.decisionNo(), accepted.position());
    }

    /**
     * @param effectiveDate optional; the first day the unit no longer exists, today when absent
     * @param decisionNo    the decision dissolving the unit
     */
    @Schema(example = """
            {"effectiveDate": "2025-07-01", "decisionNo": "1686/QĐ-UBND"}""")
    record DissolutionRequest(LocalDate effectiveDate, @NotBlank @Size(max = 100) String decisionNo) {
    }

    @Schema(example = """
            {"code": "XA-TAN-LAP", "effectiveDate": "2025-07-01", "decisionNo": "1686/QĐ-UBND", "position": 3120}""")
    record UnitDissolved(String code, LocalDate effectiveDate, String decisionNo, long position) {
    }

    @Schema(example = """
            {"code": "XA-TAN-LAP", "name": "Xã Tân Lập", "kind": "COMMUNE"}""")
    record RegisterUnitRequest(@NotNull @Pattern(regexp = Patterns.CODE) String code,
                               @NotBlank @Size(max = 200) String name,
                               @NotNull UnitKind kind) {
    }

    @Schema(example = """
            {"code": "XA-TAN-LAP", "name": "Xã Tân Lập", "kind": "COMMUNE", "position": 17}""")
    record UnitRegistered(String code, String name, UnitKind kind, long position) {
    }
}
