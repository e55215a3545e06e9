package vn.province.govtrack.command.dossier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.command.web.CommandSender.Accepted;
import vn.province.govtrack.command.web.Patterns;
import vn.province.govtrack.kernel.dossier.Applicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierIds;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.ReceiveDossierCommand;
import vn.province.govtrack.kernel.dossier.ResolveDossierCommand;
import vn.province.govtrack.kernel.dossier.SubmitDossierCommand;
import vn.province.govtrack.kernel.dossier.Timeliness;

/** Dossier commands. Answer times are given in the business zone, with their offset. */
@RestController
@RequestMapping("/api/v1/dossiers")
class DossierController {

    private final CommandSender commands;
    private final IdGenerator ids;
    private final ZoneId zone;

    DossierController(CommandSender commands, IdGenerator ids, WorkingHours workingHours) {
        this.commands = commands;
        this.ids = ids;
        this.zone = workingHours.zone();
    }

    /** In person and by post the dossier is RECEIVED at once with its {@code dueAt}; online it is NEW. */
    @PostMapping
    ResponseEntity<DossierAnswer> submit(@Valid @RequestBody SubmitDossierRequest request) {
        String dossierId = request.dossierId() != null ? request.dossierId() : ids.generateId().toString();
        SubmitDossierCommand command = new SubmitDossierCommand(
                dossierId, request.procedureCode(), request.unitCode(), request.channel(),
                request.applicant().toApplicant(), instantOf(request.submittedAt()));
        Accepted<Submission> accepted = commands.send(command);
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").build(dossierId))
                .body(new DossierAnswer(dossierId, accepted.result().status(), local(accepted.result().dueAt()),
                                        accepted.position()));
    }

    /** The desk receives an online dossier: NEW becomes RECEIVED and the due date is decided. */
    @PostMapping("/{dossierId}/receipt")
    DossierAnswer receive(@PathVariable @Pattern(regexp = DossierIds.PATTERN) String dossierId,
                          @RequestBody(required = false) ReceiptRequest request) {
        Instant receivedAt = request == null ? null : instantOf(request.receivedAt());
        Accepted<Instant> accepted = commands.send(new ReceiveDossierCommand(dossierId, receivedAt));
        return new DossierAnswer(dossierId, DossierStatus.RECEIVED, local(accepted.result()), accepted.position());
    }

    @PostMapping("/{dossierId}/resolution")
    ResolutionAnswer resolve(@PathVariable @Pattern(regexp = DossierIds.PATTERN) String dossierId,
                             @Valid @RequestBody ResolutionRequest request) {
        Accepted<Timeliness> accepted = commands.send(new ResolveDossierCommand(
                dossierId, request.outcome(), request.note(), instantOf(request.resolvedAt())));
        return new ResolutionAnswer(dossierId, DossierStatus.RESOLVED, accepted.result(), accepted.position());
    }

    private OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static Instant instantOf(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /**
     * @param dossierId   optional; generated when absent
     * @param submittedAt optional, for importers replaying dated history; absent means now
     */
    record SubmitDossierRequest(@Pattern(regexp = DossierIds.PATTERN) String dossierId,
                                @NotNull @Pattern(regexp = Patterns.CODE) String procedureCode,
                                @NotNull @Pattern(regexp = Patterns.CODE) String unitCode,
                                @NotNull Channel channel,
                                @NotNull @Valid ApplicantRequest applicant,
                                OffsetDateTime submittedAt) {
    }

    /** The applicant's personal data: 12-digit national ID number, full name, optional phone. */
    record ApplicantRequest(@NotNull @Pattern(regexp = "[0-9]{12}", message = "must be 12 digits") String idNumber,
                            @NotBlank @Size(max = 200) String fullName,
                            @Pattern(regexp = "\\+?[0-9 .()-]{3,20}", message = "must be a phone number") String phone) {

        Applicant toApplicant() {
            return new Applicant(idNumber, fullName, phone);
        }
    }

    record ReceiptRequest(OffsetDateTime receivedAt) {
    }

    record ResolutionRequest(@NotNull Outcome outcome, @Size(max = 2000) String note, OffsetDateTime resolvedAt) {
    }

    record DossierAnswer(String dossierId, DossierStatus status, OffsetDateTime dueAt, long position) {
    }

    record ResolutionAnswer(String dossierId, DossierStatus status, Timeliness timeliness, long position) {
    }
}
