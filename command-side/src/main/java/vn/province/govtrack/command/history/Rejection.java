package vn.province.govtrack.command.history;

import vn.province.govtrack.web.ProblemType;

/**
 * A line that was not imported, and why. Where the command side refused the step, the reason is the
 * problem type its HTTP endpoint would answer for the same request, and the detail its message; the
 * other reasons are the import's own. Nothing of a rejected line is appended.
 *
 * @param recordId  the record's id, null when the line is not readable that far
 * @param dossierId the dossier's id, null when the line is not readable that far
 */
record Rejection(long line, String recordId, String dossierId, Reason reason, String detail) implements HistoryLine {

    enum Reason {
        /** Not a JSON object of the record's form. */
        MALFORMED("malformed-record"),
        /** A field is missing or invalid (HTTP 400). */
        INVALID(ProblemType.INVALID_INPUT.slug()),
        /** The actor's role may not give the step, or not on this dossier (HTTP 403). */
        FORBIDDEN(ProblemType.FORBIDDEN.slug()),
        /** The dossier does not exist for a step after its submission (HTTP 404). */
        NOT_FOUND(ProblemType.NOT_FOUND.slug()),
        /** The step names a unit or procedure that does not exist (HTTP 404): reference data comes first. */
        UNKNOWN_REFERENCE(ProblemType.UNKNOWN_REFERENCE.slug()),
        /** The dossier's state forbids the step (HTTP 409). */
        RULE_VIOLATION(ProblemType.RULE_VIOLATION.slug()),
        /** The dossier already has a record with this id, earlier in the file. */
        DUPLICATE("duplicate-record"),
        /**
         * An earlier import of the file rejected the record and went on with the dossier's later ones,
         * which are recorded; it is not tried again against the dossier as they left it.
         */
        REJECTED_EARLIER("rejected-earlier");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** How reports name it. */
        String code() {
            return code;
        }
    }

    /** One line of the import's report. */
    String describe() {
        return "line " + line + (recordId != null ? ", record " + recordId : "") + ": " + reason.code() + ": " + detail;
    }
}
