package vn.province.govtrack.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.command.CommandSideHttpTest;
import vn.province.govtrack.security.Caller;
import vn.province.govtrack.security.Role;
import vn.province.govtrack.security.TokenMinter;

/**
 * Sends well over a thousand malformed, oversized and hostile requests, generated with a fixed seed
 * from a table of every command endpoint × mutation strategies, to a command side holding some valid
 * data, as the officials whose job each command is (or with no, invalid, expired, forged or
 * insufficient tokens). None may be answered with a 5xx or accepted; every refusal is problem+json;
 * and afterwards the event store's head and the document count of every collection are what they were.
 *
 * <p>Every mutation is invalid by construction (a required field missing, a value of the wrong type
 * or form, a body the service cannot read ...), so any request that is accepted is a validation gap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputFuzzTest extends CommandSideHttpTest {

    private static final long SEED = 20250701L;

    /** The context's client, which adds no token: each request here says which it carries. */
    @Autowired
    private TestRestTemplate plain;
    @Autowired
    private MongoClient mongoClient;
    @Autowired
    private MongoProperties mongoProperties;
    @Autowired
    private ObjectMapper json;
    @Value("${govtrack.security.jwt.secret}")
    private String secret;

    /** Marks a request sent without an {@code Authorization} header. */
    private static final String NO_TOKEN = "(none)";

    /** Tokens of the officials whose job each command is; every request without a hostile token carries one. */
    private String admin;
    private String homeAffairs;
    private String unitHead;
    /** Authorization headers that must be refused whatever the request: 401, or 403 for a role without the command. */
    private List<String> hostileTokens;

    /** What a field holds, which decides the values that are wrong for it. */
    enum Kind { CODE, ID_NUMBER, ACCOUNT, TEXT, INT, LONG, BOOL, ENUM, DATE, TIMESTAMP, TIME_OF_DAY, OBJECT }

    /** A field of a request body; {@code path} is dotted for nested fields. */
    record Field(String path, Kind kind, boolean required) {
    }

    /** A command endpoint with a valid body for the seeded data (null: no body). */
    record Endpoint(String method, String path, String validBody, List<Field> fields) {

        /** Whether the request may come without a body (all its fields are optional). */
        boolean bodyOptional() {
            return validBody != null && !validBody.startsWith("[") && fields.stream().noneMatch(Field::required);
        }
    }

    /** One generated request. */
    record Hostile(String strategy, String method, String path, Map<String, String> headers, byte[] body,
                   boolean chunked) {

        String describe() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return strategy + ": " + method + " " + abbreviate(path, 120) + " " + headers + " " + abbreviate(shown, 200);
        }
    }

    /** An answer: status, Content-Type and body. */
    record Answer(int status, String contentType, String body) {
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }

    private static Field required(String path, Kind kind) {
        return new Field(path, kind, true);
    }

    private static Field optional(String path, Kind kind) {
        return new Field(path, kind, false);
    }

    private static final String UNIT = "FZ-XA";
    private static final String OTHER_UNIT = "FZ-PHUONG";
    private static final String PROCEDURE = "FZ-KHAI-SINH";
    private static final String DOSSIER = "FZ-HS-1";
    private static final String STAFF = "FZ-CB-1";
    private static final String FEEDBACK = "FZ-GY-1";
    private static final String ACCOUNT = "fz.cb1";
    private static final String ID_NUMBER = "001203004567";
    private static final String TS = "2025-07-01T10:00:00+07:00";

    private static List<Endpoint> endpoints() {
        String dossier = "/api/v1/dossiers/" + DOSSIER;
        String staff = "/api/v1/staff/" + STAFF;
        return List.of(
                new Endpoint("POST", "/api/v1/units", """
                        {"code": "FZ-NEW", "name": "Xã Mới", "kind": "COMMUNE"}""",
                             List.of(required("code", Kind.CODE), required("name", Kind.TEXT),
                                     required("kind", Kind.ENUM))),
                new Endpoint("POST", "/api/v1/units/" + UNIT + "/dissolution", """
                        {"effectiveDate": "2030-01-01", "decisionNo": "9/QĐ-UBND"}""",
                             List.of(optional("effectiveDate", Kind.DATE), required("decisionNo", Kind.TEXT))),
                new Endpoint("PUT", "/api/v1/units/" + UNIT + "/quotas/EDUCATION", """
                        {"positions": 4, "effectiveDate": "2025-07-01", "decisionNo": "15/QĐ-UBND"}""",
                             List.of(required("positions", Kind.INT), optional("effectiveDate", Kind.DATE),
                                     optional("decisionNo", Kind.TEXT))),
                new Endpoint("PUT", "/api/v1/calendar/holidays/2030", """
                        ["2030-01-01", "2030-09-02"]""", List.of()),
                new Endpoint("POST", "/api/v1/procedures", """
                        {"code": "FZ-NEW", "name": "Thủ tục", "field": "JUSTICE", "level": "COMMUNE",
                         "processingHours": 8, "cutoff": "15:00", "online": true, "onlineLevel": "PARTIAL",
                         "publishedOn": "2025-06-20", "effectiveFrom": "2025-07-01"}""",
                             List.of(required("code", Kind.CODE), required("name", Kind.TEXT),
                                     required("field", Kind.TEXT), required("level", Kind.TEXT),
                                     required("processingHours", Kind.INT), required("cutoff", Kind.TIME_OF_DAY),
                                     optional("online", Kind.BOOL), optional("onlineLevel", Kind.ENUM),
                                     optional("publishedOn", Kind.DATE), optional("effectiveFrom", Kind.DATE))),
                new Endpoint("POST", "/api/v1/procedures/" + PROCEDURE + "/updates", """
                        {"onlineLevel": "FULL", "updatedOn": "2025-07-10", "effectiveFrom": "2025-07-15",
                         "reason": "Quyết định 1520/QĐ-UBND"}""",
                             List.of(optional("onlineLevel", Kind.ENUM), optional("updatedOn", Kind.DATE),
                                     optional("effectiveFrom", Kind.DATE), required("reason", Kind.TEXT))),
                new Endpoint("POST", "/api/v1/dossiers", """
                        {"dossierId": "FZ-HS-NEW", "procedureCode": "%s", "unitCode": "%s", "channel": "IN_PERSON",
                         "applicant": {"idNumber": "001203004567", "fullName": "Nguyễn Văn An", "phone": "0912345678"},
                         "submittedAt": "%s"}""".formatted(PROCEDURE, UNIT, TS),
                             List.of(optional("dossierId", Kind.CODE), required("procedureCode", Kind.CODE),
                                     required("unitCode", Kind.CODE), required("channel", Kind.ENUM),
                                     required("applicant", Kind.OBJECT),
                                     required("applicant.idNumber", Kind.ID_NUMBER),
                                     required("applicant.fullName", Kind.TEXT), optional("applicant.phone", Kind.CODE),
                                     optional("submittedAt", Kind.TIMESTAMP))),
                new Endpoint("POST", dossier + "/receipt", """
                        {"receivedAt": "%s"}""".formatted(TS), List.of(optional("receivedAt", Kind.TIMESTAMP))),
                new Endpoint("POST", dossier + "/refusal", """
                        {"reason": "thiếu giấy tờ", "refusedAt": "%s"}""".formatted(TS),
                             List.of(required("reason", Kind.TEXT), optional("refusedAt", Kind.TIMESTAMP))),
                new Endpoint("POST", dossier + "/assignment", """
                        {"staffId": "%s", "assignedAt": "%s"}""".formatted(STAFF, TS),
                             List.of(required("staffId", Kind.CODE), optional("assignedAt", Kind.TIMESTAMP))),
                new Endpoint("POST", dossier + "/supplement-requests", """
                        {"reason": "bổ sung", "requestedAt": "%s"}""".formatted(TS),
                             List.of(required("reason", Kind.TEXT), optional("requestedAt", Kind.TIMESTAMP))),
                new Endpoint("POST", dossier + "/supplements", """
                        {"note": "đã bổ sung", "providedAt": "%s"}""".formatted(TS),
                             List.of(optional("note", Kind.TEXT), optional("providedAt", Kind.TIMESTAMP))),
                new Endpoint("POST", dossier + "/payment-requests", """
                        {"amount": 50000, "reason": "lệ phí", "requestedAt": "%s"}""".formatted(TS),
                             List.of(required("amount", Kind.LONG), required("reason", Kind.TEXT),
                                     optional("requestedAt", Kind.TIMESTAMP))),
                new Endpoint("POST", dossier + "/payments", """
                        {"amount": 50000, "paidAt": "%s"}""".formatted(TS),
                             List.of(required("amount", Kind.LONG), optional("paidAt", Kind.TIMESTAMP))),
                new Endpoint("POST", dossier + "/extensions", """
                        {"newDueAt": "2025-07-10T10:00:00+07:00", "apology": "xin lỗi", "extendedAt": "%s"}"""
                        .formatted(TS),
                             List.of(required("newDueAt", Kind.TIMESTAMP), required("apology", Kind.TEXT),
                                     optional("extendedAt", Kind.TIMESTAMP))),
                new Endpoint("POST", dossier + "/transfers", """
                        {"toUnitCode": "%s", "reason": "đúng thẩm quyền", "transferredAt": "%s"}"""
                        .formatted(OTHER_UNIT, TS),
                             List.of(required("toUnitCode", Kind.CODE), required("reason", Kind.TEXT),
                                     optional("transferredAt", Kind.TIMESTAMP))),
                new Endpoint("POST", dossier + "/resolution", """
                        {"outcome": "APPROVED", "note": "cấp", "resolvedAt": "%s"}""".formatted(TS),
                             List.of(required("outcome", Kind.ENUM), optional("note", Kind.TEXT),
                                     optional("resolvedAt", Kind.TIMESTAMP))),
                new Endpoint("POST", dossier + "/return", """
                        {"returnedAt": "%s"}""".formatted(TS), List.of(optional("returnedAt", Kind.TIMESTAMP))),
                new Endpoint("POST", dossier + "/withdrawal", """
                        {"reason": "rút", "requestedAt": "%s"}""".formatted(TS),
                             List.of(required("reason", Kind.TEXT), optional("requestedAt", Kind.TIMESTAMP))),
                new Endpoint("POST", dossier + "/stop", """
                        {"reason": "dừng", "stoppedAt": "%s"}""".formatted(TS),
                             List.of(required("reason", Kind.TEXT), optional("stoppedAt", Kind.TIMESTAMP))),
                new Endpoint("POST", "/api/v1/feedback", """
                        {"feedbackId": "FZ-GY-NEW", "kind": "COMPLAINT", "unitCode": "%s", "dossierId": "%s",
                         "subject": "Hẹn trả nhiều lần", "receivedAt": "%s"}""".formatted(UNIT, DOSSIER, TS),
                             List.of(optional("feedbackId", Kind.CODE), required("kind", Kind.ENUM),
                                     required("unitCode", Kind.CODE), optional("dossierId", Kind.CODE),
                                     required("subject", Kind.TEXT), optional("receivedAt", Kind.TIMESTAMP))),
                // the answer may be up to 4,000 characters, longer than the TEXT this fuzzer sends as too long
                new Endpoint("POST", "/api/v1/feedback/" + FEEDBACK + "/answer", """
                        {"answer": "Đã trả lời", "answeredAt": "%s"}""".formatted(TS),
                             List.of(optional("answeredAt", Kind.TIMESTAMP))),
                new Endpoint("POST", "/api/v1/staff", """
                        {"staffId": "FZ-CB-NEW", "fullName": "Trần Thị Bình", "unitCode": "%s", "field": "EDUCATION",
                         "position": "giáo viên", "effectiveDate": "2024-03-01", "decisionNo": "12/QĐ-SNV"}"""
                        .formatted(UNIT),
                             List.of(optional("staffId", Kind.CODE), required("fullName", Kind.TEXT),
                                     required("unitCode", Kind.CODE), required("field", Kind.CODE),
                                     required("position", Kind.TEXT), optional("effectiveDate", Kind.DATE),
                                     required("decisionNo", Kind.TEXT))),
                new Endpoint("POST", staff + "/transfers", """
                        {"toUnitCode": "%s", "toField": "HEALTH", "toPosition": "y tá", "effectiveDate": "2026-02-01",
                         "decisionNo": "80/QĐ-UBND"}""".formatted(OTHER_UNIT),
                             List.of(required("toUnitCode", Kind.CODE), optional("toField", Kind.CODE),
                                     optional("toPosition", Kind.TEXT), required("effectiveDate", Kind.DATE),
                                     required("decisionNo", Kind.TEXT))),
                new Endpoint("POST", staff + "/secondments", """
                        {"toUnitCode": "%s", "from": "2025-07-01", "until": "2026-06-30", "decisionNo": "45/QĐ-UBND"}"""
                        .formatted(OTHER_UNIT),
                             List.of(required("toUnitCode", Kind.CODE), optional("toField", Kind.CODE),
                                     required("from", Kind.DATE), required("until", Kind.DATE),
                                     required("decisionNo", Kind.TEXT))),
                new Endpoint("POST", staff + "/secondments/end", """
                        {"effectiveDate": "2026-01-01", "decisionNo": "70/QĐ-UBND"}""",
                             List.of(required("effectiveDate", Kind.DATE), required("decisionNo", Kind.TEXT))),
                new Endpoint("POST", staff + "/trainings", """
                        {"course": "An toàn thông tin", "completedOn": "2025-05-20"}""",
                             List.of(required("course", Kind.TEXT), required("completedOn", Kind.DATE))),
                new Endpoint("POST", staff + "/accounts", """
                        {"account": "fz.new"}""", List.of(required("account", Kind.ACCOUNT))),
                new Endpoint("DELETE", staff + "/accounts/" + ACCOUNT, null, List.of()),
                new Endpoint("DELETE", "/api/v1/applicants/" + ID_NUMBER, null, List.of()),
                new Endpoint("POST", staff + "/departure", """
                        {"effectiveDate": "2026-12-31", "reason": "nghỉ hưu", "decisionNo": "99/QĐ-UBND"}""",
                             List.of(required("effectiveDate", Kind.DATE), required("reason", Kind.TEXT),
                                     optional("decisionNo", Kind.TEXT))));
    }

    // ---- values that are wrong, by kind ----------------------------------------------------------------

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static List<JsonNode> wrongTypes(Kind kind) {
        ObjectNode operator = NODES.objectNode().put("$gt", "");
        ArrayNode array = NODES.arrayNode().add("x");
        return switch (kind) {
            case INT, LONG -> List.of(NODES.textNode("four"), NODES.booleanNode(true), operator, array,
                                      NODES.textNode("4"), NODES.numberNode(4.5));
            case BOOL -> List.of(NODES.textNode("yes"), NODES.numberNode(1), operator, array, NODES.textNode("true"));
            case OBJECT -> List.of(NODES.textNode("someone"), NODES.numberNode(1), array, NODES.booleanNode(false));
            case ENUM -> List.of(NODES.numberNode(0), NODES.booleanNode(true), operator, array,
                                 NODES.textNode("NOT_A_VALUE"), NODES.textNode("commune "));
            default -> List.of(NODES.numberNode(12), NODES.booleanNode(true), operator, array,
                               NODES.objectNode().put("$ne", (String) null), NODES.numberNode(1.5e300));
        };
    }

    private static List<JsonNode> outOfRange(Kind kind) {
        return switch (kind) {
            case INT -> List.of(NODES.numberNode(-1), NODES.numberNode(-2147483649L), NODES.numberNode(2147483648L),
                                NODES.numberNode(new BigInteger("99999999999999999999999999")),
                                NODES.numberNode(new BigDecimal("1e400")), NODES.numberNode(1_000_000));
            case LONG -> List.of(NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(Long.MIN_VALUE),
                                 NODES.numberNode(new BigInteger("99999999999999999999999999")),
                                 NODES.numberNode(-0.0));
            case DATE -> texts("2025-02-30", "2025-13-01", "20250701", "2025-7-1", "01/07/2025", "",
                               "2025-07-01T00:00:00", "+10000-01-01", "-0001-01-01", "1899-12-31", "9999-12-31",
                               "2025-07-01Z", "١٢٣٤-٠٧-٠١");
            case TIMESTAMP -> texts("2025-07-01T25:00:00+07:00", "2025-07-01T09:30:00", "2025-07-01", "yesterday",
                                    "+999999999-12-31T23:59:59+18:00", "-999999999-01-01T00:00:00-18:00",
                                    "2025-07-01T09:30:00+25:00", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                                    "2025-07-01T09:30:00.123456789123+07:00", "");
            case TIME_OF_DAY -> texts("24:00", "15:60", "3pm", "15:00:00", "", "-1:00", "١٥:٠٠");
            case ID_NUMBER -> texts("12345678901", "1234567890123", "00120300456a", "", "001203004567 ",
                                    "００１２０３００４５６７");
            case CODE, ACCOUNT -> texts("", " ", "..", ".", "../../etc/passwd", "a b", "a/b", "a\\b", "' OR '1'='1",
                                        "$where", "{\"$gt\": \"\"}", "<script>", "x".repeat(200), "ĐÀ-NẴNG",
                                        "a:b", "%2e%2e");
            case TEXT -> texts("", "   ", "x".repeat(2001), "\t\n");
            case ENUM -> texts("", "commune", "COMMUNE; DROP", "ÇOMMUNE");
            case BOOL, OBJECT -> List.of(NODES.nullNode());
        };
    }

    private static List<JsonNode> texts(String... values) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String value : values) {
            nodes.add(NODES.textNode(value));
        }
        return nodes;
    }

    /** Text that cannot be stored or shown faithfully, as JSON string literals: control characters, unpaired surrogates. */
    private static final List<String> BAD_TEXT = List.of("\"a\\u0000b\"", "\"\\u001b[31mred\"", "\"\\ud800\"",
                                                         "\"x\\udc00y\"", "\"\\u0007\"", "\"\\u009b\"",
                                                         "\"end\\ud83d\"", "\"\\udc00\\ud800\"");

    /** Raw byte sequences that are not UTF-8. */
    private static final List<byte[]> BAD_BYTES = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xC0,
            (byte) 0xAE}, new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});

    private static final List<String> PATH_ODDITIES = List.of("..", "%2e%2e", ".%2E", "a%2Fb", "%00", "x".repeat(65),
            "x".repeat(3000), "%20", "a%20b", "%E2%80%AE", "%F0%9F%98%80", "%7B%22%24gt%22%3A%22%22%7D", "a%5Cb",
            "%25", "%C0%AE%C0%AE", "%FF", "a%0Ab", "%3Cscript%3E", "..%2F..%2Fetc%2Fpasswd", "a:b", "%24where");

    private static final List<String> MALFORMED = List.of("", "{", "}", "{\"code\": }", "null", "\"text\"", "123",
            "{'code': 'x'}", "{\"a\":NaN}", "{/* comment */}", "\u0000", "{\"a\":1,}", "[1,2", "{\"a\" \"b\"}",
            "{\"a\":\"unterminated}", "{\"a\":1}{\"b\":2}", "true", "{\"a\":01}", "{\"a\":.5}", "{\"a\":\"\\x41\"}");

    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/html", "image/png",
            "application/octet-stream", "json", "*/*", "application/json-patch");

    // ---- the generator --------------------------------------------------------------------------------

    private List<Hostile> generate() {
        Random random = new Random(SEED);
        List<Hostile> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            generateFor(endpoint, random, cases);
        }
        return cases;
    }

    private void generateFor(Endpoint e, Random random, List<Hostile> cases) {
        if (e.validBody() == null) {
            generateForBodiless(e, random, cases);
            return;
        }
        Map<String, String> jsonType = Map.of("Content-Type", MediaType.APPLICATION_JSON_VALUE);
        String invalidBody = withExtraField(e.validBody());

        // missing required fields, one at a time; and every field missing at once
        for (Field field : e.fields()) {
            if (field.required()) {
                cases.add(jsonCase("missing " + field.path(), e, removed(e.validBody(), field.path())));
            }
        }
        if (e.fields().stream().anyMatch(Field::required)) {
            cases.add(jsonCase("empty object", e, "{}"));
        }
        // wrong JSON types, wrong forms and out-of-range values, explicit nulls for required fields
        for (Field field : e.fields()) {
            for (JsonNode wrong : pick(random, wrongTypes(field.kind()), 1)) {
                cases.add(jsonCase("wrong type " + field.path(), e, replaced(e.validBody(), field.path(), wrong)));
            }
            for (JsonNode wrong : pick(random, outOfRange(field.kind()), 2)) {
                boolean blank = wrong.isNull() || wrong.isTextual() && wrong.asText().isBlank();
                if (blank && field.kind() == Kind.TEXT && !field.required() || wrong.isNull() && !field.required()) {
                    continue; // an optional text may be empty, and null means absent
                }
                cases.add(jsonCase("invalid value " + field.path(), e, replaced(e.validBody(), field.path(), wrong)));
            }
            if (field.required()) {
                cases.add(jsonCase("null " + field.path(), e, replaced(e.validBody(), field.path(), NODES.nullNode())));
            }
            if (field.kind() != Kind.OBJECT) {
                // one of: text no store can keep, text longer than allowed, bytes that are not UTF-8
                switch (random.nextInt(3)) {
                    case 0 -> cases.add(jsonCase("bad text " + field.path(), e, rawReplaced(e.validBody(), field.path(),
                            BAD_TEXT.get(random.nextInt(BAD_TEXT.size())))));
                    case 1 -> {
                        List<Integer> tooLong = field.kind() == Kind.TEXT ? List.of(2001, 20_000) : List.of(65, 2001, 20_000);
                        int size = tooLong.get(random.nextInt(tooLong.size()));
                        cases.add(jsonCase("long string " + field.path(), e,
                                           replaced(e.validBody(), field.path(), NODES.textNode("Ắ".repeat(size)))));
                    }
                    default -> cases.add(new Hostile("invalid UTF-8 in " + field.path(), e.method(), e.path(), jsonType,
                            withRawBytes(replaced(e.validBody(), field.path(), NODES.textNode("@@")),
                                         BAD_BYTES.get(random.nextInt(BAD_BYTES.size()))), false));
                }
            }
        }
        if (e.validBody().startsWith("[")) {
            for (String body : List.of("[\"2030-02-30\"]", "[null]", "[1]", "[[\"2030-01-01\"]]", "{\"holidays\": []}",
                                       "[\"2030-01-01\"," + "\"2030-01-02\",".repeat(400) + "\"2030-01-03\"]",
                                       "[{\"$gt\": \"\"}]", "[\"2031-01-01\"]", "[\"+12030-01-01\"]")) {
                cases.add(jsonCase("invalid list", e, body));
            }
        }
        // extra and duplicate fields
        if (e.validBody().startsWith("{")) {
            for (String extra : List.of("\"unexpected\": 1", "\"__proto__\": {}", "\"$set\": {\"status\": 1}",
                                        "\"@class\": \"java.lang.Runtime\"", "\"position\": 1")) {
                if (!(extra.startsWith("\"position\"") && e.fields().stream().anyMatch(f -> f.path().equals("position")))) {
                    cases.add(jsonCase("extra field", e, withFirstMember(e.validBody(), extra)));
                }
            }
            Field first = e.fields().get(0);
            if (!first.path().contains(".")) {
                cases.add(jsonCase("duplicate key", e, withFirstMember(e.validBody(),
                        "\"" + first.path() + "\": " + replacedValue(e.validBody(), first.path()))));
            }
            if (e.fields().stream().anyMatch(f -> f.path().startsWith("applicant."))) {
                cases.add(jsonCase("extra nested field", e, e.validBody().replace("\"applicant\": {",
                                                                                  "\"applicant\": {\"role\": \"ADMIN\", ")));
            }
        }
        // deep nesting and huge bodies
        if (!e.fields().isEmpty()) {
            Field field = e.fields().get(random.nextInt(e.fields().size()));
            for (int depth : List.of(40, 3000)) {
                String nested = "[".repeat(depth) + "1" + "]".repeat(depth);
                cases.add(jsonCase("nested " + depth, e, rawReplaced(e.validBody(), field.path(), nested)));
            }
        }
        switch (random.nextInt(3)) {
            case 0 -> cases.add(jsonCase("body of 70 KB", e,
                                         withFirstMember(invalidBody, "\"padding\": \"" + "x".repeat(70_000) + "\"")));
            case 1 -> cases.add(jsonCase("body of 300 KB", e, "[" + "1,".repeat(150_000) + "1]"));
            default -> cases.add(new Hostile("chunked body of 100 KB", e.method(), e.path(), jsonType,
                    ("{\"padding\": \"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8), true));
        }
        cases.add(new Hostile("chunked malformed body", e.method(), e.path(), jsonType,
                              "{\"a\": ".getBytes(StandardCharsets.UTF_8), true));
        // syntactically broken JSON
        for (String body : pick(random, MALFORMED, 4)) {
            if (!(e.bodyOptional() && (body.isEmpty() || body.equals("null")))) { // no body is a valid request there
                cases.add(jsonCase("malformed", e, body));
            }
        }
        cases.add(jsonCase("trailing garbage", e, e.validBody() + " garbage"));
        cases.add(jsonCase("truncated", e, e.validBody().substring(0, e.validBody().length() / 2)));
        // content types: the service reads JSON only
        String someBody = e.validBody();
        for (String type : pick(random, WRONG_CONTENT_TYPES, 2)) {
            cases.add(new Hostile("content type " + type, e.method(), e.path(), Map.of("Content-Type", type),
                                  someBody.getBytes(StandardCharsets.UTF_8), false));
        }
        cases.add(new Hostile("no content type", e.method(), e.path(), Map.of(),
                              someBody.getBytes(StandardCharsets.UTF_8), false));
        for (String charset : pick(random, List.of("nonsense", "UTF-16", "x-unknown-8", "UTF-7"), 1)) {
            cases.add(new Hostile("charset " + charset, e.method(), e.path(),
                                  Map.of("Content-Type", "application/json; charset=" + charset),
                                  invalidBody.getBytes(StandardCharsets.UTF_8), false));
        }
        generatePathsMethodsAndHeaders(e, random, cases, invalidBody);
        cases.add(new Hostile("correlation id", e.method(), e.path(),
                              Map.of("Content-Type", "application/json", "X-Correlation-Id", "<script>" + "x".repeat(300)),
                              bytes(invalidBody), false));
    }

    /** A request without a body: only its path, method and headers can be hostile (a body is ignored). */
    private void generateForBodiless(Endpoint e, Random random, List<Hostile> cases) {
        generatePathsMethodsAndHeaders(e, random, cases, null);
        for (String odd : PATH_ODDITIES) {
            cases.add(new Hostile("path segment", e.method(), e.path().replaceFirst("[^/]+$", odd), Map.of(), null,
                                  false));
        }
    }

    private void generatePathsMethodsAndHeaders(Endpoint e, Random random, List<Hostile> cases, String invalidBody) {
        Map<String, String> jsonType = Map.of("Content-Type", MediaType.APPLICATION_JSON_VALUE);
        // odd path segments in place of each variable of the path, with an otherwise valid request
        List<String> segments = List.of(e.path().split("/"));
        for (int i = 4; i < segments.size(); i++) {
            if (isVariable(e, i)) {
                for (String odd : pick(random, PATH_ODDITIES, 3)) {
                    List<String> changed = new ArrayList<>(segments);
                    changed.set(i, odd);
                    cases.add(new Hostile("path segment " + i, e.method(), String.join("/", changed), jsonType,
                                          e.validBody() == null ? null : e.validBody().getBytes(StandardCharsets.UTF_8),
                                          false));
                }
            }
        }
        cases.add(new Hostile("trailing slash", e.method(), e.path() + "/", jsonType, bytes(e.validBody()), false));
        cases.add(new Hostile("extra segment", e.method(), e.path() + "/x", jsonType, bytes(e.validBody()), false));
        if (invalidBody != null) {
            cases.add(new Hostile("query injection", e.method(), e.path() + "?code[$ne]=x&%24where=1", jsonType,
                                  bytes(invalidBody), false));
        }
        // methods the endpoint does not have
        for (String method : pick(random, List.of("GET", "PATCH", "PUT", "POST", "DELETE", "TRACE", "PROPFIND", "FOO"), 2)) {
            if (!method.equals(e.method()) && !(method.equals("DELETE") && e.method().equals("POST")
                                                   && e.path().endsWith("/accounts"))) {
                cases.add(new Hostile("method " + method, method, e.path(), jsonType, bytes(e.validBody()), false));
            }
        }
        // headers: a bad idempotency key refuses even a valid request; odd Accept and correlation ids
        for (String key : pick(random, List.of("two words", "x".repeat(256), "tab\tkey"), 1)) {
            cases.add(new Hostile("idempotency key", e.method(), e.path(),
                                  Map.of("Content-Type", "application/json", "Idempotency-Key", key),
                                  bytes(e.validBody()), false));
        }
        // no, invalid, expired or forged tokens, and tokens of roles that may not give the command
        cases.add(new Hostile("no token", e.method(), e.path(), withToken(jsonType, NO_TOKEN), bytes(e.validBody()),
                              false));
        for (String token : pick(random, hostileTokens, 2)) {
            cases.add(new Hostile("token " + abbreviate(token, 40), e.method(), e.path(), withToken(jsonType, token),
                                  bytes(e.validBody()), false));
        }
        // a client that cannot read the answer: refused before anything runs, even for a valid request
        for (String accept : pick(random, List.of("text/html", "application/xml", "image/*", "application/json;q=oops", "x"), 2)) {
            cases.add(new Hostile("accept " + accept, e.method(), e.path(),
                                  Map.of("Content-Type", "application/json", "Accept", accept), bytes(e.validBody()),
                                  false));
        }
    }

    /** Path segments after {@code /api/v1/<resource>} that hold an id, a code or a year. */
    private static boolean isVariable(Endpoint e, int index) {
        String segment = e.path().split("/")[index];
        return segment.startsWith("FZ-") || segment.equals("EDUCATION") || segment.equals("2030")
               || segment.equals(ACCOUNT) || segment.equals(ID_NUMBER);
    }

    private static Map<String, String> withToken(Map<String, String> headers, String authorization) {
        Map<String, String> with = new LinkedHashMap<>(headers);
        with.put("Authorization", authorization);
        return with;
    }

    private static byte[] bytes(String body) {
        return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> List<T> pick(Random random, List<T> from, int count) {
        List<T> pool = new ArrayList<>(from);
        List<T> picked = new ArrayList<>();
        while (picked.size() < count && !pool.isEmpty()) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return picked;
    }

    private Hostile jsonCase(String strategy, Endpoint e, String body) {
        return new Hostile(strategy, e.method(), e.path(), Map.of("Content-Type", MediaType.APPLICATION_JSON_VALUE),
                           body.getBytes(StandardCharsets.UTF_8), false);
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String removed(String body, String path) {
        JsonNode root = tree(body);
        parentOf(root, path).remove(leafOf(path));
        return root.toString();
    }

    private String replaced(String body, String path, JsonNode value) {
        JsonNode root = tree(body);
        parentOf(root, path).set(leafOf(path), value);
        return root.toString();
    }

    private String replacedValue(String body, String path) {
        return parentOf(tree(body), path).get(leafOf(path)).toString();
    }

    /** The body with the field's value replaced by raw JSON text (which may be deeper than a parser allows). */
    private String rawReplaced(String body, String path, String raw) {
        String marker = "\"@@marker@@\"";
        return replaced(body, path, NODES.textNode("@@marker@@")).replace(marker, raw);
    }

    private static byte[] withRawBytes(String body, byte[] raw) {
        int at = body.indexOf("@@");
        byte[] before = body.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = body.substring(at + 2).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[before.length + raw.length + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(raw, 0, all, before.length, raw.length);
        System.arraycopy(after, 0, all, before.length + raw.length, after.length);
        return all;
    }

    private String withExtraField(String body) {
        return body.startsWith("{") ? withFirstMember(body, "\"unexpected\": true") : "{\"unexpected\": true}";
    }

    private static String withFirstMember(String object, String member) {
        return "{" + member + ", " + object.substring(1);
    }

    private static ObjectNode parentOf(JsonNode root, String path) {
        JsonNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]);
        }
        return (ObjectNode) node;
    }

    private static String leafOf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    // ---- the run --------------------------------------------------------------------------------------

    @BeforeAll
    void someValidData() {
        admin = "Bearer " + ActingOfficials.token(minter, Role.ADMIN, null);
        homeAffairs = "Bearer " + ActingOfficials.token(minter, Role.HOME_AFFAIRS, null);
        unitHead = "Bearer " + ActingOfficials.token(minter, Role.UNIT_HEAD, UNIT);
        Clock clock = Clock.systemUTC();
        TokenMinter forger = new TokenMinter("not-the-secret-of-this-service-0123456789", clock);
        String valid = ActingOfficials.token(minter, Role.ADMIN, null);
        String[] parts = valid.split("\\.");
        String unsigned = Base64.getUrlEncoder().withoutPadding()
                                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        hostileTokens = List.of(
                "Bearer garbage",
                "Bearer " + new TokenMinter(secret, Clock.offset(clock, Duration.ofHours(-3)))
                        .mint(new Caller("expired", Role.ADMIN, null), Duration.ofHours(1)),
                "Bearer " + forger.mint(new Caller("forger", Role.ADMIN, null), Duration.ofHours(1)),
                "Bearer " + unsigned,
                "Bearer " + parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse(),
                "Basic dXNlcjpwYXNzd29yZA==",
                "Bearer",
                "bearer " + "x".repeat(8000),
                "Bearer " + ActingOfficials.token(minter, Role.AUDITOR, null),
                "Bearer " + ActingOfficials.token(minter, Role.CLIENT, null),
                "Bearer " + ActingOfficials.token(minter, Role.CLERK, OTHER_UNIT));

        seed("POST", "/api/v1/units", """
                {"code": "%s", "name": "Xã Tân Lập", "kind": "COMMUNE"}""".formatted(UNIT));
        seed("POST", "/api/v1/units", """
                {"code": "%s", "name": "Phường Hòa Bình", "kind": "WARD"}""".formatted(OTHER_UNIT));
        seed("POST", "/api/v1/procedures", """
                {"code": "%s", "name": "Đăng ký khai sinh", "field": "JUSTICE", "level": "COMMUNE",
                 "processingHours": 8, "cutoff": "15:00", "online": true}""".formatted(PROCEDURE));
        seed("POST", "/api/v1/dossiers", """
                {"dossierId": "%s", "procedureCode": "%s", "unitCode": "%s", "channel": "IN_PERSON",
                 "applicant": {"idNumber": "001203004567", "fullName": "Nguyễn Văn An"},
                 "submittedAt": "2025-07-01T09:30:00+07:00"}""".formatted(DOSSIER, PROCEDURE, UNIT));
        seed("POST", "/api/v1/feedback", """
                {"feedbackId": "%s", "kind": "SUGGESTION", "unitCode": "%s", "subject": "Thêm ghế chờ",
                 "receivedAt": "2025-07-01T09:30:00+07:00"}""".formatted(FEEDBACK, UNIT));
        seed("POST", "/api/v1/staff", """
                {"staffId": "%s", "fullName": "Trần Thị Bình", "unitCode": "%s", "field": "EDUCATION",
                 "position": "giáo viên", "effectiveDate": "2024-03-01", "decisionNo": "12/QĐ-SNV"}"""
                .formatted(STAFF, UNIT));
        seed("POST", "/api/v1/staff/" + STAFF + "/accounts", """
                {"account": "%s"}""".formatted(ACCOUNT));
        seed("PUT", "/api/v1/calendar/holidays/2030", """
                ["2030-01-01"]""");
    }

    /** The official whose job the command is: ADMIN, HOME_AFFAIRS, or the UNIT_HEAD of the seeded dossier's and feedback's unit. */
    private String officialFor(String path) {
        if (path.startsWith("/api/v1/dossiers") || path.startsWith("/api/v1/feedback")) {
            return unitHead;
        }
        return path.startsWith("/api/v1/staff") || path.contains("/quotas/") ? homeAffairs : admin;
    }

    private void seed(String method, String path, String body) {
        Answer answer = send(new Hostile("seed", method, path, Map.of("Content-Type", "application/json"),
                                         body.getBytes(StandardCharsets.UTF_8), false));
        assertThat(answer.status()).as(path + " " + answer.body()).isBetween(200, 299);
    }

    @Test
    void noHostileRequestIsAcceptedOrFailsOnTheServerAndTheStoreIsUnchanged() {
        List<Hostile> cases = generate();
        long head = engine.headPosition();
        Map<String, Long> counts = collectionCounts();

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Hostile hostile : cases) {
            Answer answer;
            try {
                answer = send(hostile);
            } catch (RuntimeException e) {
                failures.add("no answer (" + e + ") to " + hostile.describe());
                continue;
            }
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() < 400 || answer.status() >= 500) {
                failures.add(answer.status() + " " + abbreviate(answer.body(), 300) + " to " + hostile.describe());
            } else if (answer.contentType() == null
                       || !MediaType.parseMediaType(answer.contentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                failures.add(answer.status() + " as " + answer.contentType() + " " + abbreviate(answer.body(), 200)
                             + " to " + hostile.describe());
            }
        }

        System.out.println("Hostile requests: " + cases.size() + ", answers by status: " + statuses);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(failures).as("%d of %d requests", failures.size(), cases.size()).isEmpty();
        assertThat(engine.headPosition()).isEqualTo(head);
        assertThat(collectionCounts()).isEqualTo(counts);
    }

    private Map<String, Long> collectionCounts() {
        MongoDatabase database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        Map<String, Long> counts = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            counts.put(name, database.getCollection(name).countDocuments(new Document()));
        }
        return counts;
    }

    private Answer send(Hostile hostile) {
        URI uri = URI.create(plain.getRootUri() + hostile.path());
        return plain.getRestTemplate().execute(uri, HttpMethod.valueOf(hostile.method()), request -> {
            hostile.headers().forEach(request.getHeaders()::set);
            String authorization = hostile.headers().getOrDefault("Authorization", officialFor(hostile.path()));
            if (NO_TOKEN.equals(authorization)) {
                request.getHeaders().remove("Authorization");
            } else {
                request.getHeaders().set("Authorization", authorization);
            }
            if (hostile.body() != null) {
                if (!hostile.chunked()) {
                    request.getHeaders().setContentLength(hostile.body().length);
                }
                try (OutputStream out = request.getBody()) {
                    out.write(hostile.body());
                }
            }
        }, response -> new Answer(response.getStatusCode().value(), response.getHeaders().getFirst("Content-Type"),
                                  new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
