package vn.province.govtrack.command.dossier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.command.dossier.DossierRequest.AssignmentRequest;
import vn.province.govtrack.command.dossier.DossierRequest.ExtensionRequest;
import vn.province.govtrack.command.dossier.DossierRequest.ProvideSupplementRequest;
import vn.province.govtrack.command.dossier.DossierRequest.ReceiptRequest;
import vn.province.govtrack.command.dossier.DossierRequest.RecordPaymentRequest;
import vn.province.govtrack.command.dossier.DossierRequest.RefusalRequest;
import vn.province.govtrack.command.dossier.DossierRequest.RequestPaymentRequest;
import vn.province.govtrack.command.dossier.DossierRequest.RequestSupplementRequest;
import vn.province.govtrack.command.dossier.DossierRequest.ResolutionRequest;
import vn.province.govtrack.command.dossier.DossierRequest.ReturnRequest;
import vn.province.govtrack.command.dossier.DossierRequest.StopRequest;
import vn.province.govtrack.command.dossier.DossierRequest.SubmitDossierRequest;
import vn.province.govtrack.command.dossier.DossierRequest.TransferRequest;
import vn.province.govtrack.command.dossier.DossierRequest.WithdrawalRequest;
import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.command.web.QuerySideLinks;
import vn.province.govtrack.command.web.CommandSender.Accepted;
import vn.province.govtrack.command.web.Patterns;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.DossierStoppedEvent;
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;
import vn.province.govtrack.kernel.dossier.Timeliness;
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
 * <p>Each body ({@link DossierRequest}) builds its command itself, as it does for the bulk import of
 * dossier history ({@link DossierEndpoint} lists the endpoints).
 *
 * <p>Next to each command stands how its result is read back from the events it recorded, for the
 * retry of a request whose first attempt recorded it but never answered ({@link CommandSender#send}):
 * the standing after it for most ({@link RecordedStandings}), or what its event says.
 */
@RestController
@RequestMapping(DossierEndpoint.BASE_PATH)
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
        DossierAnswer answer = answer(commands.send(() -> request.toCommand(
                request.dossierId() != null ? request.dossierId() : ids.generateId().toString(), personalData::seal),
                standings::after));
        return ResponseEntity
                .created(links.dossier(answer.dossierId()))
                .body(answer);
    }

    /** The desk receives an online dossier: NEW becomes RECEIVED and the due date is decided. */
    @PostMapping("/{dossierId}/receipt")
    DossierAnswer receive(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                          @RequestBody(required = false) ReceiptRequest request) {
        ReceiptRequest given = request != null ? request : new ReceiptRequest(null);
        return answer(commands.send(() -> given.toCommand(dossierId, personalData::seal), standings::after));
    }

    /** The desk refuses an online dossier: NEW becomes NOT_RECEIVED. */
    @PostMapping("/{dossierId}/refusal")
    DossierAnswer refuse(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                         @Valid @RequestBody RefusalRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), standings::after));
    }

    /** An officer handles the dossier (IN_PROCESSING); a later assignment hands it to another officer. */
    @PostMapping("/{dossierId}/assignment")
    DossierAnswer assign(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                         @Valid @RequestBody AssignmentRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), standings::after));
    }

    /** The applicant must add documents; the clock pauses. Answers which request this is (1 for the first). */
    @PostMapping("/{dossierId}/supplement-requests")
    SupplementRequestAnswer requestSupplement(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                              @Valid @RequestBody RequestSupplementRequest request) {
        Accepted<Integer> accepted = commands.send(() -> request.toCommand(dossierId, personalData::seal),
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
        return answer(commands.send(() -> given.toCommand(dossierId, personalData::seal), standings::after));
    }

    /** Fees or financial obligations are requested, {@code amount} in VND. */
    @PostMapping("/{dossierId}/payment-requests")
    DossierAnswer requestPayment(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                 @Valid @RequestBody RequestPaymentRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), standings::after));
    }

    /** The requested payment was made, {@code amount} in VND; processing resumes. */
    @PostMapping("/{dossierId}/payments")
    DossierAnswer recordPayment(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                @Valid @RequestBody RecordPaymentRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), standings::after));
    }

    /** Apology and a new appointment date, later than the one in force (Circular 03/2025, form 04). */
    @PostMapping("/{dossierId}/extensions")
    DossierAnswer extend(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                         @Valid @RequestBody ExtensionRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), standings::after));
    }

    /** Another unit handles the dossier; it must exist (404) and differ from the current one (409). */
    @PostMapping("/{dossierId}/transfers")
    DossierAnswer transfer(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                           @Valid @RequestBody TransferRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), standings::after));
    }

    @PostMapping("/{dossierId}/resolution")
    ResolutionAnswer resolve(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                             @Valid @RequestBody ResolutionRequest request) {
        Accepted<Timeliness> accepted = commands.send(() -> request.toCommand(dossierId, personalData::seal),
                recorded -> recorded.last(DossierResolvedEvent.class).timeliness());
        return new ResolutionAnswer(dossierId, DossierStatus.RESOLVED, accepted.result(), accepted.position());
    }

    /** The result is handed back to the applicant, in person or by post (after the resolution only). */
    @PostMapping("/{dossierId}/return")
    DossierAnswer returnResult(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                               @RequestBody(required = false) ReturnRequest request) {
        ReturnRequest given = request != null ? request : new ReturnRequest(null);
        return answer(commands.send(() -> given.toCommand(dossierId, personalData::seal), standings::after));
    }

    /** The applicant asks to withdraw; a stop grants it. */
    @PostMapping("/{dossierId}/withdrawal")
    DossierAnswer requestWithdrawal(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                    @Valid @RequestBody WithdrawalRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), standings::after));
    }

    /** Processing stops (withdrawal granted, supplement never supplied, legal stop); judged like a resolution. */
    @PostMapping("/{dossierId}/stop")
    ResolutionAnswer stop(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                          @Valid @RequestBody StopRequest request) {
        Accepted<Timeliness> accepted = commands.send(() -> request.toCommand(dossierId, personalData::seal),
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

    record DossierAnswer(String dossierId, DossierStatus status, String unitCode, OffsetDateTime dueAt, long position) {
    }

    record SupplementRequestAnswer(String dossierId, DossierStatus status, int requestNumber, long position) {
    }

    record ResolutionAnswer(String dossierId, DossierStatus status, Timeliness timeliness, long position) {
    }
}
