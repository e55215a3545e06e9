package vn.province.govtrack.command.dossier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.command.web.QuerySideLinks;
import vn.province.govtrack.command.web.CommandSender.Accepted;
import vn.province.govtrack.command.web.Patterns;
import vn.province.govtrack.kernel.applicant.ApplicantIds;
import vn.province.govtrack.kernel.dossier.Applicant;
import vn.province.govtrack.kernel.dossier.AssignDossierCommand;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.DossierStoppedEvent;
import vn.province.govtrack.kernel.dossier.ExtendDossierCommand;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.ProvideSupplementCommand;
import vn.province.govtrack.kernel.dossier.ReceiveDossierCommand;
import vn.province.govtrack.kernel.dossier.RecordPaymentCommand;
import vn.province.govtrack.kernel.dossier.RefuseDossierCommand;
import vn.province.govtrack.kernel.dossier.RequestPaymentCommand;
import vn.province.govtrack.kernel.dossier.RequestSupplementCommand;
import vn.province.govtrack.kernel.dossier.RequestWithdrawalCommand;
import vn.province.govtrack.kernel.dossier.ResolveDossierCommand;
import vn.province.govtrack.kernel.dossier.ReturnDossierCommand;
import vn.province.govtrack.kernel.dossier.StopDossierCommand;
import vn.province.govtrack.kernel.dossier.SubmitDossierCommand;
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.kernel.dossier.TransferDossierCommand;
import vn.province.govtrack.personaldata.PersonalData;

/**
 * Dossier commands, all under {@code /api/v1/dossiers}. Each answers the dossier's {@code status}
 * afterwards and the {@code position} of its last event; most also the {@code unitCode} handling
 * it and the {@code dueAt} in force. Answer times are given in the business zone, with their
 * offset. Every {@code ...At} field is optional (absent means now), for importers replaying dated
 * history; it may not lie before the dossier's last recorded time (409).
 *
 * <table>
 *   <caption>Paths and the statuses they lead to</caption>
 *   <tr><th>POST</th><th>body</th><th>status afterwards</th></tr>
 *   <tr><td>{@code /}</td><td>submission</td><td>RECEIVED (in person, by post) or NEW (online)</td></tr>
 *   <tr><td>{@code /{id}/receipt}</td><td>{@code receivedAt}</td><td>RECEIVED, with {@code dueAt}</td></tr>
 *   <tr><td>{@code /{id}/refusal}</td><td>{@code reason}</td><td>NOT_RECEIVED</td></tr>
 *   <tr><td>{@code /{id}/assignment}</td><td>{@code staffId}</td><td>IN_PROCESSING</td></tr>
 *   <tr><td>{@code /{id}/supplement-requests}</td><td>{@code reason}</td>
 *       <td>SUPPLEMENT_REQUESTED (clock paused), with {@code requestNumber}</td></tr>
 *   <tr><td>{@code /{id}/supplements}</td><td>{@code note}</td>
 *       <td>IN_PROCESSING (RECEIVED if never assigned), with the moved {@code dueAt}</td></tr>
 *   <tr><td>{@code /{id}/payment-requests}</td><td>{@code amount}, {@code reason}</td><td>PAYMENT_REQUESTED</td></tr>
 *   <tr><td>{@code /{id}/payments}</td><td>{@code amount}</td><td>IN_PROCESSING (RECEIVED if never assigned)</td></tr>
 *   <tr><td>{@code /{id}/extensions}</td><td>{@code newDueAt}, {@code apology}</td>
 *       <td>unchanged, with the new {@code dueAt}</td></tr>
 *   <tr><td>{@code /{id}/transfers}</td><td>{@code toUnitCode}, {@code reason}</td>
 *       <td>unchanged, at the new {@code unitCode}</td></tr>
 *   <tr><td>{@code /{id}/resolution}</td><td>{@code outcome}, {@code note}</td><td>RESOLVED, with {@code timeliness}</td></tr>
 *   <tr><td>{@code /{id}/return}</td><td>{@code returnedAt}</td><td>RETURNED</td></tr>
 *   <tr><td>{@code /{id}/withdrawal}</td><td>{@code reason}</td><td>WITHDRAWAL_REQUESTED</td></tr>
 *   <tr><td>{@code /{id}/stop}</td><td>{@code reason}</td><td>STOPPED, with {@code timeliness}</td></tr>
 * </table>
 *
 * <p>A step the dossier's status does not allow is a 409 (see {@code Dossier.Step}); an unknown
 * dossier, or transfer to an unknown unit, a 404.
 *
 * <p>Next to each command stands how its result is read back from the events it recorded, for the
 * retry of a request whose first attempt recorded it but never answered ({@link CommandSender#send}):
 * the standing after it for most ({@link RecordedStandings}), or what its event says.
 */
@RestController
@RequestMapping("/api/v1/dossiers")
class DossierController {

    private final CommandSender commands;
    private final RecordedStandings standings;
    private final QuerySideLinks links;
    private final PersonalData personalData;
    private final IdGenerator ids;
    private final ZoneId zone;

    DossierController(CommandSender commands, RecordedStandings standings, PersonalData personalData, IdGenerator ids,
                      WorkingHours workingHours, QuerySideLinks links) {
        this.commands = commands;
        this.standings = standings;
        this.links = links;
        this.personalData = personalData;
        this.ids = ids;
        this.zone = workingHours.zone();
    }

    /**
     * In person and by post the dossier is RECEIVED at once with its {@code dueAt}; online it is NEW.
     * The applicant is sealed under the applicant's key here, so the command and its events never
     * carry the personal data in clear.
     */
    @PostMapping
    ResponseEntity<DossierAnswer> submit(@Valid @RequestBody SubmitDossierRequest request) {
        DossierAnswer answer = answer(commands.send(() -> new SubmitDossierCommand(
                request.dossierId() != null ? request.dossierId() : ids.generateId().toString(),
                request.procedureCode(), request.unitCode(), request.channel(),
                personalData.seal(request.applicant().toApplicant()), instantOf(request.submittedAt())),
                standings::after));
        return ResponseEntity
                .created(links.dossier(answer.dossierId()))
                .body(answer);
    }

    /** The desk receives an online dossier: NEW becomes RECEIVED and the due date is decided. */
    @PostMapping("/{dossierId}/receipt")
    DossierAnswer receive(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                          @RequestBody(required = false) ReceiptRequest request) {
        Instant receivedAt = request == null ? null : instantOf(request.receivedAt());
        return answer(commands.send(() -> new ReceiveDossierCommand(dossierId, receivedAt), standings::after));
    }

    /** The desk refuses an online dossier: NEW becomes NOT_RECEIVED. */
    @PostMapping("/{dossierId}/refusal")
    DossierAnswer refuse(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                         @Valid @RequestBody RefusalRequest request) {
        return answer(commands.send(
                () -> new RefuseDossierCommand(dossierId, request.reason(), instantOf(request.refusedAt())),
                standings::after));
    }

    /** An officer handles the dossier (IN_PROCESSING); a later assignment hands it to another officer. */
    @PostMapping("/{dossierId}/assignment")
    DossierAnswer assign(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                         @Valid @RequestBody AssignmentRequest request) {
        return answer(commands.send(
                () -> new AssignDossierCommand(dossierId, request.staffId(), instantOf(request.assignedAt())),
                standings::after));
    }

    /** The applicant must add documents; the clock pauses. Answers which request this is (1 for the first). */
    @PostMapping("/{dossierId}/supplement-requests")
    SupplementRequestAnswer requestSupplement(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                              @Valid @RequestBody RequestSupplementRequest request) {
        Accepted<Integer> accepted = commands.send(
                () -> new RequestSupplementCommand(dossierId, request.reason(), instantOf(request.requestedAt())),
                recorded -> recorded.last(SupplementRequestedEvent.class).requestNumber());
        return new SupplementRequestAnswer(dossierId, DossierStatus.SUPPLEMENT_REQUESTED, accepted.result(),
                                           accepted.position());
    }

    /**
     * The supplement arrived: the clock runs again and {@code dueAt} moves by the paused working time.
     * After the supplement deadline ({@code govtrack.dossier.supplement-deadline-working-days}) it is a 409.
     */
    @PostMapping("/{dossierId}/supplements")
    DossierAnswer provideSupplement(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                    @Valid @RequestBody(required = false) ProvideSupplementRequest request) {
        ProvideSupplementRequest given = request != null ? request : new ProvideSupplementRequest(null, null);
        return answer(commands.send(
                () -> new ProvideSupplementCommand(dossierId, given.note(), instantOf(given.providedAt())),
                standings::after));
    }

    /** Fees or financial obligations are requested, {@code amount} in VND. */
    @PostMapping("/{dossierId}/payment-requests")
    DossierAnswer requestPayment(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                 @Valid @RequestBody RequestPaymentRequest request) {
        return answer(commands.send(() -> new RequestPaymentCommand(
                dossierId, request.amount(), request.reason(), instantOf(request.requestedAt())), standings::after));
    }

    /** The requested payment was made, {@code amount} in VND; processing resumes. */
    @PostMapping("/{dossierId}/payments")
    DossierAnswer recordPayment(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                @Valid @RequestBody RecordPaymentRequest request) {
        return answer(commands.send(
                () -> new RecordPaymentCommand(dossierId, request.amount(), instantOf(request.paidAt())),
                standings::after));
    }

    /** Apology and a new appointment date, later than the one in force (Circular 03/2025, form 04). */
    @PostMapping("/{dossierId}/extensions")
    DossierAnswer extend(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                         @Valid @RequestBody ExtensionRequest request) {
        return answer(commands.send(() -> new ExtendDossierCommand(
                dossierId, instantOf(request.newDueAt()), request.apology(), instantOf(request.extendedAt())),
                standings::after));
    }

    /** Another unit handles the dossier; it must exist (404) and differ from the current one (409). */
    @PostMapping("/{dossierId}/transfers")
    DossierAnswer transfer(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                           @Valid @RequestBody TransferRequest request) {
        return answer(commands.send(() -> new TransferDossierCommand(
                dossierId, request.toUnitCode(), request.reason(), instantOf(request.transferredAt())),
                standings::after));
    }

    @PostMapping("/{dossierId}/resolution")
    ResolutionAnswer resolve(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                             @Valid @RequestBody ResolutionRequest request) {
        Accepted<Timeliness> accepted = commands.send(() -> new ResolveDossierCommand(
                dossierId, request.outcome(), request.note(), instantOf(request.resolvedAt())),
                recorded -> recorded.last(DossierResolvedEvent.class).timeliness());
        return new ResolutionAnswer(dossierId, DossierStatus.RESOLVED, accepted.result(), accepted.position());
    }

    /** The result is handed back to the applicant, in person or by post (after the resolution only). */
    @PostMapping("/{dossierId}/return")
    DossierAnswer returnResult(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                               @RequestBody(required = false) ReturnRequest request) {
        Instant returnedAt = request == null ? null : instantOf(request.returnedAt());
        return answer(commands.send(() -> new ReturnDossierCommand(dossierId, returnedAt), standings::after));
    }

    /** The applicant asks to withdraw; a stop grants it. */
    @PostMapping("/{dossierId}/withdrawal")
    DossierAnswer requestWithdrawal(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                    @Valid @RequestBody WithdrawalRequest request) {
        return answer(commands.send(
                () -> new RequestWithdrawalCommand(dossierId, request.reason(), instantOf(request.requestedAt())),
                standings::after));
    }

    /** Processing stops (withdrawal granted, supplement never supplied, legal stop); judged like a resolution. */
    @PostMapping("/{dossierId}/stop")
    ResolutionAnswer stop(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                          @Valid @RequestBody StopRequest request) {
        Accepted<Timeliness> accepted = commands.send(
                () -> new StopDossierCommand(dossierId, request.reason(), instantOf(request.stoppedAt())),
                recorded -> recorded.last(DossierStoppedEvent.class).timeliness());
        return new ResolutionAnswer(dossierId, DossierStatus.STOPPED, accepted.result(), accepted.position());
    }

    private DossierAnswer answer(Accepted<Standing> accepted) {
        Standing standing = accepted.result();
        return new DossierAnswer(standing.dossierId(), standing.status(), standing.unitCode(), local(standing.dueAt()),
                                 accepted.position());
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
    record SubmitDossierRequest(@Pattern(regexp = Patterns.ID) String dossierId,
                                @NotNull @Pattern(regexp = Patterns.CODE) String procedureCode,
                                @NotNull @Pattern(regexp = Patterns.CODE) String unitCode,
                                @NotNull Channel channel,
                                @NotNull @Valid ApplicantRequest applicant,
                                OffsetDateTime submittedAt) {
    }

    /** The applicant's personal data: 12-digit national ID number, full name, optional phone. */
    record ApplicantRequest(@NotNull @Pattern(regexp = ApplicantIds.ID_NUMBER_PATTERN, message = "must be 12 digits") String idNumber,
                            @NotBlank @Size(max = 200) String fullName,
                            @Pattern(regexp = "\\+?[0-9 .()-]{3,20}", message = "must be a phone number") String phone) {

        Applicant toApplicant() {
            return new Applicant(idNumber, fullName, phone);
        }
    }

    record ReceiptRequest(OffsetDateTime receivedAt) {
    }

    record RefusalRequest(@NotBlank @Size(max = 2000) String reason, OffsetDateTime refusedAt) {
    }

    record AssignmentRequest(@NotNull @Pattern(regexp = Patterns.CODE) String staffId, OffsetDateTime assignedAt) {
    }

    record RequestSupplementRequest(@NotBlank @Size(max = 2000) String reason, OffsetDateTime requestedAt) {
    }

    record ProvideSupplementRequest(@Size(max = 2000) String note, OffsetDateTime providedAt) {
    }

    /** @param amount in VND */
    record RequestPaymentRequest(@NotNull @Positive Long amount, @NotBlank @Size(max = 2000) String reason,
                                 OffsetDateTime requestedAt) {
    }

    /** @param amount in VND */
    record RecordPaymentRequest(@NotNull @Positive Long amount, OffsetDateTime paidAt) {
    }

    record ExtensionRequest(@NotNull OffsetDateTime newDueAt, @NotBlank @Size(max = 2000) String apology,
                            OffsetDateTime extendedAt) {
    }

    record TransferRequest(@NotNull @Pattern(regexp = Patterns.CODE) String toUnitCode,
                           @NotBlank @Size(max = 2000) String reason, OffsetDateTime transferredAt) {
    }

    record ResolutionRequest(@NotNull Outcome outcome, @Size(max = 2000) String note, OffsetDateTime resolvedAt) {
    }

    record ReturnRequest(OffsetDateTime returnedAt) {
    }

    record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason, OffsetDateTime requestedAt) {
    }

    record StopRequest(@NotBlank @Size(max = 2000) String reason, OffsetDateTime stoppedAt) {
    }

    record DossierAnswer(String dossierId, DossierStatus status, String unitCode, OffsetDateTime dueAt, long position) {
    }

    record SupplementRequestAnswer(String dossierId, DossierStatus status, int requestNumber, long position) {
    }

    record ResolutionAnswer(String dossierId, DossierStatus status, Timeliness timeliness, long position) {
    }
}
