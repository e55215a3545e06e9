package vn.province.govtrack.command.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Random;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import vn.province.govtrack.command.dossier.DossierEndpoint;
import vn.province.govtrack.command.dossier.DossierRequest.DigitisationRequest;
import vn.province.govtrack.command.dossier.DossierRequest.ElectronicResultRequest;
import vn.province.govtrack.command.dossier.DossierRequest.RatingRequest;
import vn.province.govtrack.command.dossier.DossierRequest.ReceiptRequest;
import vn.province.govtrack.command.dossier.DossierRequest.SubmitDossierRequest;
import vn.province.govtrack.command.history.Rejection.Reason;
import vn.province.govtrack.command.web.CommandEndpointRules;
import vn.province.govtrack.security.EndpointRules;
import vn.province.govtrack.security.Role;

/** The line format of docs/import.md, as the importer reads it: every bad line is a rejection, never a crash. */
class HistoryLinesTest {

    private static final String AT = "2025-07-01T08:30:00+07:00";

    private final HistoryLines lines = new HistoryLines(
            Jackson2ObjectMapperBuilder.json().build(), Validation.buildDefaultValidatorFactory().getValidator(),
            new StaticListableBeanFactory(Map.of("rules", new CommandEndpointRules()))
                    .getBeanProvider(EndpointRules.class));
    private final Histories histories = new Histories("HS", "XA-01", "XA-02", "KS-1");

    private HistoryLine read(String line) {
        return lines.read(7, line);
    }

    private Rejection rejected(String line) {
        HistoryLine read = read(line);
        assertThat(read).as(line).isInstanceOf(Rejection.class);
        assertThat(read.line()).isEqualTo(7);
        return (Rejection) read;
    }

    private static String step(String kind, String role, String fields) {
        return Histories.line("HS-1/1", "HS-1", kind, AT, role, "XA-01", fields);
    }

    @Nested
    class ReadableRecords {

        @Test
        void a_submission_is_the_body_of_its_endpoint_dated_at_the_records_instant_for_the_records_dossier() {
            HistoryLine read = read(Histories.line("HS-1/0", "HS-1", "submission", AT, "CLERK", "XA-01",
                                                   histories.submission("ONLINE", "001203004567")));

            assertThat(read).isInstanceOfSatisfying(HistoryRecord.class, record -> {
                assertThat(record.id()).isEqualTo("HS-1/0");
                assertThat(record.endpoint()).isEqualTo(DossierEndpoint.SUBMISSION);
                assertThat(record.caller().subject()).isEqualTo("officer-clerk-XA-01");
                assertThat(record.caller().role()).isEqualTo(Role.CLERK);
                assertThat(record.caller().unitCode()).isEqualTo("XA-01");
                assertThat(record.request()).isInstanceOfSatisfying(SubmitDossierRequest.class, body -> {
                    assertThat(body.dossierId()).isEqualTo("HS-1");
                    assertThat(body.unitCode()).isEqualTo("XA-01");
                    assertThat(body.submittedAt().toInstant()).isEqualTo(OffsetDateTime.parse(AT).toInstant());
                });
            });
        }

        @Test
        void a_step_without_fields_of_its_own_may_leave_them_out() {
            HistoryLine read = read("""
                    {"id": "HS-1/1", "dossierId": "HS-1", "kind": "receipt", "at": "2025-07-02T08:05:00+07:00",
                     "actor": {"subject": "officer-7", "role": "UNIT_HEAD", "unitCode": "XA-01"}}""".replace("\n", ""));

            assertThat(read).isInstanceOfSatisfying(HistoryRecord.class, record -> assertThat(record.request())
                    .isInstanceOfSatisfying(ReceiptRequest.class, body -> assertThat(body.receivedAt().toInstant())
                            .isEqualTo(OffsetDateTime.parse("2025-07-02T08:05:00+07:00").toInstant())));
        }

        @Test
        void the_national_index_inputs_are_steps_of_a_history_as_well() {
            HistoryLine digitised = read(step("digitisation", "CLERK", """
                    {"parts": 3, "digitisedParts": 2, "reusedParts": 1, "populationDataUsed": true}"""));
            HistoryLine rated = read(step("rating", "CLERK", "{\"score\": 4}"));
            HistoryLine issued = read(step("electronic-result", "CLERK", "{}"));

            assertThat(digitised).isInstanceOfSatisfying(HistoryRecord.class, record -> assertThat(record.request())
                    .isInstanceOfSatisfying(DigitisationRequest.class, body -> {
                        assertThat(body.digitisedParts()).isEqualTo(2);
                        assertThat(body.digitisedAt().toInstant()).isEqualTo(OffsetDateTime.parse(AT).toInstant());
                    }));
            assertThat(rated).isInstanceOfSatisfying(HistoryRecord.class, record -> assertThat(record.request())
                    .isInstanceOfSatisfying(RatingRequest.class, body -> assertThat(body.score()).isEqualTo(4)));
            assertThat(issued).isInstanceOfSatisfying(HistoryRecord.class, record -> assertThat(record.request())
                    .isInstanceOfSatisfying(ElectronicResultRequest.class, body -> assertThat(body.issuedAt())
                            .isEqualTo(OffsetDateTime.parse(AT))));
            assertThat(rejected(step("rating", "CLERK", "{\"score\": 9}")).detail())
                    .isEqualTo("fields.score must be less than or equal to 5");
        }

        @ParameterizedTest
        @EnumSource(DossierEndpoint.class)
        void every_kind_of_step_names_its_endpoint(DossierEndpoint endpoint) {
            HistoryLine read = read(step(endpoint.kind(), "UNIT_HEAD", "{}"));

            // {} is a valid body for some kinds only; either way the kind was recognised
            if (read instanceof Rejection rejection) {
                assertThat(rejection.reason()).isEqualTo(Reason.INVALID);
                assertThat(rejection.detail()).startsWith("fields.");
            } else {
                assertThat(((HistoryRecord) read).endpoint()).isEqualTo(endpoint);
            }
        }
    }

    @Nested
    class RejectedLines {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                not JSON                 | {"id": "HS-1/1",                   | the line is not well-formed JSON
                not an object            | [1, 2]                             | the line does not have the expected form
                a stray field            | {"id": "HS-1/1", "extra": true}    | extra is not a field of a record
                a duplicate field        | {"id": "HS-1/1", "id": "HS-1/2"}   | the line is not well-formed JSON
                an instant without offset| {"id": "HS-1/1", "at": "2025-07-01T08:30:00"} | at must be an ISO-8601 timestamp with offset, e.g. 2025-07-01T09:30:00+07:00
                """)
        void a_line_that_is_not_a_record_is_malformed(String what, String line, String detail) {
            Rejection rejection = rejected(line);

            assertThat(rejection.reason()).isEqualTo(Reason.MALFORMED);
            assertThat(rejection.detail()).isEqualTo(detail);
        }

        @Test
        void a_record_without_id_dossier_kind_time_or_actor_is_invalid() {
            assertThat(rejected("{}").detail()).startsWith("id is required");
            assertThat(rejected("{\"id\": \"HS-1/1\"}").detail()).startsWith("dossierId is required");
            assertThat(rejected("{\"id\": \"HS 1\", \"dossierId\": \"HS-1\"}").detail()).startsWith("id is required");
            assertThat(rejected("{\"id\": \"HS-1/1\", \"dossierId\": \"../x\"}").detail()).startsWith("dossierId is required");
            assertThat(rejected("{\"id\": \"HS-1/1\", \"dossierId\": \"HS-1\"}").detail()).startsWith("kind must be one of submission, receipt");
            assertThat(rejected("{\"id\": \"HS-1/1\", \"dossierId\": \"HS-1\", \"kind\": \"approval\"}").detail())
                    .startsWith("kind must be one of");
            assertThat(rejected("{\"id\": \"HS-1/1\", \"dossierId\": \"HS-1\", \"kind\": \"receipt\"}").detail())
                    .startsWith("at is required");
            Rejection noActor = rejected("{\"id\": \"HS-1/1\", \"dossierId\": \"HS-1\", \"kind\": \"receipt\", \"at\": \"" + AT + "\"}");
            assertThat(noActor.detail()).startsWith("actor: required");
            assertThat(noActor.recordId()).isEqualTo("HS-1/1");
            assertThat(noActor.dossierId()).isEqualTo("HS-1");
            assertThat(noActor.reason()).isEqualTo(Reason.INVALID);
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(textBlock = """
                SOMEBODY,     XA-01, 'actor: role must be one of [CLERK, UNIT_HEAD, HOME_AFFAIRS, ADMIN, AUDITOR, CLIENT]'
                CLERK,        '',    'actor: unitCode must be 1 to 64 letters, digits or ._-'
                ADMIN,        XA-01, 'actor: role ADMIN acts for no unit: unitCode must not be given'
                """)
        void an_actor_must_be_an_official_as_a_token_names_one(String role, String unit, String detail) {
            String line = Histories.line("HS-1/1", "HS-1", "receipt", AT, role, unit, "{}");

            assertThat(rejected(line).detail()).isEqualTo(detail);
        }

        @Test
        void an_actor_whose_role_may_not_give_the_step_is_refused_as_the_endpoint_refuses_it() {
            Rejection clerkExtends = rejected(step("extension", "CLERK", """
                    {"newDueAt": "2025-07-09T17:00:00+07:00", "apology": "Xin lỗi"}"""));
            Rejection auditorReceives = rejected(Histories.line("HS-1/1", "HS-1", "receipt", AT, "AUDITOR", null, "{}")
                                                          .replace("\"unitCode\": \"null\"", "\"unitCode\": null"));

            assertThat(clerkExtends.reason()).isEqualTo(Reason.FORBIDDEN);
            assertThat(clerkExtends.detail()).isEqualTo("role CLERK may not give the extension step (UNIT_HEAD may)");
            assertThat(auditorReceives.reason()).isEqualTo(Reason.FORBIDDEN);
            assertThat(auditorReceives.detail()).isEqualTo("role AUDITOR may not give the receipt step (CLERK or UNIT_HEAD may)");
        }

        @Test
        void fields_may_not_restate_the_records_time_or_dossier() {
            assertThat(rejected(step("receipt", "CLERK", "{\"receivedAt\": \"" + AT + "\"}")).detail())
                    .isEqualTo("fields.receivedAt must not be given: the step's time is the record's at");
            assertThat(rejected(step("submission", "CLERK", "{\"dossierId\": \"HS-2\"}")).detail())
                    .isEqualTo("fields.dossierId must not be given: the dossier is the record's dossierId");
        }

        @Test
        void fields_are_checked_as_the_endpoints_body_is() {
            assertThat(rejected(step("receipt", "CLERK", "{\"note\": \"x\"}")).detail())
                    .isEqualTo("fields: note is not a field of the receipt step");
            assertThat(rejected(step("payment", "CLERK", "{\"amount\": \"50000\"}")).detail())
                    .isEqualTo("fields: amount must be a whole number");
            assertThat(rejected(step("payment", "CLERK", "{\"amount\": -5}")).detail())
                    .isEqualTo("fields.amount must be greater than 0");
            assertThat(rejected(step("resolution", "CLERK", "{\"outcome\": \"MAYBE\"}")).detail())
                    .isEqualTo("fields: outcome must be one of [APPROVED, REFUSED]");
            assertThat(rejected(step("submission", "CLERK", histories.submission("ONLINE", "12345"))).detail())
                    .isEqualTo("fields.applicant.idNumber must be 12 digits");
            assertThat(rejected(step("submission", "CLERK", "{}")).detail())
                    .isEqualTo("fields.applicant must not be null; fields.channel must not be null; "
                               + "fields.procedureCode must not be null; fields.unitCode must not be null");
            assertThat(rejected(step("receipt", "CLERK", "[]")).detail()).startsWith("fields must be");
        }

        @Test
        void no_line_however_broken_throws() {
            Random random = new Random(11);
            String valid = step("assignment", "CLERK", "{\"staffId\": \"CB-1\"}");
            for (int i = 0; i < 2_000; i++) {
                StringBuilder line = new StringBuilder(valid);
                for (int change = 0; change < 1 + random.nextInt(4); change++) {
                    int at = random.nextInt(line.length());
                    switch (random.nextInt(3)) {
                        case 0 -> line.deleteCharAt(at);
                        case 1 -> line.insert(at, (char) random.nextInt(0x80));
                        default -> line.setCharAt(at, "{}[]\":,0a\\ ".charAt(random.nextInt(11)));
                    }
                }
                assertThat(read(line.toString())).isNotNull();
            }
        }
    }
}
