package vn.province.govtrack.command.unit;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.province.govtrack.command.CommandWebSlice;
import vn.province.govtrack.command.CommandWebSliceTest;
import vn.province.govtrack.command.web.ActingOfficials;
import vn.province.govtrack.security.Role;

/**
 * The rules the web layer applies to the unit endpoints before any command is sent: who may register
 * and dissolve units (ADMIN) and set quotas (HOME_AFFAIRS), and which bodies and paths are refused.
 * Each refusal is problem+json and reaches no command: the command sender is a mock that must stay
 * untouched.
 */
@CommandWebSlice({UnitController.class, QuotaController.class})
class UnitWebRulesTest extends CommandWebSliceTest {

    private static final String UNIT = """
            {"code": "XA-1", "name": "Xã Tân Lập", "kind": "COMMUNE"}""";
    private static final String QUOTA = """
            {"positions": 4, "effectiveDate": "2025-07-01", "decisionNo": "15/QĐ-UBND"}""";
    private static final String DISSOLUTION = """
            {"effectiveDate": "2025-07-02", "decisionNo": "88/NQ-HĐND"}""";

    /** Sends {@code json} as {@code role} of unit XA-1, or without a token when {@code role} is null. */
    private ResultActions send(MockHttpServletRequestBuilder request, String json, Role role) throws Exception {
        return send(request, json, role, "XA-1");
    }

    @Test
    void without_a_token_every_unit_command_is_401_with_a_bearer_challenge() throws Exception {
        for (ResultActions answer : new ResultActions[] {
                send(post("/api/v1/units"), UNIT, null),
                send(post("/api/v1/units/XA-1/dissolution"), DISSOLUTION, null),
                send(put("/api/v1/units/XA-1/quotas/LAND"), QUOTA, null)}) {
            answer.andExpect(status().isUnauthorized())
                  .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
                  .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void only_an_admin_registers_or_dissolves_a_unit(Role role) throws Exception {
        refused(send(post("/api/v1/units"), UNIT, role), 403, "forbidden");
        refused(send(post("/api/v1/units/XA-1/dissolution"), DISSOLUTION, role), 403, "forbidden");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "HOME_AFFAIRS", mode = EnumSource.Mode.EXCLUDE)
    void only_home_affairs_sets_a_quota(Role role) throws Exception {
        refused(send(put("/api/v1/units/XA-1/quotas/LAND"), QUOTA, role), 403, "forbidden");
    }

    @Test
    void a_unit_without_code_and_name_is_invalid_and_names_both_fields() throws Exception {
        refused(send(post("/api/v1/units"), """
                {"name": "", "kind": "COMMUNE"}""", Role.ADMIN), 400, "invalid-input");
        send(post("/api/v1/units"), """
                {"name": "", "kind": "COMMUNE"}""", Role.ADMIN)
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("code", "name")));
    }

    @Test
    void an_unknown_kind_or_an_unknown_property_is_a_malformed_request() throws Exception {
        refused(send(post("/api/v1/units"), """
                {"code": "XA-1", "name": "Xã", "kind": "VILLAGE"}""", Role.ADMIN), 400, "malformed-request");
        refused(send(post("/api/v1/units"), """
                {"code": "XA-1", "name": "Xã", "kind": "COMMUNE", "province": "HN"}""", Role.ADMIN),
                400, "malformed-request");
    }

    @Test
    void a_dissolution_without_its_decision_or_of_a_malformed_code_is_invalid() throws Exception {
        refused(send(post("/api/v1/units/XA-1/dissolution"), """
                {"effectiveDate": "2025-07-02"}""", Role.ADMIN), 400, "invalid-input");
        refused(send(post("/api/v1/units/xa 1/dissolution"), DISSOLUTION, Role.ADMIN), 400, "invalid-input");
    }

    @Test
    void a_quota_must_be_a_count_of_positions_within_the_cap() throws Exception {
        refused(send(put("/api/v1/units/XA-1/quotas/LAND"), """
                {"positions": -1}""", Role.HOME_AFFAIRS), 400, "invalid-input");
        refused(send(put("/api/v1/units/XA-1/quotas/LAND"), """
                {"positions": %d}""".formatted(Unit.MAX_QUOTA + 1), Role.HOME_AFFAIRS), 400, "invalid-input");
        refused(send(put("/api/v1/units/XA-1/quotas/LAND"), """
                {"positions": 4, "decisionNo": ""}""", Role.HOME_AFFAIRS), 400, "invalid-input");
    }

    @Test
    void a_body_that_is_not_json_is_refused_before_the_controller() throws Exception {
        mvc.perform(post("/api/v1/units").contentType(MediaType.TEXT_PLAIN).content("XA-1")
                                         .header(HttpHeaders.AUTHORIZATION,
                                                 "Bearer " + ActingOfficials.token(minter, Role.ADMIN, null)))
           .andExpect(status().isUnsupportedMediaType())
           .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
