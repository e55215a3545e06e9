package vn.province.govtrack.command.staff;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.command.messaging.Accepted;
import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.command.web.QuerySideLinks;
import vn.province.govtrack.command.web.Patterns;
import vn.province.govtrack.kernel.staff.EndSecondmentCommand;
import vn.province.govtrack.kernel.staff.PortalAccountProvisionedEvent;
import vn.province.govtrack.kernel.staff.PortalAccountRevokedEvent;
import vn.province.govtrack.kernel.staff.ProvisionPortalAccountCommand;
import vn.province.govtrack.kernel.staff.RecordDepartureCommand;
import vn.province.govtrack.kernel.staff.RecordTrainingCommand;
import vn.province.govtrack.kernel.staff.RecruitStaffCommand;
import vn.province.govtrack.kernel.staff.RevokePortalAccountCommand;
import vn.province.govtrack.kernel.staff.SecondStaffCommand;
import vn.province.govtrack.kernel.staff.SecondmentEndReason;
import vn.province.govtrack.kernel.staff.SecondmentEndedEvent;
import vn.province.govtrack.kernel.staff.StaffDepartedEvent;
import vn.province.govtrack.kernel.staff.StaffRecruitedEvent;
import vn.province.govtrack.kernel.staff.StaffSecondedEvent;
import vn.province.govtrack.kernel.staff.StaffTransferredEvent;
import vn.province.govtrack.kernel.staff.TrainingCompletedEvent;
import vn.province.govtrack.kernel.staff.TransferStaffCommand;

/**
 * Staff commands (Department of Home Affairs). Each movement names its decision number and effective
 * date; an unknown staff id is 404, a movement the person's record forbids is 409. In the answers
 * {@code position} is always the global event position; the job position is {@code jobPosition}.
 * Each handler answers the event that records its decision, and each answer is built from that event
 * alone; a retry of a request whose first attempt recorded the command but never answered reads the
 * same event back from the record ({@link CommandSender#send(java.util.function.Supplier, Class)}).
 */
@Tag(name = "staff", description = "Recruitment, transfers, secondments, trainings, portal accounts and"
                   + " departures, by decision")
@RestController
@RequestMapping("/api/v1/staff")
class StaffController {

    /** Portal account names, e.g. {@code nguyenvana.xatanlap}: safe in a path segment. */
    static final String ACCOUNT = "(?!\\.\\.?$)[A-Za-z0-9._@-]{1,128}";

    private static final int TEXT = 200;
    private static final int DECISION = 100;

    private final CommandSender commands;
    private final QuerySideLinks links;
    private final IdGenerator ids;

    StaffController(CommandSender commands, IdGenerator ids, QuerySideLinks links) {
        this.commands = commands;
        this.links = links;
        this.ids = ids;
    }

    @PostMapping
    @Operation(summary = "Recruit a person into a unit and field, by decision")
    ResponseEntity<Recruited> recruit(@Valid @RequestBody RecruitRequest request) {
        Accepted<StaffRecruitedEvent> accepted = commands.send(() -> new RecruitStaffCommand(
                request.staffId() != null ? request.staffId() : ids.generateId().toString(), request.fullName(),
                request.unitCode(), request.field(), request.position(), request.effectiveDate(), request.decisionNo()),
                StaffRecruitedEvent.class);
        StaffRecruitedEvent e = accepted.answer();
        return ResponseEntity
                .created(links.staff(e.staffId()))
                .body(new Recruited(e.staffId(), e.fullName(), e.unitCode(), e.field(), e.position(), e.effectiveDate(),
                                    e.decisionNo(), accepted.position()));
    }

    @PostMapping("/{staffId}/transfers")
    @Operation(summary = "Transfer a person to another unit (and field or position), by decision")
    Transferred transfer(@PathVariable @Pattern(regexp = Patterns.ID) String staffId,
                         @Valid @RequestBody TransferRequest request) {
        Accepted<StaffTransferredEvent> accepted = commands.send(() -> new TransferStaffCommand(
                staffId, request.toUnitCode(), request.toField(), request.toPosition(), request.effectiveDate(),
                request.decisionNo()), StaffTransferredEvent.class);
        StaffTransferredEvent e = accepted.answer();
        return new Transferred(staffId, e.fromUnitCode(), e.fromField(), e.toUnitCode(), e.toField(), e.toPosition(),
                               e.effectiveDate(), e.decisionNo(), accepted.position());
    }

    /** 400 when the secondment would last more than three years; 409 when it overlaps another. */
    @PostMapping("/{staffId}/secondments")
    @Operation(summary = "Second a person to another unit for at most three years, by decision")
    Seconded second(@PathVariable @Pattern(regexp = Patterns.ID) String staffId,
                    @Valid @RequestBody SecondmentRequest request) {
        Accepted<StaffSecondedEvent> accepted = commands.send(() -> new SecondStaffCommand(
                staffId, request.toUnitCode(), request.toField(), request.from(), request.until(),
                request.decisionNo()), StaffSecondedEvent.class);
        StaffSecondedEvent e = accepted.answer();
        return new Seconded(staffId, e.secondmentNo(), e.homeUnitCode(), e.field(), e.toUnitCode(), e.toField(),
                            e.from(), e.until(), e.decisionNo(), accepted.position());
    }

    /** Ends the secondment running on the effective date (or cancels the next one) by decision. */
    @PostMapping("/{staffId}/secondments/end")
    @Operation(summary = "End a person's running secondment early, or cancel the next one")
    SecondmentEnded endSecondment(@PathVariable @Pattern(regexp = Patterns.ID) String staffId,
                                  @Valid @RequestBody EndSecondmentRequest request) {
        Accepted<SecondmentEndedEvent> accepted = commands.send(
                () -> new EndSecondmentCommand(staffId, request.effectiveDate(), request.decisionNo()),
                SecondmentEndedEvent.class);
        SecondmentEndedEvent e = accepted.answer();
        return new SecondmentEnded(staffId, e.secondmentNo(), e.toUnitCode(), e.endedOn(), e.reason(), e.decisionNo(),
                                   accepted.position());
    }

    @PostMapping("/{staffId}/trainings")
    @Operation(summary = "Record a training course a person completed")
    TrainingRecorded recordTraining(@PathVariable @Pattern(regexp = Patterns.ID) String staffId,
                                    @Valid @RequestBody TrainingRequest request) {
        Accepted<TrainingCompletedEvent> accepted = commands.send(
                () -> new RecordTrainingCommand(staffId, request.course(), request.completedOn()),
                TrainingCompletedEvent.class);
        TrainingCompletedEvent e = accepted.answer();
        return new TrainingRecorded(staffId, e.course(), e.completedOn(), accepted.position());
    }

    @PostMapping("/{staffId}/accounts")
    @Operation(summary = "Give a person a public-service portal account")
    AccountChanged provisionAccount(@PathVariable @Pattern(regexp = Patterns.ID) String staffId,
                                    @Valid @RequestBody AccountRequest request) {
        Accepted<PortalAccountProvisionedEvent> accepted =
                commands.send(() -> new ProvisionPortalAccountCommand(staffId, request.account()),
                              PortalAccountProvisionedEvent.class);
        PortalAccountProvisionedEvent e = accepted.answer();
        return new AccountChanged(staffId, e.account(), e.unitCode(), true, e.provisionedOn(), accepted.position());
    }

    /** 404 for an account the person never held; 409 for one already revoked. */
    @DeleteMapping("/{staffId}/accounts/{account}")
    @Operation(summary = "Revoke a person's portal account")
    AccountChanged revokeAccount(@PathVariable @Pattern(regexp = Patterns.ID) String staffId,
                                 @PathVariable @Pattern(regexp = ACCOUNT) String account) {
        Accepted<PortalAccountRevokedEvent> accepted = commands.send(
                () -> new RevokePortalAccountCommand(staffId, account),
                PortalAccountRevokedEvent.class);
        PortalAccountRevokedEvent e = accepted.answer();
        return new AccountChanged(staffId, e.account(), e.unitCode(), false, e.revokedOn(), accepted.position());
    }

    @PostMapping("/{staffId}/departure")
    @Operation(summary = "Record that a person leaves the service, from an effective date")
    Departed depart(@PathVariable @Pattern(regexp = Patterns.ID) String staffId,
                    @Valid @RequestBody DepartureRequest request) {
        Accepted<StaffDepartedEvent> accepted = commands.send(() -> new RecordDepartureCommand(
                staffId, request.effectiveDate(), request.reason(), request.decisionNo()),
                StaffDepartedEvent.class);
        StaffDepartedEvent e = accepted.answer();
        return new Departed(staffId, e.unitCode(), e.effectiveDate(), e.reason(), e.decisionNo(), accepted.position());
    }

    /**
     * @param staffId       optional; generated when absent
     * @param field         the field of work, a code such as {@code INFORMATION_TECHNOLOGY}
     * @param position      the job position (vị trí việc làm)
     * @param effectiveDate optional; the first day in service, today when absent
     */
    @Schema(example = """
            {"fullName": "Trần Thị Bình", "unitCode": "XA-TAN-LAP", "field": "INFORMATION_TECHNOLOGY",
             "position": "IT officer", "effectiveDate": "2025-03-01", "decisionNo": "12/QĐ-SNV"}""")
    record RecruitRequest(@Pattern(regexp = Patterns.ID) String staffId,
                          @NotBlank @Size(max = TEXT) String fullName,
                          @NotNull @Pattern(regexp = Patterns.CODE) String unitCode,
                          @NotNull @Pattern(regexp = Patterns.CODE) String field,
                          @NotBlank @Size(max = TEXT) String position,
                          LocalDate effectiveDate,
                          @NotBlank @Size(max = DECISION) String decisionNo) {
    }

    /**
     * @param toField       optional; the current field when absent
     * @param toPosition    optional; the current job position when absent
     * @param effectiveDate the first day at the new unit; may lie in the future
     */
    @Schema(name = "StaffTransferRequest", example = """
            {"toUnitCode": "XA-DONG-TIEN", "effectiveDate": "2025-09-01", "decisionNo": "45/QĐ-SNV"}""")
    record TransferRequest(@NotNull @Pattern(regexp = Patterns.CODE) String toUnitCode,
                           @Pattern(regexp = Patterns.CODE) String toField,
                           @Size(min = 1, max = TEXT) String toPosition,
                           @NotNull LocalDate effectiveDate,
                           @NotBlank @Size(max = DECISION) String decisionNo) {
    }

    /**
     * @param toField optional; the person's own field when absent
     * @param from    the first day at the host unit
     * @param until   the last day at the host unit; at most three years after {@code from}
     */
    @Schema(example = """
            {"toUnitCode": "XA-DONG-TIEN", "from": "2025-08-01", "until": "2026-07-31",
             "decisionNo": "51/QĐ-SNV"}""")
    record SecondmentRequest(@NotNull @Pattern(regexp = Patterns.CODE) String toUnitCode,
                             @Pattern(regexp = Patterns.CODE) String toField,
                             @NotNull LocalDate from,
                             @NotNull LocalDate until,
                             @NotBlank @Size(max = DECISION) String decisionNo) {
    }

    /** @param effectiveDate the first day back at the home unit */
    @Schema(example = """
            {"effectiveDate": "2026-01-01", "decisionNo": "77/QĐ-SNV"}""")
    record EndSecondmentRequest(@NotNull LocalDate effectiveDate, @NotBlank @Size(max = DECISION) String decisionNo) {
    }

    @Schema(example = """
            {"course": "Digital one-stop desk operations", "completedOn": "2025-06-20"}""")
    record TrainingRequest(@NotBlank @Size(max = TEXT) String course, @NotNull LocalDate completedOn) {
    }

    @Schema(example = """
            {"account": "binh.tt@xatanlap"}""")
    record AccountRequest(@NotNull @Pattern(regexp = ACCOUNT) String account) {
    }

    /**
     * @param effectiveDate the first day no longer in service; may lie in the future
     * @param reason        e.g. retirement, resignation
     * @param decisionNo    optional; the decision, when there is one
     */
    @Schema(example = """
            {"effectiveDate": "2025-12-31", "reason": "Retirement", "decisionNo": "98/QĐ-SNV"}""")
    record DepartureRequest(@NotNull LocalDate effectiveDate,
                            @NotBlank @Size(max = TEXT) String reason,
                            @Size(min = 1, max = DECISION) String decisionNo) {
    }

    @Schema(example = """
            {"staffId": "CB-00042", "fullName": "Trần Thị Bình", "unitCode": "XA-TAN-LAP",
             "field": "INFORMATION_TECHNOLOGY", "jobPosition": "IT officer", "effectiveDate": "2025-03-01",
             "decisionNo": "12/QĐ-SNV", "position": 5120}""")
    record Recruited(String staffId, String fullName, String unitCode, String field, String jobPosition,
                     LocalDate effectiveDate, String decisionNo, long position) {
    }

    @Schema(example = """
            {"staffId": "CB-00042", "fromUnitCode": "XA-TAN-LAP", "fromField": "INFORMATION_TECHNOLOGY",
             "unitCode": "XA-DONG-TIEN", "field": "INFORMATION_TECHNOLOGY", "jobPosition": "IT officer",
             "effectiveDate": "2025-09-01", "decisionNo": "45/QĐ-SNV", "position": 51200}""")
    record Transferred(String staffId, String fromUnitCode, String fromField, String unitCode, String field,
                       String jobPosition, LocalDate effectiveDate, String decisionNo, long position) {
    }

    @Schema(example = """
            {"staffId": "CB-00042", "secondmentNo": 1, "homeUnitCode": "XA-TAN-LAP", "field": "INFORMATION_TECHNOLOGY",
             "toUnitCode": "XA-DONG-TIEN", "toField": "INFORMATION_TECHNOLOGY", "from": "2025-08-01",
             "until": "2026-07-31",
             "decisionNo": "51/QĐ-SNV", "position": 50310}""")
    record Seconded(String staffId, int secondmentNo, String homeUnitCode, String field, String toUnitCode,
                    String toField, LocalDate from, LocalDate until, String decisionNo, long position) {
    }

    @Schema(example = """
            {"staffId": "CB-00042", "secondmentNo": 1, "toUnitCode": "XA-DONG-TIEN", "endedOn": "2026-01-01",
             "reason": "DECIDED", "decisionNo": "77/QĐ-SNV", "position": 60211}""")
    record SecondmentEnded(String staffId, int secondmentNo, String toUnitCode, LocalDate endedOn,
                           SecondmentEndReason reason, String decisionNo, long position) {
    }

    @Schema(example = """
            {"staffId": "CB-00042", "course": "Digital one-stop desk operations", "completedOn": "2025-06-20",
             "position": 5230}""")
    record TrainingRecorded(String staffId, String course, LocalDate completedOn, long position) {
    }

    /** @param on the day the account was provisioned ({@code active}) or revoked */
    @Schema(example = """
            {"staffId": "CB-00042", "account": "binh.tt@xatanlap", "unitCode": "XA-TAN-LAP", "active": true,
             "on": "2025-07-01", "position": 5301}""")
    record AccountChanged(String staffId, String account, String unitCode, boolean active, LocalDate on,
                          long position) {
    }

    @Schema(example = """
            {"staffId": "CB-00042", "unitCode": "XA-TAN-LAP", "effectiveDate": "2025-12-31", "reason": "Retirement",
             "decisionNo": "98/QĐ-SNV", "position": 70112}""")
    record Departed(String staffId, String unitCode, LocalDate effectiveDate, String reason, String decisionNo,
                    long position) {
    }
}
