package vn.province.govtrack.command.dossier;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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

/**
 * The dossier command endpoints ({@code POST /api/v1/dossiers...}, {@link DossierController}), each with
 * the body it takes and the name of the body's optional time field. A bulk import names a step of a
 * dossier's history by its {@link #kind()} and is handled as a request to its endpoint would be
 * (docs/import.md); a test holds this list and the controller's mappings to each other.
 */
public enum DossierEndpoint {

    SUBMISSION("submission", "", SubmitDossierRequest.class, "submittedAt"),
    RECEIPT("receipt", "/receipt", ReceiptRequest.class, "receivedAt"),
    REFUSAL("refusal", "/refusal", RefusalRequest.class, "refusedAt"),
    ASSIGNMENT("assignment", "/assignment", AssignmentRequest.class, "assignedAt"),
    SUPPLEMENT_REQUEST("supplement-request", "/supplement-requests", RequestSupplementRequest.class, "requestedAt"),
    SUPPLEMENT("supplement", "/supplements", ProvideSupplementRequest.class, "providedAt"),
    PAYMENT_REQUEST("payment-request", "/payment-requests", RequestPaymentRequest.class, "requestedAt"),
    PAYMENT("payment", "/payments", RecordPaymentRequest.class, "paidAt"),
    EXTENSION("extension", "/extensions", ExtensionRequest.class, "extendedAt"),
    TRANSFER("transfer", "/transfers", TransferRequest.class, "transferredAt"),
    RESOLUTION("resolution", "/resolution", ResolutionRequest.class, "resolvedAt"),
    RETURN("return", "/return", ReturnRequest.class, "returnedAt"),
    WITHDRAWAL("withdrawal", "/withdrawal", WithdrawalRequest.class, "requestedAt"),
    STOP("stop", "/stop", StopRequest.class, "stoppedAt"),
    DIGITISATION("digitisation", "/digitisation", DigitisationRequest.class, "digitisedAt"),
    ELECTRONIC_RESULT("electronic-result", "/electronic-result", ElectronicResultRequest.class, "issuedAt"),
    RATING("rating", "/rating", RatingRequest.class, "ratedAt");

    /** Where the dossier endpoints live. */
    public static final String BASE_PATH = "/api/v1/dossiers";

    private static final Map<String, DossierEndpoint> BY_KIND =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(DossierEndpoint::kind, Function.identity()));

    private final String kind;
    private final String suffix;
    private final Class<? extends DossierRequest> requestType;
    private final String timeField;

    DossierEndpoint(String kind, String suffix, Class<? extends DossierRequest> requestType, String timeField) {
        this.kind = kind;
        this.suffix = suffix;
        this.requestType = requestType;
        this.timeField = timeField;
    }

    /** The endpoint of a kind of step, e.g. {@code "supplement-request"}. */
    public static Optional<DossierEndpoint> ofKind(String kind) {
        return Optional.ofNullable(BY_KIND.get(kind));
    }

    /** The step's name in an imported history, e.g. {@code "supplement-request"}. */
    public String kind() {
        return kind;
    }

    /** The path a request about {@code dossierId} is posted to; the submission's names no dossier. */
    public String path(String dossierId) {
        return this == SUBMISSION ? BASE_PATH : BASE_PATH + "/" + dossierId + suffix;
    }

    /** The path as the controller maps it, with {@code {dossierId}} for the dossier. */
    String mapping() {
        return suffix.isEmpty() ? "" : "/{dossierId}" + suffix;
    }

    public Class<? extends DossierRequest> requestType() {
        return requestType;
    }

    /** The body's field that dates the step, e.g. {@code "receivedAt"}. */
    public String timeField() {
        return timeField;
    }

    /** Whether the body names the dossier (the submission's {@code dossierId}); the others name it in the path. */
    public boolean bodyNamesTheDossier() {
        return this == SUBMISSION;
    }
}
