package vn.province.govtrack.command.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines of a history to import (docs/import.md), written as a province's old one-stop software would
 * export them: one dossier's steps after another, each dated and signed by the official who took it.
 * The dossiers' ids begin with a prefix, so a test can import the same histories under other ids.
 */
final class Histories {

    private final String prefix;
    private final String unit;
    private final String otherUnit;
    private final String procedure;
    private final List<String> lines = new ArrayList<>();

    /**
     * @param unit      where dossiers are submitted
     * @param otherUnit where one of them is transferred to
     * @param procedure an online procedure of one working day, cut-off 15:00
     */
    Histories(String prefix, String unit, String otherUnit, String procedure) {
        this.prefix = prefix;
        this.unit = unit;
        this.otherUnit = otherUnit;
        this.procedure = procedure;
    }

    /** Four dossiers that between them take every kind of step, all of them accepted by the rules. */
    Histories everyKindOfStep() {
        String a = prefix + "-A";
        clerk(a, 0, "submission", "2025-07-01T08:30:00+07:00", submission("IN_PERSON", "001203004567"));
        clerk(a, 1, "assignment", "2025-07-01T09:00:00+07:00", "{\"staffId\": \"CB-1\"}");
        clerk(a, 2, "supplement-request", "2025-07-01T10:00:00+07:00", "{\"reason\": \"Thiếu bản sao giấy tờ\"}");
        clerk(a, 3, "supplement", "2025-07-02T09:00:00+07:00", "{\"note\": \"Đã bổ sung\"}");
        clerk(a, 4, "resolution", "2025-07-02T14:00:00+07:00", "{\"outcome\": \"APPROVED\", \"note\": \"Cấp\"}");
        clerk(a, 5, "return", "2025-07-03T08:10:00+07:00", "{}");

        String b = prefix + "-B";
        clerk(b, 0, "submission", "2025-07-01T20:15:00+07:00", submission("ONLINE", "079085001234"));
        clerk(b, 1, "receipt", "2025-07-02T08:05:00+07:00", "{}");
        head(b, 2, "transfer", "2025-07-02T08:30:00+07:00", unit,
             "{\"toUnitCode\": \"" + otherUnit + "\", \"reason\": \"Đúng thẩm quyền\"}");
        step(b, 3, "assignment", "2025-07-02T09:00:00+07:00", "CLERK", otherUnit, "{\"staffId\": \"CB-2\"}");
        step(b, 4, "payment-request", "2025-07-02T09:30:00+07:00", "CLERK", otherUnit,
             "{\"amount\": 50000, \"reason\": \"Lệ phí\"}");
        step(b, 5, "payment", "2025-07-02T10:00:00+07:00", "CLERK", otherUnit, "{\"amount\": 50000}");
        head(b, 6, "extension", "2025-07-02T11:00:00+07:00", otherUnit,
             "{\"newDueAt\": \"2025-07-07T17:00:00+07:00\", \"apology\": \"Xin lỗi, hẹn lại\"}");
        step(b, 7, "resolution", "2025-07-04T10:00:00+07:00", "CLERK", otherUnit,
             "{\"outcome\": \"REFUSED\", \"note\": \"Không đủ điều kiện\"}");

        String c = prefix + "-C";
        clerk(c, 0, "submission", "2025-07-01T21:00:00+07:00", submission("ONLINE", "048190000001"));
        clerk(c, 1, "refusal", "2025-07-02T08:20:00+07:00", "{\"reason\": \"Không thuộc thẩm quyền\"}");

        String d = prefix + "-D";
        clerk(d, 0, "submission", "2025-07-01T09:45:00+07:00", submission("POSTAL", "001203004567"));
        clerk(d, 1, "withdrawal", "2025-07-01T15:00:00+07:00", "{\"reason\": \"Người nộp rút hồ sơ\"}");
        clerk(d, 2, "stop", "2025-07-01T16:00:00+07:00", "{\"reason\": \"Rút theo đề nghị\"}");
        return this;
    }

    /** Dossiers with a submission and a receipt or an assignment each: {@code count * 2} records. */
    Histories simple(int count) {
        for (int i = 0; i < count; i++) {
            String id = prefix + "-S" + i;
            clerk(id, 0, "submission", "2025-07-0" + (1 + i % 5) + "T08:" + (10 + i % 40) + ":00+07:00",
                  submission("IN_PERSON", String.format("0012030%05d", i)));
            clerk(id, 1, "assignment", "2025-07-0" + (1 + i % 5) + "T09:00:00+07:00", "{\"staffId\": \"CB-" + i % 3 + "\"}");
        }
        return this;
    }

    /** A step signed by a clerk of the dossier's first unit. */
    Histories clerk(String dossierId, int number, String kind, String at, String fields) {
        return step(dossierId, number, kind, at, "CLERK", unit, fields);
    }

    Histories head(String dossierId, int number, String kind, String at, String headOf, String fields) {
        return step(dossierId, number, kind, at, "UNIT_HEAD", headOf, fields);
    }

    Histories step(String dossierId, int number, String kind, String at, String role, String actorUnit, String fields) {
        lines.add(line(dossierId + "/" + number, dossierId, kind, at, role, actorUnit, fields));
        return this;
    }

    /** Any line, e.g. a broken one. */
    Histories raw(String line) {
        lines.add(line);
        return this;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String submission(String channel, String idNumber) {
        return """
                {"procedureCode": "%s", "unitCode": "%s", "channel": "%s",
                 "applicant": {"idNumber": "%s", "fullName": "Nguyễn Văn An", "phone": "0912345678"}}"""
                .formatted(procedure, unit, channel, idNumber).replace("\n", "");
    }

    static String line(String id, String dossierId, String kind, String at, String role, String actorUnit,
                       String fields) {
        String subject = "officer-" + role.toLowerCase(java.util.Locale.ROOT) + "-" + actorUnit;
        return """
                {"id": "%s", "dossierId": "%s", "kind": "%s", "at": "%s", \
                "actor": {"subject": "%s", "role": "%s", "unitCode": "%s"}, "fields": %s}"""
                .formatted(id, dossierId, kind, at, subject, role, actorUnit, fields).strip();
    }
}
