package vn.province.govtrack.command.dossier;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.province.govtrack.command.CommandWebSlice;
import vn.province.govtrack.command.CommandWebSliceTest;
import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.personaldata.PersonalData;
import vn.province.govtrack.security.Role;

/**
 * The rules the web layer applies to the dossier endpoints before any command is sent: only the desk
 * (a clerk or the unit head) submits and moves dossiers, only the unit head extends or transfers one,
 * and each request's required fields and the dossier id in its path are checked. Each refusal is
 * problem+json and reaches nothing behind the controller: the command sender, the personal-data vault
 * and the recorded dossier states are mocks that must stay untouched.
 */
@CommandWebSlice(DossierController.class)
class DossierWebRulesTest extends CommandWebSliceTest {

    private static final String SUBMISSION = """
            {"procedureCode": "KHAI-SINH", "unitCode": "XA-1", "channel": "IN_PERSON",
             "applicant": {"idNumber": "001203004567", "fullName": "Nguyễn Văn An"}}""";
    private static final String EXTENSION = """
            {"newDueAt": "2025-07-20T17:00:00+07:00", "apology": "Cần xác minh thêm"}""";
    private static final String TRANSFER = """
            {"toUnitCode": "XA-2", "reason": "Sai thẩm quyền"}""";

    @MockitoBean
    private RecordedDossierStates states;
    @MockitoBean
    private PersonalData personalData;
    @MockitoBean
    private WorkingHours workingHours;

    /** Sends {@code json} as {@code role} (of unit XA-1 where the role is bound to one). */
    private ResultActions as(Role role, MockHttpServletRequestBuilder request, String json) throws Exception {
        return send(request, json, role, "XA-1");
    }

    @AfterEach
    void nothingBehindTheControllerWasAsked() {
        verifyNoInteractions(states, personalData);
    }

    @Test
    void without_a_token_a_submission_is_401() throws Exception {
        refused(as(null, post("/api/v1/dossiers"), SUBMISSION), 401, "unauthenticated");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CLERK", "UNIT_HEAD"}, mode = EnumSource.Mode.EXCLUDE)
    void only_the_desk_submits_or_resolves_a_dossier(Role role) throws Exception {
        refused(as(role, post("/api/v1/dossiers"), SUBMISSION), 403, "forbidden");
        refused(as(role, post("/api/v1/dossiers/HS-1/resolution"), """
                {"outcome": "APPROVED"}"""), 403, "forbidden");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "UNIT_HEAD", mode = EnumSource.Mode.EXCLUDE)
    void only_the_unit_head_extends_or_transfers_a_dossier(Role role) throws Exception {
        refused(as(role, post("/api/v1/dossiers/HS-1/extensions"), EXTENSION), 403, "forbidden");
        refused(as(role, post("/api/v1/dossiers/HS-1/transfers"), TRANSFER), 403, "forbidden");
    }

    @Test
    void a_submission_without_procedure_unit_channel_or_applicant_is_invalid_and_names_each_field() throws Exception {
        ResultActions answer = as(Role.CLERK, post("/api/v1/dossiers"), "{}");

        refused(answer, 400, "invalid-input");
        answer.andExpect(jsonPath("$.errors[*].field",
                                  containsInAnyOrder("procedureCode", "unitCode", "channel", "applicant")));
    }

    @Test
    void an_applicant_without_a_twelve_digit_id_number_or_a_name_is_invalid() throws Exception {
        ResultActions answer = as(Role.CLERK, post("/api/v1/dossiers"), """
                {"procedureCode": "KHAI-SINH", "unitCode": "XA-1", "channel": "IN_PERSON",
                 "applicant": {"idNumber": "12345", "fullName": " "}}""");

        refused(answer, 400, "invalid-input");
        answer.andExpect(jsonPath("$.errors[*].field",
                                  containsInAnyOrder("applicant.idNumber", "applicant.fullName")));
    }

    @Test
    void a_channel_or_an_outcome_no_dossier_has_leaves_the_body_unreadable() throws Exception {
        refused(as(Role.CLERK, post("/api/v1/dossiers"), SUBMISSION.replace("IN_PERSON", "CARRIER_PIGEON")), 400,
                "malformed-request");
        refused(as(Role.CLERK, post("/api/v1/dossiers/HS-1/resolution"), """
                {"outcome": "MAYBE"}"""), 400, "malformed-request");
    }

    @Test
    void an_extension_without_a_new_due_date_or_a_payment_request_of_nothing_is_invalid() throws Exception {
        as(Role.UNIT_HEAD, post("/api/v1/dossiers/HS-1/extensions"), """
                {"apology": "Cần xác minh thêm"}""")
                .andExpect(jsonPath("$.errors[*].field", hasItem("newDueAt")));
        refused(as(Role.CLERK, post("/api/v1/dossiers/HS-1/payment-requests"), """
                {"amount": 0, "reason": "Lệ phí"}"""), 400, "invalid-input");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CLERK", "UNIT_HEAD"}, mode = EnumSource.Mode.EXCLUDE)
    void only_the_desk_records_a_digitisation_an_electronic_result_or_a_rating(Role role) throws Exception {
        refused(as(role, post("/api/v1/dossiers/HS-1/digitisation"), """
                {"parts": 3, "digitisedParts": 3, "reusedParts": 0, "populationDataUsed": true}"""), 403, "forbidden");
        refused(as(role, post("/api/v1/dossiers/HS-1/electronic-result"), "{}"), 403, "forbidden");
        refused(as(role, post("/api/v1/dossiers/HS-1/rating"), """
                {"score": 5}"""), 403, "forbidden");
    }

    @Test
    void a_digitisation_out_of_its_ranges_or_a_rating_outside_one_to_five_is_invalid() throws Exception {
        as(Role.CLERK, post("/api/v1/dossiers/HS-1/digitisation"), """
                {"parts": 1001, "digitisedParts": -1, "reusedParts": 0}""")
                .andExpect(jsonPath("$.errors[*].field",
                                    containsInAnyOrder("parts", "digitisedParts", "populationDataUsed")));
        refused(as(Role.CLERK, post("/api/v1/dossiers/HS-1/rating"), """
                {"score": 6}"""), 400, "invalid-input");
        refused(as(Role.CLERK, post("/api/v1/dossiers/HS-1/payments"), """
                {"amount": 8000, "channel": "BY_CARRIER_PIGEON"}"""), 400, "malformed-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS 1", "HS-<1>", "HS-1234567890123456789012345678901234567890123456789012345678901234567890"})
    void a_dossier_id_of_a_shape_no_dossier_has_is_refused(String dossierId) throws Exception {
        refused(as(Role.CLERK, post("/api/v1/dossiers/{id}/receipt", dossierId), "{}"), 400, "invalid-input");
    }
}
