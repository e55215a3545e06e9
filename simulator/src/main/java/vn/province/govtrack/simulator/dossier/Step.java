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

    /** The JSON body. */
    Map<String, Object> body();

    /** A short name for counting and reporting, e.g. {@code "receipt"}. */
    String kind();

    record Submit(Instant at, String dossierId, String procedureCode, String unitCode, Channel channel,
                  Applicant applicant) implements Step {
        public String path(String dossierId) {
            return "";
        }

        public Map<String, Object> body() {
            return fields("dossierId", dossierId, "procedureCode", procedureCode, "unitCode", unitCode,
                          "channel", channel.name(), "applicant", applicant.body(), "submittedAt", local(at));
        }

        public String kind() {
            return "submission";
        }
    }

    record Receive(Instant at) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/receipt";
        }

        public Map<String, Object> body() {
            return fields("receivedAt", local(at));
        }

        public String kind() {
            return "receipt";
        }
    }

    record Refuse(Instant at, String reason) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/refusal";
        }

        public Map<String, Object> body() {
            return fields("reason", reason, "refusedAt", local(at));
        }

        public String kind() {
            return "refusal";
        }
    }

    record Transfer(Instant at, String toUnitCode, String reason) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/transfers";
        }

        public Map<String, Object> body() {
            return fields("toUnitCode", toUnitCode, "reason", reason, "transferredAt", local(at));
        }

        public String kind() {
            return "transfer";
        }
    }

    record Assign(Instant at, String staffId) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/assignment";
        }

        public Map<String, Object> body() {
            return fields("staffId", staffId, "assignedAt", local(at));
        }

        public String kind() {
            return "assignment";
        }
    }

    record RequestPayment(Instant at, long amount, String reason) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/payment-requests";
        }

        public Map<String, Object> body() {
            return fields("amount", amount, "reason", reason, "requestedAt", local(at));
        }

        public String kind() {
            return "payment request";
        }
    }

    record RecordPayment(Instant at, long amount) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/payments";
        }

        public Map<String, Object> body() {
            return fields("amount", amount, "paidAt", local(at));
        }

        public String kind() {
            return "payment";
        }
    }

    record RequestSupplement(Instant at, String reason) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/supplement-requests";
        }

        public Map<String, Object> body() {
            return fields("reason", reason, "requestedAt", local(at));
        }

        public String kind() {
            return "supplement request";
        }
    }

    record ProvideSupplement(Instant at, String note) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/supplements";
        }

        public Map<String, Object> body() {
            return fields("note", note, "providedAt", local(at));
        }

        public String kind() {
            return "supplement";
        }
    }

    record Extend(Instant at, Instant newDueAt, String apology) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/extensions";
        }

        public Map<String, Object> body() {
            return fields("newDueAt", local(newDueAt), "apology", apology, "extendedAt", local(at));
        }

        public String kind() {
            return "extension";
        }
    }

    record RequestWithdrawal(Instant at, String reason) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/withdrawal";
        }

        public Map<String, Object> body() {
            return fields("reason", reason, "requestedAt", local(at));
        }

        public String kind() {
            return "withdrawal";
        }
    }

    record Stop(Instant at, String reason) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/stop";
        }

        public Map<String, Object> body() {
            return fields("reason", reason, "stoppedAt", local(at));
        }

        public String kind() {
            return "stop";
        }
    }

    record Resolve(Instant at, Outcome outcome, String note) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/resolution";
        }

        public Map<String, Object> body() {
            return fields("outcome", outcome.name(), "note", note, "resolvedAt", local(at));
        }

        public String kind() {
            return "resolution";
        }
    }

    record Return(Instant at) implements Step {
        public String path(String dossierId) {
            return "/" + dossierId + "/return";
        }

        public Map<String, Object> body() {
            return fields("returnedAt", local(at));
        }

        public String kind() {
            return "return";
        }
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
            return fields("idNumber", idNumber, "fullName", fullName, "phone", phone);
        }
    }

    private static OffsetDateTime local(Instant instant) {
        return instant.atZone(OfficeHours.ZONE).toOffsetDateTime();
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
