package vn.province.govtrack.command.dossier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;

import jakarta.validation.Valid;
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
import vn.province.govtrack.kernel.dossier.TransferDossierCommand;

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
    record ApplicantRequest(@NotNull @Pattern(regexp = ApplicantIds.ID_NUMBER_PATTERN, message = "must be 12 digits") String idNumber,
                            @NotBlank @Size(max = 200) String fullName,
                            @Pattern(regexp = "\\+?[0-9 .()-]{3,20}", message = "must be a phone number") String phone) {

        Applicant toApplicant() {
            return new Applicant(idNumber, fullName, phone);
        }
    }

    record ReceiptRequest(OffsetDateTime receivedAt) implements DossierRequest {
        @Override
        public ReceiveDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new ReceiveDossierCommand(dossierId, instantOf(receivedAt));
        }
    }

    record RefusalRequest(@NotBlank @Size(max = 2000) String reason, OffsetDateTime refusedAt) implements DossierRequest {
        @Override
        public RefuseDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new RefuseDossierCommand(dossierId, reason, instantOf(refusedAt));
        }
    }

    record AssignmentRequest(@NotNull @Pattern(regexp = Patterns.CODE) String staffId, OffsetDateTime assignedAt)
            implements DossierRequest {
        @Override
        public AssignDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new AssignDossierCommand(dossierId, staffId, instantOf(assignedAt));
        }
    }

    record RequestSupplementRequest(@NotBlank @Size(max = 2000) String reason, OffsetDateTime requestedAt)
            implements DossierRequest {
        @Override
        public RequestSupplementCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new RequestSupplementCommand(dossierId, reason, instantOf(requestedAt));
        }
    }

    record ProvideSupplementRequest(@Size(max = 2000) String note, OffsetDateTime providedAt) implements DossierRequest {
        @Override
        public ProvideSupplementCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new ProvideSupplementCommand(dossierId, note, instantOf(providedAt));
        }
    }

    /** @param amount in VND */
    record RequestPaymentRequest(@NotNull @Positive Long amount, @NotBlank @Size(max = 2000) String reason,
                                 OffsetDateTime requestedAt) implements DossierRequest {
        @Override
        public RequestPaymentCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new RequestPaymentCommand(dossierId, amount, reason, instantOf(requestedAt));
        }
    }

    /** @param amount in VND */
    record RecordPaymentRequest(@NotNull @Positive Long amount, OffsetDateTime paidAt) implements DossierRequest {
        @Override
        public RecordPaymentCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new RecordPaymentCommand(dossierId, amount, instantOf(paidAt));
        }
    }

    record ExtensionRequest(@NotNull OffsetDateTime newDueAt, @NotBlank @Size(max = 2000) String apology,
                            OffsetDateTime extendedAt) implements DossierRequest {
        @Override
        public ExtendDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new ExtendDossierCommand(dossierId, instantOf(newDueAt), apology, instantOf(extendedAt));
        }
    }

    record TransferRequest(@NotNull @Pattern(regexp = Patterns.CODE) String toUnitCode,
                           @NotBlank @Size(max = 2000) String reason, OffsetDateTime transferredAt)
            implements DossierRequest {
        @Override
        public TransferDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new TransferDossierCommand(dossierId, toUnitCode, reason, instantOf(transferredAt));
        }
    }

    record ResolutionRequest(@NotNull Outcome outcome, @Size(max = 2000) String note, OffsetDateTime resolvedAt)
            implements DossierRequest {
        @Override
        public ResolveDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new ResolveDossierCommand(dossierId, outcome, note, instantOf(resolvedAt));
        }
    }

    record ReturnRequest(OffsetDateTime returnedAt) implements DossierRequest {
        @Override
        public ReturnDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new ReturnDossierCommand(dossierId, instantOf(returnedAt));
        }
    }

    record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason, OffsetDateTime requestedAt)
            implements DossierRequest {
        @Override
        public RequestWithdrawalCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new RequestWithdrawalCommand(dossierId, reason, instantOf(requestedAt));
        }
    }

    record StopRequest(@NotBlank @Size(max = 2000) String reason, OffsetDateTime stoppedAt) implements DossierRequest {
        @Override
        public StopDossierCommand toCommand(String dossierId, Function<Applicant, SealedApplicant> seal) {
            return new StopDossierCommand(dossierId, reason, instantOf(stoppedAt));
        }
    }
}
