package vn.province.govtrack.command.dossier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import vn.province.govtrack.command.web.Patterns;
import vn.province.govtrack.kernel.applicant.ApplicantIds;
import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Applicant;
import vn.province.govtrack.kernel.dossier.AssignDossierCommand;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DigitiseDossierCommand;
import vn.province.govtrack.kernel.dossier.ExtendDossierCommand;
import vn.province.govtrack.kernel.dossier.IssueElectronicResultCommand;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.ProvideSupplementCommand;
import vn.province.govtrack.kernel.dossier.PaymentChannel;
import vn.province.govtrack.kernel.dossier.RateDossierCommand;
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
import vn.province.govtrack.kernel.dossier.TransferDossierCommand;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of a dossier command endpoint ({@link DossierEndpoint}) and the command it asks for. The
 * one place where a dossier command is built from what a caller sent: the HTTP controller and the
 * history import both go through it, so an imported record and a request with the same body give the
 * same command. Bodies are checked by Bean Validation before a command is built; every
 * {@code ...At} is optional here (absent means now), for callers replaying dated history.
 */
public sealed interface DossierRequest {

    /**
     * The command for dossier {@code dossierId}. The applicant of a submission is sealed by
     * {@code seal}, so the command never carries personal data in clear; other requests ignore it.
     */
    Object toCommand(String dossierId, Function<Applicant, SealedApplicant> seal);

    /** The applicant in clear, for a submission; a caller sealing many at once collects them first. */
    default Optional<Applicant> applicantInClear() {
        return Optional.empty();
    }

    private static Instant instantOf(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /**
     * @param dossierId   optional over HTTP (generated when absent); the importer always gives it
     * @param submittedAt optional, for importers replaying dated history; absent means now
     */
    @Schema(example = """
            {"procedureCode": "KS-01", "unitCode": "XA-TAN-LAP", "channel": "IN_PERSON",
             "applicant": {"idNumber": "038090001234", "fullName": "Nguyễn Văn An", "phone": "0912345678"}}""")
    record SubmitDossierRequest(@Pattern(regexp = Patterns.ID) String dossierId,
                                @NotNull @Pattern(regexp = Patterns.CODE) String procedureCode,
                                @NotNull @Pattern(regexp = Patterns.CODE) String unitCode,
                                @NotNull Channel channel,
                                @NotNull @Valid ApplicantRequest applicant,
                                OffsetDateTime submittedAt) implements DossierRequest {

        /** {@code dossierId} is the one given in the body, or the caller's generated one when it gave none. */
        @Override
        public SubmitDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new SubmitDossierCommand(dossierId, procedureCode, unitCode, channel,
                                            seal.apply(applicant.toApplicant()), instantOf(submittedAt));
        }

        @Override
        public Optional<Applicant> applicantInClear() {
            return Optional.of(applicant.toApplicant());
        }
    }

    /** The applicant's personal data: 12-digit national ID number, full name, optional phone. */
    @Schema(example = """
            {"idNumber": "038090001234", "fullName": "Nguyễn Văn An", "phone": "0912345678"}""")
    record ApplicantRequest(@NotNull @Pattern(regexp = ApplicantIds.ID_NUMBER_PATTERN, message = "must be 12 digits") String idNumber,
                            @NotBlank @Size(max = 200) String fullName,
                            @Pattern(regexp = "\\+?[0-9 .()-]{3,20}", message = "must be a phone number") String phone) {

        Applicant toApplicant() {
            return new Applicant(idNumber, fullName, phone);
        }
    }

    @Schema(example = """
            {"receivedAt": "2025-07-01T09:30:00+07:00"}""")
    record ReceiptRequest(OffsetDateTime receivedAt) implements DossierRequest {
        @Override
        public ReceiveDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new ReceiveDossierCommand(dossierId, instantOf(receivedAt));
        }
    }

    @Schema(example = """
            {"reason": "The birth certificate copy is not certified."}""")
    record RefusalRequest(@NotBlank @Size(max = 2000) String reason, OffsetDateTime refusedAt) implements DossierRequest {
        @Override
        public RefuseDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new RefuseDossierCommand(dossierId, reason, instantOf(refusedAt));
        }
    }

    @Schema(example = """
            {"staffId": "CB-00042"}""")
    record AssignmentRequest(@NotNull @Pattern(regexp = Patterns.CODE) String staffId, OffsetDateTime assignedAt)
            implements DossierRequest {
        @Override
        public AssignDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new AssignDossierCommand(dossierId, staffId, instantOf(assignedAt));
        }
    }

    @Schema(example = """
            {"reason": "A certified copy of the household registration is missing."}""")
    record RequestSupplementRequest(@NotBlank @Size(max = 2000) String reason, OffsetDateTime requestedAt)
            implements DossierRequest {
        @Override
        public RequestSupplementCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new RequestSupplementCommand(dossierId, reason, instantOf(requestedAt));
        }
    }

    @Schema(example = """
            {"note": "Certified copy brought to the desk."}""")
    record ProvideSupplementRequest(@Size(max = 2000) String note, OffsetDateTime providedAt) implements DossierRequest {
        @Override
        public ProvideSupplementCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new ProvideSupplementCommand(dossierId, note, instantOf(providedAt));
        }
    }

    /** @param amount in VND */
    @Schema(example = """
            {"amount": 50000, "reason": "Fee for a certified extract"}""")
    record RequestPaymentRequest(@NotNull @Positive Long amount, @NotBlank @Size(max = 2000) String reason,
                                 OffsetDateTime requestedAt) implements DossierRequest {
        @Override
        public RequestPaymentCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new RequestPaymentCommand(dossierId, amount, reason, instantOf(requestedAt));
        }
    }

    /**
     * @param amount  in VND
     * @param channel ONLINE (the national portal's payment platform) or AT_DESK; absent means AT_DESK
     */
    @Schema(example = """
            {"amount": 50000, "channel": "ONLINE"}""")
    record RecordPaymentRequest(@NotNull @Positive Long amount, OffsetDateTime paidAt, PaymentChannel channel)
            implements DossierRequest {
        @Override
        public RecordPaymentCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new RecordPaymentCommand(dossierId, amount, instantOf(paidAt), channel);
        }
    }

    @Schema(example = """
            {"newDueAt": "2025-07-10T17:00:00+07:00",
             "apology": "We apologise: verification with the district archive takes two more days."}""")
    record ExtensionRequest(@NotNull OffsetDateTime newDueAt, @NotBlank @Size(max = 2000) String apology,
                            OffsetDateTime extendedAt) implements DossierRequest {
        @Override
        public ExtendDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new ExtendDossierCommand(dossierId, instantOf(newDueAt), apology, instantOf(extendedAt));
        }
    }

    @Schema(example = """
            {"toUnitCode": "XA-DONG-TIEN", "reason": "The applicant's residence is in Đông Tiến."}""")
    record TransferRequest(@NotNull @Pattern(regexp = Patterns.CODE) String toUnitCode,
                           @NotBlank @Size(max = 2000) String reason, OffsetDateTime transferredAt)
            implements DossierRequest {
        @Override
        public TransferDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new TransferDossierCommand(dossierId, toUnitCode, reason, instantOf(transferredAt));
        }
    }

    @Schema(example = """
            {"outcome": "APPROVED", "note": "Birth registered; extract issued."}""")
    record ResolutionRequest(@NotNull Outcome outcome, @Size(max = 2000) String note, OffsetDateTime resolvedAt)
            implements DossierRequest {
        @Override
        public ResolveDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new ResolveDossierCommand(dossierId, outcome, note, instantOf(resolvedAt));
        }
    }

    @Schema(example = """
            {"returnedAt": "2025-07-04T10:15:00+07:00"}""")
    record ReturnRequest(OffsetDateTime returnedAt) implements DossierRequest {
        @Override
        public ReturnDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new ReturnDossierCommand(dossierId, instantOf(returnedAt));
        }
    }

    /**
     * Checked here for its ranges; that {@code digitisedParts} is at most {@code parts} and {@code reusedParts}
     * at most {@code digitisedParts} the dossier checks (400 as well).
     *
     * @param parts              the parts (components) the dossier has, 1 to 1000
     * @param digitisedParts     how many of them are held electronically: scanned, submitted online or reused
     * @param reusedParts        how many of those were taken from data digitised before, not asked for again
     * @param populationDataUsed whether the applicant's data came from the national population database
     */
    @Schema(example = """
            {"parts": 3, "digitisedParts": 3, "reusedParts": 1, "populationDataUsed": true}""")
    record DigitisationRequest(@NotNull @Min(1) @Max(Dossier.MAX_PARTS) Integer parts,
                               @NotNull @Min(0) @Max(Dossier.MAX_PARTS) Integer digitisedParts,
                               @NotNull @Min(0) @Max(Dossier.MAX_PARTS) Integer reusedParts,
                               @NotNull Boolean populationDataUsed, OffsetDateTime digitisedAt)
            implements DossierRequest {
        @Override
        public DigitiseDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new DigitiseDossierCommand(dossierId, parts, digitisedParts, reusedParts, populationDataUsed,
                                              instantOf(digitisedAt));
        }
    }

    @Schema(example = """
            {"issuedAt": "2025-07-03T16:00:00+07:00"}""")
    record ElectronicResultRequest(OffsetDateTime issuedAt) implements DossierRequest {
        @Override
        public IssueElectronicResultCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new IssueElectronicResultCommand(dossierId, instantOf(issuedAt));
        }
    }

    /** @param score the applicant's rating, from 1 (very dissatisfied) to 5 (very satisfied) */
    @Schema(example = """
            {"score": 5}""")
    record RatingRequest(@NotNull @Min(Dossier.LOWEST_SCORE) @Max(Dossier.HIGHEST_SCORE) Integer score,
                         OffsetDateTime ratedAt) implements DossierRequest {
        @Override
        public RateDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new RateDossierCommand(dossierId, score, instantOf(ratedAt));
        }
    }

    @Schema(example = """
            {"reason": "The applicant moved to another province."}""")
    record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason, OffsetDateTime requestedAt)
            implements DossierRequest {
        @Override
        public RequestWithdrawalCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new RequestWithdrawalCommand(dossierId, reason, instantOf(requestedAt));
        }
    }

    @Schema(example = """
            {"reason": "Withdrawal granted at the applicant's request."}""")
    record StopRequest(@NotBlank @Size(max = 2000) String reason, OffsetDateTime stoppedAt) implements DossierRequest {
        @Override
        public StopDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new StopDossierCommand(dossierId, reason, instantOf(stoppedAt));
        }
    }
}
