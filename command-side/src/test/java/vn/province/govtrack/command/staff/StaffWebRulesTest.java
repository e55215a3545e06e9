package vn.province.govtrack.command.staff;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.province.govtrack.command.CommandWebSlice;
import vn.province.govtrack.command.CommandWebSliceTest;
import vn.province.govtrack.security.Role;

/**
 * The rules the web layer applies to the staff endpoints before any command is sent: HOME_AFFAIRS alone
 * moves staff, province-wide, and each movement's required fields and the ids in its path are checked.
 * Each refusal is problem+json and reaches no command: the command sender is a mock that must stay
 * untouched.
 */
@CommandWebSlice(StaffController.class)
class StaffWebRulesTest extends CommandWebSliceTest {

    private static final String RECRUIT = """
            {"staffId": "CB-1", "fullName": "Trần Thị Bình", "unitCode": "SO-1", "field": "INFORMATION_TECHNOLOGY",
             "position": "IT officer", "effectiveDate": "2024-03-01", "decisionNo": "12/QĐ-SNV"}""";
    private static final String TRANSFER = """
            {"toUnitCode": "XA-1", "effectiveDate": "2025-07-01", "decisionNo": "20/QĐ-SNV"}""";

    /** Sends {@code json} as {@code role} (of unit SO-1 where the role is bound to one). */
    private ResultActions as(Role role, MockHttpServletRequestBuilder request, String json) throws Exception {
        return send(request, json, role, "SO-1");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "HOME_AFFAIRS", mode = EnumSource.Mode.EXCLUDE)
    void only_home_affairs_recruits_transfers_or_revokes_an_account(Role role) throws Exception {
        refused(as(role, post("/api/v1/staff"), RECRUIT), 403, "forbidden");
        refused(as(role, post("/api/v1/staff/CB-1/transfers"), TRANSFER), 403, "forbidden");
        refused(as(role, delete("/api/v1/staff/CB-1/accounts/binh.tt"), ""), 403, "forbidden");
    }

    @Test
    void a_recruitment_without_name_position_or_decision_is_invalid_and_names_each_field() throws Exception {
        ResultActions answer = as(Role.HOME_AFFAIRS, post("/api/v1/staff"), """
                {"unitCode": "SO-1", "field": "INFORMATION_TECHNOLOGY", "fullName": " ", "position": ""}""");

        refused(answer, 400, "invalid-input");
        answer.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("fullName", "position", "decisionNo")));
    }

    @Test
    void a_transfer_or_a_secondment_without_its_dates_is_invalid() throws Exception {
        refused(as(Role.HOME_AFFAIRS, post("/api/v1/staff/CB-1/transfers"), """
                {"toUnitCode": "XA-1", "decisionNo": "20/QĐ-SNV"}"""), 400, "invalid-input");
        refused(as(Role.HOME_AFFAIRS, post("/api/v1/staff/CB-1/secondments"), """
                {"toUnitCode": "XA-1", "from": "2025-07-01", "decisionNo": "21/QĐ-SNV"}"""), 400, "invalid-input");
    }

    @Test
    void ids_of_a_shape_no_staff_member_or_account_has_are_refused() throws Exception {
        refused(as(Role.HOME_AFFAIRS, post("/api/v1/staff/CB 1/transfers"), TRANSFER), 400, "invalid-input");
        refused(as(Role.HOME_AFFAIRS, delete("/api/v1/staff/CB-1/accounts/binh tt"), ""), 400, "invalid-input");
    }
}
