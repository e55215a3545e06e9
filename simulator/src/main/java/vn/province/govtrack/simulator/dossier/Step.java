package vn.province.govtrack.simulator.dossier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One dated command of a dossier's history, as api.md's dossier endpoints take it. {@link #path()}
 * follows {@code /api/v1/dossiers}; the submission's path is empty.
 */
public sealed interface Step {

    /** The business time the command records. */
    Instant at();

    /** The endpoint, relative to {@code /api/v1/dossiers}. */
    String path(String dossierId);

    /** The JSON body's fields but the time: what the step says besides when it happened. */
    Map<String, Object> fields();

    /** The body's field that carries {@link #at()}, e.g. {@code "receivedAt"}. */
    String timeField();

    /** The JSON body: the fields, and the time in the province's zone. */
    default Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>(fields());
        body.put(timeField(), local(at()));
        return body;
    }

    /**
     * The kind of step, as the command side's history import names it (docs/import.md), e.g.
     * {@code "receipt"} or {@code "supplement-request"}; also how the simulator counts and reports.
     */
    String kind();

    /**
     * Whether the step moves the dossier to another status; the records the national index reads (its
     * digitisation, electronic result and rating) leave it where it is.
     */
    default boolean changesStatus() {
        return true;
    }

    record Submit(Instant at, String dossierId, String procedureCode, String unitCode, Channel channel,
                  Applicant applicant) implements Step {
        public String path(String dossierId) {
            return "";
        }

        public Map<String, Object> fields() {
            return named("dossierId", dossierId, "procedureCode", procedureCode, "unitCode", unitCode,
                          "channel", channel.name(), "applicant", applicant.body());
        }

        public String timeField() {
            return "submittedAt";
        }

        public String kind() {
            return "submission";
        }
    }

    record Receive(Instant at) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/receipt";
        }

        public Map<String, Object> fields() {
            return named();
        }

        public String timeField() {
            return "receivedAt";
        }

        public String kind() {
            return "receipt";
        }
    }

    record Refuse(Instant at, String reason) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/refusal";
        }

        public Map<String, Object> fields() {
            return named("reason", reason);
        }

        public String timeField() {
            return "refusedAt";
        }

        public String kind() {
            return "refusal";
        }
    }

    record Transfer(Instant at, String toUnitCode, String reason) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/transfers";
        }

        public Map<String, Object> fields() {
            return named("toUnitCode", toUnitCode, "reason", reason);
        }

        public String timeField() {
            return "transferredAt";
        }

        public String kind() {
            return "transfer";
        }
    }

    record Assign(Instant at, String staffId) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/assignment";
        }

        public Map<String, Object> fields() {
            return named("staffId", staffId);
        }

        public String timeField() {
            return "assignedAt";
        }

        public String kind() {
            return "assignment";
        }
    }

    record RequestPayment(Instant at, long amount, String reason) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/payment-requests";
        }

        public Map<String, Object> fields() {
            return named("amount", amount, "reason", reason);
        }

        public String timeField() {
            return "requestedAt";
        }

        public String kind() {
            return "payment-request";
        }
    }

    record RecordPayment(Instant at, long amount, PaymentChannel channel) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/payments";
        }

        public Map<String, Object> fields() {
            return named("amount", amount, "channel", channel.name());
        }

        public String timeField() {
            return "paidAt";
        }

        public String kind() {
            return "payment";
        }
    }

    record RequestSupplement(Instant at, String reason) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/supplement-requests";
        }

        public Map<String, Object> fields() {
            return named("reason", reason);
        }

        public String timeField() {
            return "requestedAt";
        }

        public String kind() {
            return "supplement-request";
        }
    }

    record ProvideSupplement(Instant at, String note) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/supplements";
        }

        public Map<String, Object> fields() {
            return named("note", note);
        }

        public String timeField() {
            return "providedAt";
        }

        public String kind() {
            return "supplement";
        }
    }

    record Extend(Instant at, Instant newDueAt, String apology) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/extensions";
        }

        public Map<String, Object> fields() {
            return named("newDueAt", local(newDueAt), "apology", apology);
        }

        public String timeField() {
            return "extendedAt";
        }

        public String kind() {
            return "extension";
        }
    }

    record RequestWithdrawal(Instant at, String reason) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/withdrawal";
        }

        public Map<String, Object> fields() {
            return named("reason", reason);
        }

        public String timeField() {
            return "requestedAt";
        }

        public String kind() {
            return "withdrawal";
        }
    }

    record Stop(Instant at, String reason) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/stop";
        }

        public Map<String, Object> fields() {
            return named("reason", reason);
        }

        public String timeField() {
            return "stoppedAt";
        }

        public String kind() {
            return "stop";
        }
    }

    record Resolve(Instant at, Outcome outcome, String note) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/resolution";
        }

        public Map<String, Object> fields() {
            return named("outcome", outcome.name(), "note", note);
        }

        public String timeField() {
            return "resolvedAt";
        }

        public String kind() {
            return "resolution";
        }
    }

    record Return(Instant at) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/return";
        }

        public Map<String, Object> fields() {
            return named();
        }

        public String timeField() {
            return "returnedAt";
        }

        public String kind() {
            return "return";
        }
    }

    /**
     * How the dossier's parts are held electronically, recorded at or soon after receipt.
     *
     * @param digitisedParts of {@code parts}, those scanned, submitted online or reused
     * @param reusedParts    of those, the ones taken from data digitised before
     */
    record Digitise(Instant at, int parts, int digitisedParts, int reusedParts, boolean populationDataUsed)
            implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/digitisation";
        }

        public Map<String, Object> fields() {
            return named("parts", parts, "digitisedParts", digitisedParts, "reusedParts", reusedParts,
                         "populationDataUsed", populationDataUsed);
        }

        public String timeField() {
            return "digitisedAt";
        }

        public String kind() {
            return "digitisation";
        }

        @Override
        public boolean changesStatus() {
            return false;
        }
    }

    /** The result issued as an electronic document, after the resolution. */
    record IssueElectronicResult(Instant at) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/electronic-result";
        }

        public Map<String, Object> fields() {
            return named();
        }

        public String timeField() {
            return "issuedAt";
        }

        public String kind() {
            return "electronic-result";
        }

        @Override
        public boolean changesStatus() {
            return false;
        }
    }

    /** The score (1 to 5) the applicant gave on the desk's rating device or the portal, after the return. */
    record Rate(Instant at, int score) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/rating";
        }

        public Map<String, Object> fields() {
            return named("score", score);
        }

        public String timeField() {
            return "ratedAt";
        }

        public String kind() {
            return "rating";
        }

        @Override
        public boolean changesStatus() {
            return false;
        }
    }

    /** api.md's payment channels: the national portal's payment platform, or the desk. */
    enum PaymentChannel {
        ONLINE, AT_DESK
    }

    /** api.md's channels. */
    enum Channel {
        IN_PERSON, ONLINE, POSTAL
    }

    /** api.md's resolution outcomes. */
    enum Outcome {
        APPROVED, REFUSED
    }

    /** The applicant's personal data: 12-digit national ID number, full name, phone. */
    record Applicant(String idNumber, String fullName, String phone) {
        Map<String, Object> body() {
            return named("idNumber", idNumber, "fullName", fullName, "phone", phone);
        }
    }

    private static OffsetDateTime local(Instant instant) {
        return instant.atZone(OfficeHours.ZONE).toOffsetDateTime();
    }

    private static Map<String, Object> named(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
