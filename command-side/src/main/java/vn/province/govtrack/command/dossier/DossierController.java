package vn.province.govtrack.command.dossier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.command.dossier.DossierRequest.AssignmentRequest;
import vn.province.govtrack.command.dossier.DossierRequest.DigitisationRequest;
import vn.province.govtrack.command.dossier.DossierRequest.ElectronicResultRequest;
import vn.province.govtrack.command.dossier.DossierRequest.ExtensionRequest;
import vn.province.govtrack.command.dossier.DossierRequest.ProvideSupplementRequest;
import vn.province.govtrack.command.dossier.DossierRequest.RatingRequest;
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
import vn.province.govtrack.command.messaging.Accepted;
import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.command.web.QuerySideLinks;
import vn.province.govtrack.command.web.Patterns;
import vn.province.govtrack.kernel.dossier.DossierStatus;
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
 *   <tr><td>{@code /{id}/payments}</td><td>{@code amount}, {@code channel}</td>
 *       <td>IN_PROCESSING (RECEIVED if never assigned)</td></tr>
 *   <tr><td>{@code /{id}/extensions}</td><td>{@code newDueAt}, {@code apology}</td>
 *       <td>unchanged, with the new {@code dueAt}</td></tr>
 *   <tr><td>{@code /{id}/transfers}</td><td>{@code toUnitCode}, {@code reason}</td>
 *       <td>unchanged, at the new {@code unitCode}</td></tr>
 *   <tr><td>{@code /{id}/resolution}</td><td>{@code outcome}, {@code note}</td><td>RESOLVED, with {@code timeliness}</td></tr>
 *   <tr><td>{@code /{id}/return}</td><td>{@code returnedAt}</td><td>RETURNED</td></tr>
 *   <tr><td>{@code /{id}/withdrawal}</td><td>{@code reason}</td><td>WITHDRAWAL_REQUESTED</td></tr>
 *   <tr><td>{@code /{id}/stop}</td><td>{@code reason}</td><td>STOPPED, with {@code timeliness}</td></tr>
 *   <tr><td>{@code /{id}/digitisation}</td>
 *       <td>{@code parts}, {@code digitisedParts}, {@code reusedParts}, {@code populationDataUsed}</td>
 *       <td>unchanged (while being processed; the last record counts)</td></tr>
 *   <tr><td>{@code /{id}/electronic-result}</td><td>{@code issuedAt}</td>
 *       <td>unchanged (RESOLVED or RETURNED; once)</td></tr>
 *   <tr><td>{@code /{id}/rating}</td><td>{@code score} (1 to 5)</td><td>unchanged (RETURNED; once)</td></tr>
 * </table>
 *
 * <p>A step the dossier's status does not allow is a 409 (see {@code Dossier.Step}); an unknown
 * dossier, or transfer to an unknown unit, a 404.
 *
 * <p>Each body ({@link DossierRequest}) builds its command itself, as it does for the bulk import of
 * dossier history ({@link DossierEndpoint} lists the endpoints).
 *
 * <p>Every dossier command answers the {@link DossierState} it leaves the dossier in, and each answer is
 * built from that state and the command's position alone. A retry of a request whose first attempt
 * recorded the command but never answered ({@link CommandSender#send}) reads the same state back by
 * replaying the dossier to the command's last event ({@link RecordedDossierStates}).
 */
@Tag(name = "dossiers", description = "A dossier's way from the desk to the applicant: submission, receipt,"
                   + " processing, resolution, return")
@RestController
@RequestMapping(DossierEndpoint.BASE_PATH)
class DossierController {

    private final CommandSender commands;
    private final RecordedDossierStates states;
    private final QuerySideLinks links;
    private final PersonalData personalData;
    private final IdGenerator ids;
    private final ZoneId zone;

    DossierController(CommandSender commands, RecordedDossierStates states, PersonalData personalData, IdGenerator ids,
                      WorkingHours workingHours, QuerySideLinks links) {
        this.commands = commands;
        this.states = states;
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
    @Operation(summary = "Submit a dossier at a unit's desk: received at once in person or by post, NEW online")
    ResponseEntity<DossierAnswer> submit(@Valid @RequestBody SubmitDossierRequest request) {
        DossierAnswer answer = answer(commands.send(() -> request.toCommand(
                request.dossierId() != null ? request.dossierId() : ids.generateId().toString(), personalData::seal),
                states::after));
        return ResponseEntity
                .created(links.dossier(answer.dossierId()))
                .body(answer);
    }

    /** The desk receives an online dossier: NEW becomes RECEIVED and the due date is decided. */
    @PostMapping("/{dossierId}/receipt")
    @Operation(summary = "Receive an online dossier at the desk, which decides its due date")
    DossierAnswer receive(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                          @RequestBody(required = false) ReceiptRequest request) {
        ReceiptRequest given = request != null ? request : new ReceiptRequest(null);
        return answer(commands.send(() -> given.toCommand(dossierId, personalData::seal), states::after));
    }

    /** The desk refuses an online dossier: NEW becomes NOT_RECEIVED. */
    @PostMapping("/{dossierId}/refusal")
    @Operation(summary = "Refuse to receive an online dossier, with the reason")
    DossierAnswer refuse(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                         @Valid @RequestBody RefusalRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), states::after));
    }

    /** An officer handles the dossier (IN_PROCESSING); a later assignment hands it to another officer. */
    @PostMapping("/{dossierId}/assignment")
    @Operation(summary = "Assign the dossier to an officer, or hand it to another")
    DossierAnswer assign(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                         @Valid @RequestBody AssignmentRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), states::after));
    }

    /** The applicant must add documents; the clock pauses. Answers which request this is (1 for the first). */
    @PostMapping("/{dossierId}/supplement-requests")
    @Operation(summary = "Ask the applicant for more documents, which pauses the clock")
    SupplementRequestAnswer requestSupplement(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                              @Valid @RequestBody RequestSupplementRequest request) {
        Accepted<DossierState> accepted = commands.send(() -> request.toCommand(dossierId, personalData::seal),
                                                        states::after);
        DossierState state = accepted.answer();
        return new SupplementRequestAnswer(state.dossierId(), state.status(), state.supplementRequests(),
                                           accepted.position());
    }

    /**
     * The supplement arrived: the clock runs again and {@code dueAt} moves by the paused working time.
     * After the supplement deadline ({@code govtrack.dossier.supplement-deadline-working-days}) it is a 409.
     */
    @PostMapping("/{dossierId}/supplements")
    @Operation(summary = "Record the supplement the applicant brought, which moves the due date")
    DossierAnswer provideSupplement(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                    @Valid @RequestBody(required = false) ProvideSupplementRequest request) {
        ProvideSupplementRequest given = request != null ? request : new ProvideSupplementRequest(null, null);
        return answer(commands.send(() -> given.toCommand(dossierId, personalData::seal), states::after));
    }

    /** Fees or financial obligations are requested, {@code amount} in VND. */
    @PostMapping("/{dossierId}/payment-requests")
    @Operation(summary = "Ask the applicant to pay a fee or obligation, in VND")
    DossierAnswer requestPayment(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                 @Valid @RequestBody RequestPaymentRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), states::after));
    }

    /** The requested payment was made, {@code amount} in VND, {@code channel} ONLINE or AT_DESK (the default). */
    @PostMapping("/{dossierId}/payments")
    @Operation(summary = "Record the payment the applicant made, which resumes processing")
    DossierAnswer recordPayment(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                @Valid @RequestBody RecordPaymentRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), states::after));
    }

    /** Apology and a new appointment date, later than the one in force (Circular 03/2025, form 04). */
    @PostMapping("/{dossierId}/extensions")
    @Operation(summary = "Extend the due date, with the apology to the applicant")
    DossierAnswer extend(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                         @Valid @RequestBody ExtensionRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), states::after));
    }

    /** Another unit handles the dossier; it must exist (404) and differ from the current one (409). */
    @PostMapping("/{dossierId}/transfers")
    @Operation(summary = "Transfer the dossier to another unit, with the reason")
    DossierAnswer transfer(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                           @Valid @RequestBody TransferRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), states::after));
    }

    @PostMapping("/{dossierId}/resolution")
    @Operation(summary = "Resolve the dossier, approved or refused, which decides its timeliness")
    ResolutionAnswer resolve(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                             @Valid @RequestBody ResolutionRequest request) {
        return resolutionAnswer(commands.send(() -> request.toCommand(dossierId, personalData::seal), states::after));
    }

    /** The result is handed back to the applicant, in person or by post (after the resolution only). */
    @PostMapping("/{dossierId}/return")
    @Operation(summary = "Hand the result back to the applicant")
    DossierAnswer returnResult(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                               @RequestBody(required = false) ReturnRequest request) {
        ReturnRequest given = request != null ? request : new ReturnRequest(null);
        return answer(commands.send(() -> given.toCommand(dossierId, personalData::seal), states::after));
    }

    /** The applicant asks to withdraw; a stop grants it. */
    @PostMapping("/{dossierId}/withdrawal")
    @Operation(summary = "Record the applicant's request to withdraw the dossier")
    DossierAnswer requestWithdrawal(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                    @Valid @RequestBody WithdrawalRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), states::after));
    }

    /** Processing stops (withdrawal granted, supplement never supplied, legal stop); judged like a resolution. */
    @PostMapping("/{dossierId}/stop")
    @Operation(summary = "Stop processing the dossier, judged on time or late like a resolution")
    ResolutionAnswer stop(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                          @Valid @RequestBody StopRequest request) {
        return resolutionAnswer(commands.send(() -> request.toCommand(dossierId, personalData::seal), states::after));
    }

    /**
     * How the dossier's parts are held electronically, for the national index's digitisation group; while it
     * is being processed, and again after a supplement (the last record counts).
     */
    @PostMapping("/{dossierId}/digitisation")
    @Operation(summary = "Record how many of the dossier's parts are held electronically, reused, and whether the"
                         + " population database supplied the applicant's data")
    DossierAnswer digitise(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                           @Valid @RequestBody DigitisationRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), states::after));
    }

    /** The result of a resolved or returned dossier is issued as an electronic document as well; once (409 after). */
    @PostMapping("/{dossierId}/electronic-result")
    @Operation(summary = "Record that the dossier's result was issued as an electronic document (once)")
    DossierAnswer issueElectronicResult(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                                        @RequestBody(required = false) ElectronicResultRequest request) {
        ElectronicResultRequest given = request != null ? request : new ElectronicResultRequest(null);
        return answer(commands.send(() -> given.toCommand(dossierId, personalData::seal), states::after));
    }

    /** The score the applicant gave on the desk's rating device or the portal, after the return; once (409 after). */
    @PostMapping("/{dossierId}/rating")
    @Operation(summary = "Record the applicant's rating of the service, 1 to 5, after the result was returned (once)")
    DossierAnswer rate(@PathVariable @Pattern(regexp = Patterns.ID) String dossierId,
                       @Valid @RequestBody RatingRequest request) {
        return answer(commands.send(() -> request.toCommand(dossierId, personalData::seal), states::after));
    }

    private DossierAnswer answer(Accepted<DossierState> accepted) {
        DossierState state = accepted.answer();
        return new DossierAnswer(state.dossierId(), state.status(), state.unitCode(), local(state.dueAt()),
                                 accepted.position());
    }

    private static ResolutionAnswer resolutionAnswer(Accepted<DossierState> accepted) {
        DossierState state = accepted.answer();
        return new ResolutionAnswer(state.dossierId(), state.status(), state.timeliness(), accepted.position());
    }

    private OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    @Schema(example = """
            {"dossierId": "HS-2025-000123", "status": "RECEIVED", "unitCode": "XA-TAN-LAP",
             "dueAt": "2025-07-02T09:30:00+07:00", "position": 48210}""")
    record DossierAnswer(String dossierId, DossierStatus status, String unitCode, OffsetDateTime dueAt, long position) {
    }

    @Schema(example = """
            {"dossierId": "HS-2025-000123", "status": "SUPPLEMENT_REQUESTED", "requestNumber": 1,
             "position": 48231}""")
    record SupplementRequestAnswer(String dossierId, DossierStatus status, int requestNumber, long position) {
    }

    @Schema(example = """
            {"dossierId": "HS-2025-000123", "status": "RESOLVED", "timeliness": "EARLY", "position": 48240}""")
    record ResolutionAnswer(String dossierId, DossierStatus status, Timeliness timeliness, long position) {
    }
}
